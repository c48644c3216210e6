using BenchmarkDotNet.Attributes;
using NetClaims.Training;

namespace NetClaims.Benchmarks;

/// <summary>
/// Forward+backward of the two-layer net at the shape (d = 16, width 1024, n = 65536): the float32 SIMD path
/// (counting 4·n·m·d; the epoch-against-PyTorch table is the --train-epoch mode), the float64 reference path, and one ILGPU (CPU accelerator) GD epoch.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class TrainingBenchmarks
{
    const int D = 16, M = 1024, N = 65536;
    float[] x = null!, y = null!;
    FloatGradient g = null!;
    TwoLayerFloat fast = null!;
    TwoLayer arch = null!;
    double[] theta = null!, grad = null!;
    Dataset data = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        x = Enumerable.Range(0, N * D).Select(_ => (float)(2 * rng.NextDouble() - 1)).ToArray();
        y = Enumerable.Range(0, N).Select(_ => (float)rng.NextDouble()).ToArray();
        arch = new TwoLayer(D, M);
        theta = arch.Initialize(1);
        grad = new double[theta.Length];
        fast = TwoLayerFloat.From(arch, theta);
        g = fast.NewGradient();
        data = new Dataset(N, D, x.Select(v => (double)v).ToArray(), y.Select(v => (double)v).ToArray());
    }

    [Benchmark(Baseline = true)]
    public double Float32Simd() => fast.LossAndGradient(x, y, g);

    [Benchmark]
    public double Float64Reference() { Array.Clear(grad); return arch.Loss(theta, data, ReadOnlySpan<int>.Empty, grad); }

    [Benchmark]
    public double IlgpuCpuEpoch() => IlgpuTrainer.Train(arch, theta, data, new TrainOptions { Epochs = 1, LearningRate = 1e-3 }, TrainDevice.IlgpuCpu).FinalLoss;
}
