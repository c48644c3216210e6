using NetClaims.Statistics;

namespace NetClaims.Tests.Statistics;

/// <summary>
/// The Rademacher estimators against brute force: the exact sups over the bias are compared with a dense grid of biases
/// (F is n-Lipschitz in b, so the grid max is within n·step of the sup), the sign-dictionary sup with every direction.
/// </summary>
public sealed class RNormBallRademacherTests
{
    static double[] Vertex(ulong p, int d) => Enumerable.Range(0, d).Select(k => ((p >> k) & 1) == 0 ? 1.0 : -1.0).ToArray();

    // max over b on a grid of 40001 points in [−√d, √d] of |Σ σ_i σ(⟨w, x_i⟩ + b)|.
    static double GridSup(double[] w, double[][] x, int[] sigma, double sqd)
    {
        double best = 0;
        for (int g = 0; g <= 40000; g++)
        {
            double b = -sqd + 2 * sqd * g / 40000, f = 0;
            for (int i = 0; i < x.Length; i++) f += sigma[i] * Math.Max(0, x[i].Zip(w, (a, c) => a * c).Sum() + b);
            best = Math.Max(best, Math.Abs(f));
        }
        return best;
    }

    [Theory]
    [InlineData(2, 4, 1)]
    [InlineData(3, 7, 2)]
    [InlineData(4, 9, 3)]
    [InlineData(5, 12, 4)]
    public void The_sign_dictionary_sup_is_the_max_over_every_direction_and_bias(int d, int n, int seed)
    {
        var rng = new Random(seed);
        var points = Enumerable.Range(0, n).Select(_ => (ulong)rng.Next(1 << d)).ToArray();
        var sigma = Enumerable.Range(0, n).Select(_ => rng.Next(2) * 2 - 1).ToArray();
        double sqd = Math.Sqrt(d), step = 2 * sqd / 40000;
        var x = points.Select(p => Vertex(p, d)).ToArray();
        var (sup, direction) = RNormBallRademacher.SignDictionarySup(d, points, sigma);
        double brute = 0;
        ulong argmax = 0;
        for (ulong w = 0; w < 1UL << d; w++)
        {
            double v = GridSup(Vertex(w, d).Select(c => c / sqd).ToArray(), x, sigma, sqd);
            if (v > brute) (brute, argmax) = (v, w);
        }
        Assert.InRange(sup, brute - 1e-12, brute + n * step);
        // The direction returned attains the sup.
        Assert.InRange(GridSup(Vertex(direction, d).Select(c => c / sqd).ToArray(), x, sigma, sqd), sup - n * step, sup + 1e-12);
        Assert.True(sup > 0);
    }

    [Theory]
    [InlineData(3, 7, 5)]
    [InlineData(6, 15, 6)]
    public void The_sup_over_the_bias_is_exact_for_any_unit_direction(int d, int n, int seed)
    {
        var rng = new Random(seed);
        var x = Enumerable.Range(0, n).Select(_ => Vertex((ulong)rng.Next(1 << d), d)).ToArray();
        double sqd = Math.Sqrt(d), step = 2 * sqd / 40000;
        for (int trial = 0; trial < 5; trial++)
        {
            var sigma = Enumerable.Range(0, n).Select(_ => rng.Next(2) * 2 - 1).ToArray();
            var w = Enumerable.Range(0, d).Select(_ => Sampling.Gaussian(rng)).ToArray();
            double norm = Math.Sqrt(w.Sum(v => v * v));
            w = w.Select(v => v / norm).ToArray();
            double exact = RNormBallRademacher.SupOverBias(w, x, sigma, sqd);
            Assert.InRange(exact, GridSup(w, x, sigma, sqd) - 1e-12, GridSup(w, x, sigma, sqd) + n * step);
        }
    }

