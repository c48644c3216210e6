using NetClaims.Cube;
using NetClaims.RandomFeatures;

namespace NetClaims.Tests.RandomFeatures;

public sealed class CosineIdentityTests
{
    [Theory]
    // docs/bn20.md §2.1 c [NUM]: ω₀ = 3.7, φ = 0.4, LHS values to 9 digits (trapezoid with 4e5 nodes in the digest).
    [InlineData(-2.0, 0.753902254)]
    [InlineData(-1.3, -0.297801641)]
    [InlineData(0.0, 0.921060994)]
    [InlineData(0.77, -0.994237374)]
    [InlineData(2.0, 0.053955421)]
    public void Matches_the_digest(double u, double expected) =>
        Assert.InRange(CosineIdentity.RightHandSide(3.7, 0.4, u), expected - 1e-9, expected + 1e-9);

    [Fact]
    public void Outside_its_range_the_identity_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CosineIdentity.RightHandSide(1, 0, 2.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => CosineIdentity.RightHandSide(0, 0, 0));
    }
}

public sealed class SphereDataTests
{
    [Fact]
    public void Points_are_unit_separated_and_the_kernel_is_near_identity()
    {
        var data = SphereData.Sample(20, 8, 0.3, 5);
        for (int i = 0; i < data.N; i++) Assert.InRange(data.X.Row(i).L2Norm(), 1 - 1e-12, 1 + 1e-12);
        Assert.True(data.Theta >= 0.3);
        // σ² = 2c ln n/θ² with c = 2: every off-diagonal entry ≤ n^{−2} (hand derivation: exp(−σ²θ²/2) = n^{−c}).
        var k = data.Kernel(data.Bandwidth(2));
        Assert.InRange(k[0, 0], 1 - 1e-12, 1 + 1e-12);
        Assert.True(data.KernelDeviation(data.Bandwidth(2)) <= 19.0 / 400 * (1 + 1e-9));
    }

    [Fact]
    public void An_impossible_packing_is_refused_with_a_message()
    {
        var e = Assert.Throws<SizeRefusedException>(() => SphereData.Sample(50, 2, 1.5, 1, maxAttempts: 2000));
        Assert.Contains("could not place", e.Message);
    }
}

public sealed class CorrectiveMemorizerTests
{
    static SphereData Data() => SphereData.Sample(6, 4, 0.5, 3);

