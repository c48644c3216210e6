using BenchmarkDotNet.Attributes;
using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Networks;

namespace NetClaims.Benchmarks;

/// <summary>
/// Exhaustive exact verification (build the network, compile its evaluator, evaluate every vertex of {±1}^d) of the
/// averaged constructions. Issue target: d = 16 in ≤ 20 s with ≤ 1 GiB on the 2-core machine.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ExhaustiveVerificationBenchmarks
{
    [Params(12, 14, 16)]
    public int D { get; set; }

    [Params(AveragedBlades.Name, AveragedRelu.Name)]
    public string Construction { get; set; } = AveragedBlades.Name;

    [Benchmark]
    public bool VerifyExhaustively()
    {
        var d = new Dimension(D);
        var net = ConstructionCatalog.Get(Construction).Build(d);
        var check = new CubeEvaluator(net).Check(Parity.Full(d));
        return check.Interpolates ? true : throw new InvalidOperationException($"{Construction} failed at d={D}");
    }
}