    [Fact]
    public void The_estimate_scales_with_the_bound_searches_beyond_the_dictionary_and_is_reproducible()
    {
        var rng = new Random(9);
        var points = Enumerable.Range(0, 20).Select(_ => (ulong)rng.Next(1 << 6)).ToArray();
        var one = RNormBallRademacher.Estimate(6, points, 1, 12, seed: 3);
        var two = RNormBallRademacher.Estimate(6, points, 2, 12, seed: 3);
        Assert.Equal(2 * one.Mean, two.Mean, 12);
        Assert.Equal(2 * one.SignDictionaryMean, two.SignDictionaryMean, 12);
        Assert.Equal(2 * one.StdErr, two.StdErr, 12);
        Assert.Equal(one, RNormBallRademacher.Estimate(6, points, 1, 12, seed: 3));
        Assert.Equal(12, one.Draws);
        Assert.True(one.Mean >= one.SignDictionaryMean - 1e-12);
        Assert.True(one.SearchGain >= 0);
        Assert.True(one.StdErr > 0);
        // The complexity of a ball of radius 1 on cube points is at most √d·√(2/n)-ish; here it is well below 1.
        Assert.InRange(one.Mean, 0.05, 1.0);
        // More search steps never lower the estimate for the same draws.
        Assert.True(RNormBallRademacher.Estimate(6, points, 1, 12, seed: 3, searchSteps: 0).Mean <= one.Mean + 1e-12);
    }

    // Random data mostly puts the sup over b at the end b = √d (every unit active). These cases are chosen where the best
    // bias is strictly inside (−√d, √d), at a breakpoint: there only an exact sweep over the breakpoints finds the sup.
    [Fact]
    public void Interior_biases_are_found_by_both_exact_sups()
    {
        int interior = 0;
        for (int seed = 1; seed <= 300; seed++)
        {
            const int d = 3, n = 6, grid = 3000;
            var rng = new Random(seed);
            var points = Enumerable.Range(0, n).Select(_ => (ulong)rng.Next(1 << d)).ToArray();
            var sigma = Enumerable.Range(0, n).Select(_ => rng.Next(2) * 2 - 1).ToArray();
            double sqd = Math.Sqrt(d), step = 2 * sqd / grid;
            var x = points.Select(p => Vertex(p, d)).ToArray();
            double brute = 0, argB = 0;
            for (ulong w = 0; w < 1UL << d; w++)
            {
                var wn = Vertex(w, d).Select(c => c / sqd).ToArray();
                for (int g = 0; g <= grid; g++)
                {
                    double b = -sqd + step * g, f = 0;
                    for (int i = 0; i < n; i++) f += sigma[i] * Math.Max(0, x[i].Zip(wn, (a, c) => a * c).Sum() + b);
                    if (Math.Abs(f) > brute + 1e-12) (brute, argB) = (Math.Abs(f), b);
                }
                Assert.InRange(RNormBallRademacher.SupOverBias(wn, x, sigma, sqd), 0, brute + 1e-9);
            }
            var (sup, _) = RNormBallRademacher.SignDictionarySup(d, points, sigma);
            Assert.InRange(sup, brute - 1e-12, brute + n * step);
            if (Math.Abs(argB) < sqd - 0.05) interior++;
        }
        Assert.True(interior >= 10, $"only {interior} of 300 cases have an interior best bias");
    }

    // The sign draws and searches of draw t do not depend on how many draws follow, so runs with 2 and 3 draws share
    // their first two per-draw sups: v₁, v₂ = mean₂ ± se₂ (two values: se = |v₁ − v₂|/2) and v₃ = 3·mean₃ − 2·mean₂.
    // The standard error of the 3-draw run must then be MathNet's sample sd of {v₁, v₂, v₃} over √3.
    [Fact]
    public void The_standard_error_is_that_of_the_per_draw_sups()
    {
        var rng = new Random(21);
        var points = Enumerable.Range(0, 16).Select(_ => (ulong)rng.Next(1 << 5)).ToArray();
        var two = RNormBallRademacher.Estimate(5, points, 1, 2, seed: 8, searchSteps: 5);
        var three = RNormBallRademacher.Estimate(5, points, 1, 3, seed: 8, searchSteps: 5);
        double[] v = [two.Mean - two.StdErr, two.Mean + two.StdErr, 3 * three.Mean - 2 * two.Mean];
        Assert.Equal(MathNet.Numerics.Statistics.Statistics.StandardDeviation(v) / Math.Sqrt(3), three.StdErr, 10);
        Assert.InRange(three.SignDictionaryMean, 1e-12, three.Mean + 1e-12);
        Assert.True(three.SearchGain >= 0);
    }

