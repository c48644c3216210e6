using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetClaims.Tests.Support;
using NetClaims.Training;

namespace NetClaims.Tests.Training;

public sealed record BackendCase(int D, int Width, int N, int Optimizer, int Seed)
{
    public override string ToString() => $"d={D} width={Width} n={N} optimizer={(OptimizerKind)Optimizer} seed={Seed}";
}

public static class BackendCases
{
    public static Arbitrary<BackendCase> Cases() => Arb.From(
        from d in Gen.Choose(1, 6)
        from width in Gen.Choose(1, 16)
        from n in Gen.Choose(1, 40)
        from opt in Gen.Choose(0, 2)
        from seed in Gen.Choose(0, 100_000)
        select new BackendCase(d, width, n, opt, seed));
}

// ILGPU compiles these kernels from the test assembly's IL at run time; Stryker's instrumented assembly
// cannot be compiled that way (InternalCompilerException), so the mutation run filters kind=ilgpu out.
[Trait("kind", "ilgpu")]
public sealed class IlgpuTrainerTests
{
    static Dataset Data(int d, int n, int seed)
    {
        var rng = new Random(seed);
        var x = TrainingData.Uniform(n, d, rng);
        return Dataset.Of(x, x.Select(r => Math.Sin(3 * r[0]) + 0.5 * r.Sum()).ToArray());
    }

    // The accelerator under test: ILGPU's CPU accelerator, or CUDA when NETCLAIMS_ILGPU_DEVICE=cuda (scripts/gpu-check.sh
    // sets it on a GPU machine).
    static TrainDevice Device => Environment.GetEnvironmentVariable("NETCLAIMS_ILGPU_DEVICE") == "cuda" ? TrainDevice.Cuda : TrainDevice.IlgpuCpu;

    // The same seed on both backends: the CPU reference in float64, the ILGPU kernels (CPU accelerator or CUDA) in float32.
    // 30 epochs at lr 0.01 (GD/SGD) or 0.001 (Adam): float32 rounding (~6e-8 relative per operation) compounds over
    // ~30·n steps to ≲ 1e-4 of the parameter scale on these well-conditioned problems; the tolerance 2e-3·(1 + |θ|)
    // leaves 20× while a wrong kernel (a missing term, a wrong index) moves parameters by O(lr·|g|·steps) ≳ 1e-2.
    [Property(Arbitrary = [typeof(BackendCases)], MaxTest = 25)]
    public Property Both_backends_train_to_the_same_parameters(BackendCase c)
    {
        var arch = new TwoLayer(c.D, c.Width);
        var data = Data(c.D, c.N, c.Seed);
        var opt = (OptimizerKind)c.Optimizer;
        var o = new TrainOptions { Optimizer = opt, LearningRate = opt == OptimizerKind.Adam ? 0.001 : 0.01, Epochs = 30, BatchSize = 8, WeightDecay = 0.01, Seed = c.Seed };
        var theta0 = arch.Initialize(c.Seed);
        var cpu = CpuTrainer.Train(arch, theta0, data, o);
        var gpu = IlgpuTrainer.Train(arch, theta0, data, o, Device);
        int worst = Enumerable.Range(0, cpu.Theta.Length).MaxBy(i => Math.Abs(cpu.Theta[i] - gpu.Theta[i]) / (1 + Math.Abs(cpu.Theta[i])));
        double gap = Math.Abs(cpu.Theta[worst] - gpu.Theta[worst]) / (1 + Math.Abs(cpu.Theta[worst]));
        double lossGap = Math.Abs(cpu.FinalLoss - gpu.FinalLoss) / (1 + cpu.FinalLoss);
        return (gap <= 2e-3 && lossGap <= 2e-3).Label($"{c}: parameter {worst}: cpu {cpu.Theta[worst]:G8}, ilgpu {gpu.Theta[worst]:G8} (relative gap {gap:G3}); losses {cpu.FinalLoss:G6} vs {gpu.FinalLoss:G6}");
    }

    [Theory]
    [InlineData("Residuals")]
    [InlineData("GradientPartial")]
    [InlineData("Reduce")]
    [InlineData("Update")]
    public void Kernels_compile_to_the_golden_ptx(string kernel)
    {
        var ptx = TwoLayerKernels.Ptx(kernel);
        Assert.Contains(".target sm_75", ptx);
        SnapshotApprovals.VerifyGolden($"two-layer.{kernel}", ptx, "ptx");
    }

    [Fact]
    public void Asking_for_cuda_without_a_gpu_is_a_one_line_error()
    {
        if (IlgpuTrainer.CudaAvailable()) return; // on a GPU machine the request is honoured instead
        var arch = new TwoLayer(2, 3);
        var e = Assert.Throws<DeviceUnavailableException>(() => IlgpuTrainer.Train(arch, arch.Initialize(1), Data(2, 4, 1), new TrainOptions(), TrainDevice.Cuda));
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(TrainDevice.Cpu, IlgpuTrainer.Resolve(TrainDevice.Auto));
    }
}
