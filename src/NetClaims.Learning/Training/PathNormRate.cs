using NetClaims.Networks;
using NetClaims.Statistics;

namespace NetClaims.Training;

/// <summary>One penalised-ERM fit: sample size, width, excess risk on clean test points, and the fit's path norm.</summary>
public readonly record struct RatePoint(int N, int Width, int Seed, double ExcessRisk, double PathNorm);

/// <summary>
/// The statistical rate of docs/ldc24.md §4 a ([SRC:abs] exponent (d+2)/(2d+2)), measured: a Barron-class teacher (a fixed
/// 4-unit two-layer ReLU net on d = 5, inputs U[−1, 1]^5, label noise N(0, 0.5²)), two-layer students trained by Adam
/// with weight decay λ on (W, a) — at balance (‖a‖² + ‖W‖_F²)/2 = Σ|a_k|‖w_k‖₂, so this is path-norm-penalised ERM —
/// and the excess risk E(f̂ − f*)² on 2000 clean test points, over an n grid, at several widths.
/// </summary>
public static class PathNormRate
{
    /// <summary>Input dimension of the rate experiment.</summary>
    public const int D = 5;
    /// <summary>Label noise standard deviation.</summary>
    public const double Noise = 0.5;

    /// <summary>The seeded teacher network.</summary>
    public static DenseTwoLayerRelu Teacher(int seed)
    {
        var rng = new Random(seed);
        return new DenseTwoLayerRelu(
            Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, D).Select(_ => Sampling.Gaussian(rng)).ToArray()).ToArray(),
            Enumerable.Range(0, 4).Select(_ => 0.5 * Sampling.Gaussian(rng)).ToArray(),
            Enumerable.Range(0, 4).Select(_ => Sampling.Gaussian(rng)).ToArray());
    }

    /// <summary>n inputs uniform on [−1, 1]^d, then their labels teacher(x) + noise·N(0, 1), drawn from <paramref name="rng"/> in that order.</summary>
    public static (double[][] X, double[] Y) Sample(Random rng, DenseTwoLayerRelu teacher, int n, double noise)
    {
        var x = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, teacher.D).Select(_ => 2 * rng.NextDouble() - 1).ToArray()).ToArray();
        return (x, x.Select(p => teacher.Evaluate(p) + noise * Sampling.Gaussian(rng)).ToArray());
    }

    /// <summary>Trains a path-norm-regularised student on n noisy samples and measures its excess risk.</summary>
    public static RatePoint Fit(int n, int width, int seed, double lambda = 1e-2, int epochs = 40)
    {
        if (n < 2 || n > 100_000 || width < 1 || width > 4096) throw new ArgumentOutOfRangeException(nameof(n), $"need 2 ≤ n ≤ 100000 and 1 ≤ width ≤ 4096, got n={n}, width={width}");
        var teacher = Teacher(1);
        var rng = new Random(seed * 1_000_003 + n);
        var (x, y) = Sample(rng, teacher, n, Noise);
        var (test, clean) = Sample(rng, teacher, 2000, 0); // noise 0: the labels are f*(x) exactly
        var arch = new TwoLayer(D, width);
        // A fixed number of minibatch updates (not epochs), so small n is not under-trained: ≈ epochs·1024/32 steps.
        int perEpoch = Math.Max(1, n / 32);
        var run = FloatTrainer.Train(arch, arch.Initialize(seed), Dataset.Of(x, y), new TrainOptions
        {
            Optimizer = OptimizerKind.Adam, LearningRate = 3e-3, BatchSize = 32, WeightDecay = lambda, Seed = seed,
            Epochs = Math.Max(epochs, epochs * 32 / perEpoch), LrMilestones = [Math.Max(epochs, epochs * 32 / perEpoch) * 9 / 10],
        });
        var net = arch.ToNetwork(run.Theta);
        double excess = test.Select((p, i) => Math.Pow(net.Evaluate(p) - clean[i], 2)).Average();
        return new RatePoint(n, width, seed, excess, Norms.PathNorm.L1(net));
    }
}
