using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetClaims.Training;

namespace NetClaims.Tests.Training;

/// <summary>A generated architecture, parameters and data for the finite-difference property.</summary>
public sealed record GradientCase(int Kind, int D, int Width, int Depth, int N, int Seed)
{
    public IArchitecture Architecture => Kind switch
    {
        0 => new TwoLayer(D, Width),
        1 => new DeepLinearReluArchitecture(D, Width, Depth),
        _ => new SumOfRelus(D, Width),
    };

    public Dataset Data()
    {
        var rng = new Random(Seed + 1);
        var x = Support.TrainingData.Uniform(N, D, rng);
        return Dataset.Of(x, Enumerable.Range(0, N).Select(_ => 2 * rng.NextDouble() - 1).ToArray());
    }

    public override string ToString() => $"{Architecture.Name} d={D} width={Width} n={N} seed={Seed}";
}

public static class GradientCases
{
    public static Arbitrary<GradientCase> Cases() => Arb.From(
        from kind in Gen.Choose(0, 2)
        from d in Gen.Choose(1, 5)
        from width in Gen.Choose(1, 6)
        from depth in Gen.Choose(2, 4)
        from n in Gen.Choose(1, 6)
        from seed in Gen.Choose(0, 100_000)
        select new GradientCase(kind, d, width, depth, n, seed));
}

public sealed class GradientTests
{
    // Central differences with h = 1e-6 on a loss of O(1) built from O(width·d) products: truncation O(h²·|f‴|) ≈ 1e-12
    // and rounding O(ε/h) ≈ 1e-10, so |∂_fd − ∂| ≤ 1e-6·(1 + |∂|) leaves a margin of 10⁴ while any wrong term in a hand
    // gradient shows up at O(1). The ReLU kinks are crossed only if a pre-activation lies within 1e-6 of 0 (probability
    // ~1e-6 per unit and sample with continuous random data).
    [Property(Arbitrary = [typeof(GradientCases)], MaxTest = 150)]
    public Property Hand_gradients_match_central_differences(GradientCase c)
    {
        var arch = c.Architecture;
        var data = c.Data();
        var theta = arch.Initialize(c.Seed);
        var grad = new double[theta.Length];
        arch.Loss(theta, data, ReadOnlySpan<int>.Empty, grad);
        const double h = 1e-6;
        var worst = (Index: -1, Fd: 0.0, Hand: 0.0);
        for (int i = 0; i < theta.Length; i++)
        {
            var plus = (double[])theta.Clone(); plus[i] += h;
            var minus = (double[])theta.Clone(); minus[i] -= h;
            double fd = (arch.Loss(plus, data, ReadOnlySpan<int>.Empty, Span<double>.Empty) - arch.Loss(minus, data, ReadOnlySpan<int>.Empty, Span<double>.Empty)) / (2 * h);
            if (Math.Abs(fd - grad[i]) > 1e-6 * (1 + Math.Abs(grad[i])) && worst.Index < 0) worst = (i, fd, grad[i]);
        }
        return (worst.Index < 0).Label($"{c}: parameter {worst.Index}: finite difference {worst.Fd:G10}, hand {worst.Hand:G10}");
    }

    [Fact]
    public void Minibatch_gradients_average_over_their_rows()
    {
        // The gradient over rows {0, 2} equals the mean of the single-row gradients (MSE is a mean): independent path.
        var c = new GradientCase(1, 3, 4, 3, 3, 11);
        var arch = c.Architecture;
        var data = c.Data();
        var theta = arch.Initialize(5);
        var both = new double[theta.Length];
        arch.Loss(theta, data, new[] { 0, 2 }, both);
        var g0 = new double[theta.Length]; arch.Loss(theta, data, new[] { 0 }, g0);
        var g2 = new double[theta.Length]; arch.Loss(theta, data, new[] { 2 }, g2);
        for (int i = 0; i < theta.Length; i++) Assert.InRange(both[i] - (g0[i] + g2[i]) / 2, -1e-12, 1e-12);
    }

    [Fact]
    public void Two_layer_depth_two_nets_agree_with_the_two_layer_architecture()
    {
        // L = 2 of the linear+ReLU family is the two-layer net with the same parameter layout [W, b, a, c].
        var deep = new DeepLinearReluArchitecture(3, 5, 2);
        var two = new TwoLayer(3, 5);
        Assert.Equal(two.ParameterCount, deep.ParameterCount);
        var theta = two.Initialize(3);
        var x = new[] { 0.3, -0.7, 0.9 };
        Assert.InRange(deep.Evaluate(theta, x) - two.Evaluate(theta, x), -1e-12, 1e-12);
        Assert.InRange(two.ToNetwork(theta).Evaluate(x) - two.Evaluate(theta, x), -1e-12, 1e-12);
    }

    [Fact]
    public void Init_follows_pytorchs_default_bounds()
    {
        // nn.Linear(fan_in, ·): weights and biases U(−1/√fan_in, 1/√fan_in); here fan_in = d = 16 for W and b, width for a, c.
        var arch = new TwoLayer(16, 100);
        var theta = arch.Initialize(1);
        Assert.All(theta.Take(16 * 100 + 100), t => Assert.InRange(t, -0.25, 0.25));
        Assert.All(theta.Skip(16 * 100 + 100), t => Assert.InRange(t, -0.1, 0.1));
        Assert.True(theta.Take(1600).Max() > 0.24 && theta.Take(1600).Min() < -0.24, "the bound is attained approximately");
    }
}

