using System.Diagnostics;
using BenchmarkDotNet.Running;
using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Networks;

// Two modes:
//   dotnet run -c Release --project tests/NetClaims.Benchmarks -- --filter '*'      BenchmarkDotNet suites
//   dotnet run -c Release --project tests/NetClaims.Benchmarks -- --largest-d 60    largest d verified within 60 s
if (args.Length >= 1 && args[0] == "--largest-d")
{
    double budget = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 60;
    foreach (var name in new[] { AveragedBlades.Name, AveragedRelu.Name })
    {
        int best = 0;
        double lastSeconds = 0;
        for (int d = 10; d <= 24; d++)
        {
            // Work grows 4× per step (2^d vertices × 2^d groups): skip a d that would clearly blow the budget.
            if (lastSeconds * 4 > budget * 1.5) break;
            var sw = Stopwatch.StartNew();
            var dim = new Dimension(d);
            var net = ConstructionCatalog.Get(name).Build(dim);
            var ok = new CubeEvaluator(net).Check(Parity.Full(dim)).Interpolates;
            lastSeconds = sw.Elapsed.TotalSeconds;
            long peak = Process.GetCurrentProcess().PeakWorkingSet64;
            Console.WriteLine($"{name} d={d}: {(ok ? "interpolates" : "FAILS")} in {lastSeconds:F2} s, peak working set {peak / (1 << 20)} MiB");
            if (!ok) return 1;
            if (lastSeconds <= budget) best = d;
            else break;
        }
        Console.WriteLine($"{name}: largest d verified exhaustively within {budget} s: {best}");
    }
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(NetClaims.Benchmarks.ExhaustiveVerificationBenchmarks).Assembly).Run(args);
return 0;