    [Fact]
    public void Runs_are_bitwise_reproducible()
    {
        var data = Data();
        double sigma = data.Bandwidth(2);
        var a = CorrectiveMemorizer.Run(data, sigma, sigma, 20_000, 2, 9);
        var b = CorrectiveMemorizer.Run(data, sigma, sigma, 20_000, 2, 9);
        // Reproducibility is a bitwise property (fixed chunking, per-block seeds, ordered sums), so bits are compared.
        Assert.Equal(a.FinalResidual.Select(BitConverter.DoubleToInt64Bits), b.FinalResidual.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void The_estimator_is_unbiased_for_the_kernel_when_nothing_is_truncated()
    {
        // With ω₀ = 2.5σ, |⟨ξ,x⟩| > 2ω₀ has probability 2Φ(−5) ≈ 6e-7, so E ŷ[r] = Kr (docs/bn20.md §2.1 b, [DER]).
        // Per-point standard deviation ≈ √(16ω₀⁴·E σ(u−T)²·‖r‖²/N₀) ≈ 0.02 at N₀ = 4·10⁶ (σ = 1, ‖r‖² = 6); tolerance 0.1 ≈ 5 sd.
        var data = Data();
        var r = data.Y;
        var est = CorrectiveMemorizer.Estimate(data, r, 1.0, 2.5, 4_000_000, 5);
        var kr = data.Kernel(1.0) * MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(r);
        for (int i = 0; i < data.N; i++) Assert.InRange(est[i] - kr[i], -0.1, 0.1);
    }

    [Fact]
    public void The_kept_network_reproduces_the_fitted_values()
    {
        var data = Data();
        double sigma = data.Bandwidth(2);
        var run = CorrectiveMemorizer.Run(data, sigma, sigma, 3000, 2, 4, keepNetwork: true);
        Assert.Equal(12_000, run.Network!.Width);
        for (int i = 0; i < data.N; i++)
            Assert.InRange(run.Network.Evaluate(data.X.Row(i).ToArray()) - (data.Y[i] - run.FinalResidual[i]), -1e-9, 1e-9);
    }

    [Fact]
    public void The_variance_term_matches_the_spread_of_independent_steps()
    {
        // Independent check of tr Cov(g)/N₀: the mean of ‖ŷ − mean ŷ‖² over repeated single steps (20 seeds).
        var data = Data();
        double sigma = data.Bandwidth(2);
        var runs = Enumerable.Range(0, 20).Select(k => CorrectiveMemorizer.Estimate(data, data.Y, sigma, sigma, 2000, 100 + k)).ToArray();
        var mean = Enumerable.Range(0, data.N).Select(i => runs.Average(r => r[i])).ToArray();
        double spread = runs.Average(r => r.Select((v, i) => (v - mean[i]) * (v - mean[i])).Sum()) * 20 / 19;
        double yy = data.Y.Sum(v => v * v);
        double reported = CorrectiveMemorizer.Run(data, sigma, sigma, 2000, 1, 100).Steps[0].VarianceRatio * yy;
        // 20 replicates give the spread to about ±35% (χ² with ~20·n/2 effective degrees of freedom, heavy-ish tails); allow a factor 1.6.
        Assert.InRange(reported / spread, 1 / 1.6, 1.6);
    }

    [Fact]
    public void Sizes_beyond_the_machine_are_refused_in_one_line()
    {
        var data = Data();
        var e = Assert.Throws<SizeRefusedException>(() => CorrectiveMemorizer.Run(data, 1, 1, 1_000_000_000, 100, 1));
        Assert.DoesNotContain('\n', e.Message);
        Assert.Throws<SizeRefusedException>(() => CorrectiveMemorizer.Run(data, 1, 1, 3_000_000, 1, 1, keepNetwork: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => CorrectiveMemorizer.Run(data, double.NaN, 1, 10, 1, 1));
    }

    [Fact]
    public void Pairs_have_exactly_the_requested_separation()
    {
        var data = SphereData.Pairs(10, 6, 0.2, 4);
        Assert.InRange(data.Theta, 0.2 - 1e-12, 0.2 + 1e-12);
        for (int i = 0; i < data.N; i++) Assert.InRange(data.X.Row(i).L2Norm(), 1 - 1e-12, 1 + 1e-12);
        Assert.Throws<ArgumentOutOfRangeException>(() => SphereData.Pairs(9, 6, 0.2, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => SphereData.Pairs(10, 6, 0.5, 4));
    }
}

public sealed class MonteCarloWidthTests
{
    [Fact]
    public void The_closed_form_target_matches_direct_sampling()
    {
        // Independent method: the exact E‖f − f_N‖² = mean(S − f²)/N against 2000 direct draws of f_N at N = 8; 5 standard errors.
        var mc = new MonteCarloWidth(3, 4, 7);
        var errs = Enumerable.Range(0, 2000).Select(k => mc.SampledError(8, k)).ToArray();
        double mean = errs.Average(), se = Math.Sqrt(errs.Sum(e => (e - mean) * (e - mean)) / (errs.Length - 1) / errs.Length);
        Assert.InRange(mean - mc.ExpectedError(8), -5 * se, 5 * se);
        Assert.True(mc.ExpectedError(8) <= mc.MaureyBound(8));
    }

    [Fact]
    public void Two_rounds_beat_one_at_the_same_unit_count()
    {
        // At 2·512 units, the corrective pair is at least 3× more accurate on average (measured ≈ 10×; 8 draws each).
        double one = Enumerable.Range(0, 8).Average(k => CorrectiveRounds.OneRound(1024, k).MeanSquaredError);
        double two = Enumerable.Range(0, 8).Average(k => CorrectiveRounds.TwoRounds(512, k).MeanSquaredError);
        Assert.True(two * 3 < one, $"two rounds {two}, one round {one}");
        // s = N^{−1/5}: 32^{−1/5} = 1/2 exactly by hand.
        Assert.InRange(CorrectiveRounds.Smoothing(32), 0.5 - 1e-12, 0.5 + 1e-12);
    }
}

public sealed class FeatureLeastSquaresTests
{
    [Fact]
    public void Gradient_descent_reaches_the_normal_equations_solution()
    {
        // Full column rank (n = 40 > N = 8): a* solves ΦᵀΦa = Φᵀy (independent path: Cholesky of the normal equations).
        var data = SphereData.Sample(40, 4, 0.0, 2);
        var phi = FeatureLeastSquares.Features(data.X, 8, 3);
        var y = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(data.Y);
        var normal = (phi.TransposeThisAndMultiply(phi)).Cholesky().Solve(phi.TransposeThisAndMultiply(y));
        double lstar = (phi * normal - y).DotProduct(phi * normal - y) / (2 * 40);
        var run = FeatureLeastSquares.Run(phi, data.Y, 0.95, 20_000);
        Assert.InRange(run.MinLoss - lstar, -1e-10, 1e-10);
        Assert.InRange(run.Losses[^1] - lstar, -1e-10, 1e-6);
    }

    [Fact]
    public void A_step_beyond_two_over_lambda_max_diverges()
    {
        var data = SphereData.Sample(20, 4, 0.0, 2);
        var run = FeatureLeastSquares.Run(FeatureLeastSquares.Features(data.X, 10, 3), data.Y, 1.2, 300);
        Assert.True(run.Losses[^1] > run.Losses[0], "the top eigen-direction grows by |1 − 2.4| per step");
    }
}
