#!/usr/bin/env bash
# The GPU check of the ILGPU trainer, in one run, with its figures in one file:
#   1. the agreement property: the ILGPU kernels (float32) train to the float64 CPU reference's parameters over generated
#      shapes, seeds and optimisers (IlgpuTrainerTests; the golden-PTX tests run with it);
#   2. the throughput benchmark: one full-batch Adam epoch (d = 16, m = 1024, n = 65536 unless given) for the ILGPU
#      trainer, the float32 SIMD CPU trainer, the float64 reference and PyTorch when installed.
# On a machine with a CUDA GPU (nvidia-smi lists one) both run on CUDA. Without one they run on ILGPU's CPU accelerator,
# the stand-in, and the file says so.
#
# usage: scripts/gpu-check.sh [OUT_FILE] [D M N]        (default OUT_FILE: artifacts/gpu-check.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/gpu-check.txt}
shift || true
shape=("$@")
device=ilgpu-cpu
if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L 2>/dev/null | grep -q '^GPU'; then device=cuda; fi
mkdir -p "$(dirname "$out")"
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
{
  echo "# NetClaims GPU check"
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "device: $device"
  if [ "$device" = cuda ]; then nvidia-smi -L; else echo "no CUDA GPU found: ILGPU's CPU accelerator stands in (correctness only; its speed says nothing about a GPU)"; fi
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') ($(nproc) cores)"
  echo
  echo "## 1. agreement property (ILGPU vs the float64 CPU reference) and golden PTX"
} > "$tmp"
dotnet build Verify.sln -c Release -v q -nologo > /dev/null
set +e
NETCLAIMS_ILGPU_DEVICE=$device dotnet test tests/NetClaims.Tests -c Release --no-build --filter "FullyQualifiedName~IlgpuTrainerTests" 2>&1 \
  | grep -E "Passed!|Failed!|Falsifiable|Error Message|relative gap" | tee -a "$tmp"
agreement=${PIPESTATUS[0]}
set -e
{ echo; echo "## 2. one full-batch Adam epoch"; } >> "$tmp"
dotnet run -c Release --no-build --project tests/NetClaims.Benchmarks -- --train-epoch "${shape[@]}" --device "$device" 2>&1 | tee -a "$tmp"
mv "$tmp" "$out"
trap - EXIT
echo "gpu-check: figures written to $out"
exit "$agreement"