    [Fact]
    public void The_smallest_and_largest_accepted_sizes_run()
    {
        Assert.Equal(2, RNormBallRademacher.Estimate(2, [0, 3], 1, 2, 1, searchSteps: 0).Draws);
        Assert.Equal(2, RNormBallRademacher.Estimate(14, [0, 5], 1, 2, 1, searchSteps: 0).Draws);
    }

    [Fact]
    public void Bad_sizes_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RNormBallRademacher.Estimate(1, [0, 1], 1, 4, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RNormBallRademacher.Estimate(15, [0, 1], 1, 4, 1));
        Assert.Throws<ArgumentException>(() => RNormBallRademacher.Estimate(3, [0], 1, 4, 1));
        Assert.Throws<ArgumentException>(() => RNormBallRademacher.Estimate(3, [0, 1], 1, 1, 1));
    }
}

public sealed class FiniteClassRademacherTests
{
    // The estimate is the mean of the per-draw sups with its standard error; recomputed here from the same sign draws with
    // MathNet's sample statistics (for one function f the sup is just ⟨f, σ⟩/n).
    [Fact]
    public void One_function_gives_the_mean_and_standard_error_of_its_correlations()
    {
        double[] f = [1, -2, 0.5, 3];
        var (mean, se) = Rademacher.Estimate([f], 50, new Random(4));
        var rng = new Random(4);
        var values = Enumerable.Range(0, 50).Select(_ =>
        {
            var s = Enumerable.Range(0, 4).Select(_ => rng.Next(2) == 0 ? -1.0 : 1.0).ToArray();
            return f.Zip(s, (a, b) => a * b).Sum() / 4;
        }).ToArray();
        Assert.Equal(MathNet.Numerics.Statistics.Statistics.Mean(values), mean, 12);
        Assert.Equal(MathNet.Numerics.Statistics.Statistics.StandardDeviation(values) / Math.Sqrt(50), se, 12);
        Assert.Throws<ArgumentException>(() => Rademacher.Estimate([f], 1, new Random(1)));
        Assert.True(double.IsFinite(Rademacher.Estimate([f], 2, new Random(1)).StdErr)); // two draws are enough
    }

    [Fact]
    public void A_zero_function_has_zero_complexity()
    {
        var (mean, se) = Rademacher.Estimate([[0, 0, 0]], 10, new Random(1));
        Assert.Equal(0, mean);
        Assert.Equal(0, se);
    }

    [Fact]
    public void Plus_and_minus_one_function_on_two_points_has_complexity_one_half()
    {
        // sup over {f, −f}, f = (1, 1): |σ₁ + σ₂|/2 ∈ {0, 1}, mean ½, sd ½ per draw.
        var (mean, se) = Rademacher.Estimate([[1, 1], [-1, -1]], 4000, new Random(2));
        Assert.InRange(mean, 0.5 - 5 * se, 0.5 + 5 * se);
        Assert.InRange(se, 0.5 / Math.Sqrt(4000) * 0.9, 0.5 / Math.Sqrt(4000) * 1.1);
    }

    [Fact]
    public void The_sup_is_over_functions_and_the_average_over_points()
    {
        // Every sign pattern on two points is in the class: the sup is always 1 (all four patterns listed).
        var (mean, se) = Rademacher.Estimate([[1, 1], [1, -1], [-1, 1], [-1, -1]], 50, new Random(3));
        Assert.Equal(1, mean, 15);
        Assert.Equal(0, se, 15);
        Assert.Throws<ArgumentException>(() => Rademacher.Estimate([], 10, new Random(1)));
        Assert.Throws<ArgumentException>(() => Rademacher.Estimate([[1.0]], 1, new Random(1)));
    }
}
