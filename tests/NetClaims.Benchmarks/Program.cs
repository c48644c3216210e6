using System.Diagnostics;
using BenchmarkDotNet.Running;
using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Networks;
using NetClaims.Benchmarks;

// Four modes:
//   dotnet run -c Release --project tests/NetClaims.Benchmarks -- --filter '*'         BenchmarkDotNet suites
//   dotnet run -c Release --project tests/NetClaims.Benchmarks -- --largest-d 60       largest d verified within 60 s
//   dotnet run -c Release --project tests/NetClaims.Benchmarks -- --exhaustive 20 24   build + exhaustive check at each d,
//                                                                                      time, peak memory, NumPy peer ratio
//   dotnet run -c Release --project tests/NetClaims.Benchmarks -- --full-cube-vp 10 12 14   whole-cube VP of χ, HiGHS peer
//   dotnet run -c Release --project tests/NetClaims.Benchmarks -- --train-epoch [16 1024 65536] [--device cuda]   one
//                                                full-batch Adam epoch: float32, float64, PyTorch peer (and ILGPU)
//   dotnet run -c Release --project tests/NetClaims.Benchmarks -- --pow-epoch [2 3 4 5]   the POW student at paper scale
if (args.Length >= 1 && args[0] == "--pow-epoch")
    return PowEpoch.Run(args.Skip(1).Select(int.Parse).DefaultIfEmpty(2).Concat(args.Length > 1 ? [] : [3, 4, 5]).ToArray());
if (args.Length >= 1 && args[0] == "--train-epoch")
{
    // --train-epoch [D M N] [--device cuda|ilgpu-cpu]: the last adds the ILGPU trainer's epoch on that accelerator.
    int at = Array.IndexOf(args, "--device");
    NetClaims.Training.TrainDevice? device = at < 0 ? null : args[at + 1] == "cuda" ? NetClaims.Training.TrainDevice.Cuda : NetClaims.Training.TrainDevice.IlgpuCpu;
    var shape = args.Skip(1).Where((_, i) => at < 0 || (i + 1 != at && i + 1 != at + 1)).Select(int.Parse).ToArray();
    return TrainEpoch.Run(shape.Length > 0 ? shape[0] : 16, shape.Length > 1 ? shape[1] : 1024, shape.Length > 2 ? shape[2] : 65536, device);
}
if (args.Length >= 1 && args[0] == "--full-cube-vp")
    return FullCubeVp.Run(args.Skip(1).Select(int.Parse).DefaultIfEmpty(10).ToArray());
if (args.Length >= 1 && args[0] == "--largest-d")
{
    double budget = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 60;
    foreach (var name in new[] { AveragedBlades.Name, AveragedRelu.Name })
    {
        int best = 0;
        double lastSeconds = 0;
        var c = ConstructionCatalog.Get(name);
        for (int d = 10; d <= 30; d++)
        {
            // Work and memory double per step on the transform path: stop before a d that would clearly blow the budget.
            if (lastSeconds * 2.2 > budget) break;
            try { c.EnsureFeasible(d); }
            catch (SizeRefusedException e) { Console.WriteLine($"{name} d={d}: refused ({e.Message})"); break; }
            var (ok, seconds, peak) = Exhaustive.Run(c, d);
            lastSeconds = seconds;
            Console.WriteLine($"{name} d={d}: {(ok ? "interpolates" : "FAILS")} in {seconds:F2} s, peak working set {peak / (1 << 20)} MiB");
            if (!ok) return 1;
            if (seconds <= budget) best = d;
            else break;
            Exhaustive.Release();
        }
        Console.WriteLine($"{name}: largest d verified exhaustively within {budget} s: {best}");
    }
    return 0;
}
if (args.Length >= 1 && args[0] == "--exhaustive")
{
    var ds = args.Skip(1).Select(int.Parse).DefaultIfEmpty(20).ToArray();
    foreach (var d in ds)
    {
        foreach (var name in new[] { AveragedBlades.Name, AveragedRelu.Name })
        {
            var (ok, seconds, peak) = Exhaustive.Run(ConstructionCatalog.Get(name), d);
            Console.WriteLine($"{name} d={d}: {(ok ? "interpolates" : "FAILS")}; build + exhaustive check {seconds:F2} s; peak working set {peak / (1 << 20)} MiB");
            Exhaustive.Release();
        }
        var peer = Exhaustive.NumPy(d);
        if (peer is null) Console.WriteLine("NumPy peer: not run (needs python3 with NumPy: apt-get install python3-numpy)");
        else
        {
            var (ok, seconds, _) = Exhaustive.Run(ConstructionCatalog.Get(AveragedBlades.Name), d);
            Console.WriteLine($"NumPy peer (same transform algorithm, int64) averaged-blades d={d}: {peer.Value.Seconds:F2} s, {peer.Value.Mismatches} mismatches; NetClaims {seconds:F2} s in the same run: ratio {peer.Value.Seconds / seconds:F1}×");
            Exhaustive.Release();
        }
    }
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(NetClaims.Benchmarks.ExhaustiveVerificationBenchmarks).Assembly).Run(args);
return 0;
