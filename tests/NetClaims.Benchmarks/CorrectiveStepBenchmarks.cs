using BenchmarkDotNet.Attributes;
using NetClaims.RandomFeatures;

namespace NetClaims.Benchmarks;

/// <summary>
/// One corrective step of the random-feature memoriser (issue target: n = 100, d = 10, N₀ = 10⁶ in ≤ 5 s on the 2-core
/// machine, memory ≤ 1 GiB): N₀·n·d multiply-adds, N₀·n sin/cos pairs and two ReLU passes, streamed in blocks.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class CorrectiveStepBenchmarks
{
    SphereData data = null!;

    [Params(100_000, 1_000_000)]
    public int Features { get; set; }

    [GlobalSetup]
    public void Setup() => data = SphereData.Sample(100, 10, 0.3, 1);

    [Benchmark]
    public double OneStep()
    {
        double sigma = data.Bandwidth(2);
        return CorrectiveMemorizer.Run(data, sigma, sigma, Features, 1, 1).Steps[0].ResidualRatio;
    }
}
