using BenchmarkDotNet.Attributes;
using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Networks;

namespace NetClaims.Benchmarks;

/// <summary>
/// Exhaustive exact verification (build the network, compile its evaluator, evaluate every vertex of {±1}^d) of the
/// averaged constructions, by the path the gate uses: neuron by neuron up to d = 14, Walsh–Hadamard transforms above.
/// Targets: d = 16 in ≤ 20 s with ≤ 1 GiB; d = 20 in ≤ 10 s and d = 24 in ≤ 60 s with ≤ 4 GiB (2-core machine).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ExhaustiveVerificationBenchmarks
{
    [Params(12, 14, 16, 20, 24)]
    public int D { get; set; }

    [Params(AveragedBlades.Name, AveragedRelu.Name)]
    public string Construction { get; set; } = AveragedBlades.Name;

    [Benchmark]
    public bool VerifyExhaustively()
    {
        var (ok, _, _) = Exhaustive.Run(ConstructionCatalog.Get(Construction), D);
        return ok ? true : throw new InvalidOperationException($"{Construction} failed at d={D}");
    }
}