public sealed class CpuTrainerTests
{
    static Dataset Line()
    {
        var x = Enumerable.Range(0, 20).Select(i => new[] { i / 10.0 - 1 }).ToArray();
        return Dataset.Of(x, x.Select(r => 2 * r[0] + 0.5).ToArray());
    }

    [Fact]
    public void Gradient_descent_and_adam_fit_a_line()
    {
        foreach (var opt in new[] { OptimizerKind.Gd, OptimizerKind.Adam, OptimizerKind.Sgd })
        {
            var arch = new TwoLayer(1, 8);
            var r = CpuTrainer.Train(arch, arch.Initialize(2), Line(), new TrainOptions { Optimizer = opt, LearningRate = opt == OptimizerKind.Adam ? 0.01 : 0.05, Epochs = 3000, BatchSize = 5 });
            Assert.True(r.FinalLoss < 1e-3, $"{opt}: final loss {r.FinalLoss}");
        }
    }

    [Fact]
    public void Coupled_and_decoupled_decay_agree_for_plain_gradient_descent()
    {
        // For GD, θ − lr(g + λθ) = (θ − lr·λθ) − lr·g: the two forms are the same update (hand derivation).
        var arch = new TwoLayer(1, 4);
        var o = new TrainOptions { LearningRate = 0.05, Epochs = 50, WeightDecay = 0.1 };
        var a = CpuTrainer.Train(arch, arch.Initialize(3), Line(), o);
        var b = CpuTrainer.Train(arch, arch.Initialize(3), Line(), o with { Decoupled = true });
        for (int i = 0; i < a.Theta.Length; i++) Assert.InRange(a.Theta[i] - b.Theta[i], -1e-12, 1e-12);
    }

    [Fact]
    public void Weight_decay_shrinks_weights_but_not_biases()
    {
        // Same init, same data: the decayed run ends with a smaller ‖(W, a)‖.
        var arch = new TwoLayer(1, 4);
        var o = new TrainOptions { LearningRate = 0.05, Epochs = 500 };
        var plain = CpuTrainer.Train(arch, arch.Initialize(3), Line(), o);
        var decayed = CpuTrainer.Train(arch, arch.Initialize(3), Line(), o with { WeightDecay = 0.5 });
        double Norm(double[] t) => Math.Sqrt(t.Take(4).Sum(v => v * v) + t.Skip(8).Take(4).Sum(v => v * v));
        Assert.True(Norm(decayed.Theta) < Norm(plain.Theta));
    }

    [Fact]
    public void Learning_rate_steps_and_bad_options()
    {
        var o = new TrainOptions { LearningRate = 1, LrMilestones = [10, 20], LrGamma = 0.1 };
        Assert.InRange(o.RateAt(5), 1 - 1e-15, 1 + 1e-15);
        Assert.InRange(o.RateAt(15), 0.1 - 1e-15, 0.1 + 1e-15);
        Assert.InRange(o.RateAt(25), 0.01 - 1e-15, 0.01 + 1e-15);
        var arch = new TwoLayer(1, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => CpuTrainer.Train(arch, arch.Initialize(1), Line(), new TrainOptions { LearningRate = -1 }));
        Assert.Throws<ArithmeticException>(() => CpuTrainer.Train(arch, arch.Initialize(1), Line(), new TrainOptions { LearningRate = 1e6, Epochs = 200 }));
    }
}

public sealed class TwoLayerFloatTests
{
    [Fact]
    public void The_simd_float_path_matches_the_double_reference()
    {
        // Independent path: the float64 per-sample reference. Float32 accumulation over n = 200 rows of O(1) terms
        // gives relative errors ~1e-6; tolerance 1e-4·(1 + |g|).
        var arch = new TwoLayer(5, 32);
        var theta = arch.Initialize(4);
        var rng = new Random(2);
        var xd = Enumerable.Range(0, 200 * 5).Select(_ => 2 * rng.NextDouble() - 1).ToArray();
        var yd = Enumerable.Range(0, 200).Select(_ => rng.NextDouble()).ToArray();
        var grad = new double[theta.Length];
        double loss = arch.Loss(theta, new Dataset(200, 5, xd, yd), ReadOnlySpan<int>.Empty, grad);
        var f = TwoLayerFloat.From(arch, theta);
        var (gW, gB, gA) = (new float[5 * 32], new float[32], new float[32]);
        float fl = f.LossAndGradient(xd.Select(v => (float)v).ToArray(), yd.Select(v => (float)v).ToArray(), gW, gB, gA, out float gC);
        Assert.InRange(fl - loss, -1e-4 * (1 + loss), 1e-4 * (1 + loss));
        for (int k = 0; k < 32; k++)
        {
            for (int t = 0; t < 5; t++) Assert.InRange(gW[t * 32 + k] - grad[k * 5 + t], -1e-4 * (1 + Math.Abs(grad[k * 5 + t])), 1e-4 * (1 + Math.Abs(grad[k * 5 + t])));
            Assert.InRange(gB[k] - grad[160 + k], -1e-4 * (1 + Math.Abs(grad[160 + k])), 1e-4 * (1 + Math.Abs(grad[160 + k])));
            Assert.InRange(gA[k] - grad[192 + k], -1e-4 * (1 + Math.Abs(grad[192 + k])), 1e-4 * (1 + Math.Abs(grad[192 + k])));
        }
        Assert.InRange(gC - grad[224], -1e-4 * (1 + Math.Abs(grad[224])), 1e-4 * (1 + Math.Abs(grad[224])));
    }
}
