using MathNet.Numerics.LinearAlgebra;
using NetClaims.LinearLayers;

namespace NetClaims.Tests.LinearLayers;

/// <summary>
/// The EGOP estimators, the deep linear-ReLU representation and the Schatten helpers against values known in closed
/// form (hand computations, exact identities), so that each formula in them is pinned by something other than itself.
/// </summary>
public sealed class EgopFormulaTests
{
    static Matrix<double> M(double[,] a) => Matrix<double>.Build.DenseOfArray(a);
    static Vector<double> V(params double[] a) => Vector<double>.Build.DenseOfArray(a);

    // f = 3σ(x₁ + 10) + 5σ(x₂ − 10) on [−1, 1]²: the first unit is always active, the second never, so ∇f = (3, 0) at
    // every x and C = diag(9, 0) exactly, with zero spread (standard error 0 up to rounding).
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Units_always_on_and_always_off_give_the_exact_egop(bool gaussian)
    {
        var e = Egop.Estimate(M(new double[,] { { 1, 0 }, { 0, 1 } }), V(3, 5), V(10, -10), 200, 1, gaussian);
        Assert.Equal(9, e.C[0, 0], 12);
        Assert.Equal(0, e.C[1, 1], 12);
        Assert.Equal(0, e.C[0, 1], 12);
        Assert.True(e.StandardError < 1e-6, $"se {e.StandardError}");
        Assert.Equal([9.0, 0.0], e.EigenValues.Select(v => Math.Round(v, 9)).ToArray());
        Assert.Equal(1, e.EffectiveRank(1e-9));
        Assert.Equal(200, e.Samples);
    }

    // f = σ(x₁ + 1/2): ∇f = e₁ when x₁ > −1/2, so C₁₁ = P(x₁ > −1/2): 3/4 under U[−1, 1], Φ(1/2) = 0.69146 under N(0, 1).
    // With 40 000 draws the Monte-Carlo standard deviation is ≤ 0.0023, so 0.012 is over 5 of them, while the two laws
    // differ by 0.059. The standard error is the binomial one, √(p̂(1 − p̂)/n), exactly: ‖g‖⁴ = 1 on the active draws.
    [Theory]
    [InlineData(false, 0.75)]
    [InlineData(true, 0.6914624612740131)]
    public void A_half_active_unit_gives_the_probability_of_its_half_space(bool gaussian, double p)
    {
        const int n = 40_000;
        var e = Egop.Estimate(M(new double[,] { { 1, 0, 0 } }), V(1), V(0.5), n, 7, gaussian);
        double c = e.C[0, 0];
        Assert.InRange(c, p - 0.012, p + 0.012);
        Assert.Equal(0, e.C[1, 1], 12);
        Assert.Equal(Math.Sqrt(c * (1 - c) / n), e.StandardError, 9);
    }

    [Fact]
    public void Mismatched_shapes_and_too_few_samples_are_refused()
    {
        var w = M(new double[,] { { 1, 0 }, { 0, 1 } });
        Assert.Throws<ArgumentException>(() => Egop.Estimate(w, V(1), V(0, 0), 10, 1));
        Assert.Throws<ArgumentException>(() => Egop.Estimate(w, V(1, 1), V(0), 10, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Egop.Estimate(w, V(1, 1), V(0, 0), 1, 1));
        Assert.Equal(2, Egop.Estimate(w, V(1, 1), V(0, 0), 2, 1).Samples);
        Assert.Throws<ArgumentOutOfRangeException>(() => Egop.EstimateByDifferences(x => x[0], 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Egop.EstimateByDifferences(x => 0, 0, 10, 1));
        Assert.Equal(2, Egop.EstimateByDifferences(x => x[0], 1, 2, 1).Samples);
    }

    // A linear f has the gradient (4, −2) everywhere: central differences give it to rounding, nothing is rejected.
    [Fact]
    public void Differences_recover_a_constant_gradient_exactly()
    {
        var e = Egop.EstimateByDifferences(x => 3 * x[0] - 2 * x[1] + Math.Max(0, x[0] + 10), 2, 50, 3);
        Assert.Equal(16, e.C[0, 0], 6);
        Assert.Equal(-8, e.C[0, 1], 6);
        Assert.Equal(4, e.C[1, 1], 6);
        Assert.Equal(0, e.Rejected);
        Assert.Equal(1, e.EffectiveRank(1e-6));
    }

    // f = σ(x₁) with a wide stencil h = 0.2: a draw with |x₁| < 0.2 straddles the kink and is set aside (probability 0.2),
    // every accepted draw has the exact gradient 0 or 1, so C₁₁ is a fraction with denominator n and equals the share of
    // accepted draws with x₁ > 0 (P(x₁ > 0 | |x₁| ≥ 0.2) = 0.4/0.8 = 1/2; bound: 6 binomial standard deviations). The
    // rejected count is negative binomial with mean n·0.2/0.8 = n/4 and standard deviation √(n·0.2)/0.8 ≈ 25 at n = 2000.
    [Fact]
    public void Draws_whose_stencil_straddles_a_kink_are_set_aside()
    {
        const int n = 2000;
        var e = Egop.EstimateByDifferences(x => Math.Max(0, x[0]), 1, n, 5, h: 0.2);
        Assert.InRange(e.Rejected, n / 4 - 6 * 25, n / 4 + 6 * 25);
        double k = e.C[0, 0] * n;
        Assert.Equal(Math.Round(k), k, 6);
        Assert.InRange(e.C[0, 0], 0.5 - 6 * Math.Sqrt(0.25 / n), 0.5 + 6 * Math.Sqrt(0.25 / n));
        // A stencil wider than the cube straddles the kink at almost every draw: refused with a question, not a wrong EGOP.
        Assert.Throws<InvalidOperationException>(() => Egop.EstimateByDifferences(x => Math.Max(0, x[0]), 1, 100, 5, h: 0.95));
    }

    [Fact]
    public void Differences_and_the_gradient_formula_agree_on_a_network()
    {
        var w = M(new double[,] { { 1, -2, 0.5 }, { 0.3, 1, -1 } });
        var a = V(2, -1);
        var b = V(0.2, -0.1);
        double F(double[] x) => Enumerable.Range(0, 2).Sum(k => a[k] * Math.Max(0, w[k, 0] * x[0] + w[k, 1] * x[1] + w[k, 2] * x[2] + b[k]));
        var byFormula = Egop.Estimate(w, a, b, 3000, 11);
        var byDifferences = Egop.EstimateByDifferences(F, 3, 3000, 11);
        // Same seed, same uniform draws while nothing is rejected: then the two estimates agree to rounding.
        if (byDifferences.Rejected == 0) Assert.True((byFormula.C - byDifferences.C).FrobeniusNorm() < 1e-6);
        else Assert.True((byFormula.C - byDifferences.C).FrobeniusNorm() < 0.5, "independent estimates of one EGOP");
        Assert.Equal(2, byDifferences.EffectiveRank(1e-6));
    }

    [Fact]
    public void Effective_rank_counts_eigenvalues_strictly_above_the_fraction_of_the_largest()
    {
        static EgopEstimate With(params double[] l) => new(Matrix<double>.Build.Dense(l.Length, l.Length), l, Matrix<double>.Build.Dense(l.Length, l.Length), 0, 2);
        Assert.Equal(2, With(4, 1, 1e-12, 0).EffectiveRank(1e-9));
        Assert.Equal(1, With(4, 1, 0).EffectiveRank(0.25)); // 1 is not above 0.25·4
        Assert.Equal(2, With(4, 1, 0).EffectiveRank(0.2));
        Assert.Equal(0, With().EffectiveRank(1e-9));
        Assert.Equal(0, With(0, 0).EffectiveRank(1e-9));
    }

    [Fact]
    public void Mixed_variation_of_one_representation_is_the_schatten_norm_of_d_a_w()
    {
        var w = M(new double[,] { { 1, 0 }, { 0, 1 } });
        Assert.Equal(7, Egop.MixedVariationOf(w, V(3, -4), 1), 12);
        Assert.Equal(5, Egop.MixedVariationOf(w, V(3, -4), 2), 12);
        Assert.Equal(4, Egop.MixedVariationOf(M(new double[,] { { 1, 1 }, { 0, 2 } }), V(0, 2), double.PositiveInfinity), 12);
    }

    [Fact]
    public void Principal_angles_by_the_sine_form()
    {
        var u = M(new double[,] { { 1 }, { 0 } });
        foreach (var deg in new[] { 0.0, 1e-7, 30, 89.9 })
        {
            double t = deg * Math.PI / 180;
            Assert.Equal(deg, Egop.PrincipalAngleDegrees(u, M(new double[,] { { Math.Cos(t) }, { Math.Sin(t) } })), 9);
        }
        Assert.Equal(0, Egop.PrincipalAngleDegrees(Matrix<double>.Build.Dense(2, 0), Matrix<double>.Build.Dense(2, 0)));
    }
}

public sealed class DeepLinearReluTests
{
    static Matrix<double> M(double[,] a) => Matrix<double>.Build.DenseOfArray(a);
    static Vector<double> V(params double[] a) => Vector<double>.Build.DenseOfArray(a);

    [Fact]
    public void Evaluation_virtual_matrix_and_cost_by_hand()
    {
        // W₁ = [[1, 2], [0, 1]], W₂ = [[2, 0], [1, −1]]: W = W₂W₁ = [[2, 4], [1, 1]]; at x = (1, −1), Wx = (−2, 0),
        // + b = (1, 1) gives (−1, 1), σ → (0, 1), f = a·(0, 1) + c = −3 + 0.5.
        var net = new DeepLinearRelu([M(new double[,] { { 1, 2 }, { 0, 1 } }), M(new double[,] { { 2, 0 }, { 1, -1 } })], V(1, 1), V(2, -3), 0.5);
        Assert.Equal(3, net.L);
        Assert.Equal(M(new double[,] { { 2, 4 }, { 1, 1 } }), net.Virtual);
        Assert.Equal(-2.5, net.Evaluate(V(1, -1)), 12);
        Assert.Equal(0.5, net.Evaluate(V(1, 0)), 12); // Wx + b = (3, 2) → 2·3 − 3·2 + 0.5
        // C_L = (‖a‖² + ‖W₁‖_F² + ‖W₂‖_F²)/L = (13 + 6 + 6)/3.
        Assert.Equal(25.0 / 3, net.Cost, 12);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    public void The_rescaled_balanced_representation_computes_the_same_function(int l, int seed)
    {
        var rng = new Random(seed);
        var w = Matrix<double>.Build.Dense(3, 4, (_, _) => rng.NextDouble() * 2 - 1);
        var a = V(1.5, -2, 0.7);
        var b = V(0.1, -0.2, 0.3);
        double c = -0.4;
        var s = new[] { 2.0, 0.5, 0 };
        var deep = DeepLinearRelu.FromTwoLayer(w, a, b, c, l, s, seed);
        Assert.Equal(l, deep.L);
        Assert.Equal(l - 1, deep.Layers.Count);
        // The virtual matrix is D_sW; unit 3 (s = 0) is removed from the function (its output weight is 0).
        var ds = Matrix<double>.Build.DiagonalOfDiagonalArray(s);
        Assert.True((deep.Virtual - ds * w).FrobeniusNorm() < 1e-9);
        Assert.Equal(0, deep.A[2]);
        Assert.Equal(a[0] / 2, deep.A[0], 12);
        Assert.Equal(2 * b[0], deep.B[0], 12);
        for (int t = 0; t < 20; t++)
        {
            var x = Vector<double>.Build.Dense(4, _ => rng.NextDouble() * 2 - 1);
            var pre = w * x + b;
            double twoLayer = a[0] * Math.Max(0, pre[0]) + a[1] * Math.Max(0, pre[1]) + c;
            Assert.Equal(twoLayer, deep.Evaluate(x), 9);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => DeepLinearRelu.FromTwoLayer(w, a, b, c, 1, s));
    }

    // W = diag(3, 4), a = (1, 2), L = 3: q = 1, ‖W‖_{S₁} = 7, closed form (√5·7)^{2/3}; at the optimal scale t the two
    // terms are equal (d/dt of ‖a‖²t⁻²/L + ((L−1)/L)t^q‖W‖^q vanishes where ‖a‖²t⁻² = t^q‖W‖^q, as q(L − 1) = 2).
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void The_global_scale_identity_by_hand(int l)
    {
        var w = M(new double[,] { { 3, 0 }, { 0, 4 } });
        var a = V(1, 2);
        double q = 2.0 / (l - 1), sq = Math.Pow(Math.Pow(3, q) + Math.Pow(4, q), 1 / q);
        var (minimised, closed, first, second) = DeepLinearRelu.GlobalScale(w, a, l);
        Assert.Equal(Math.Pow(Math.Sqrt(5) * sq, 2.0 / l), closed, 10);
        Assert.Equal(closed, minimised, 8);
        Assert.Equal(first, second, 6);
        Assert.Equal(minimised, first / l + (l - 1.0) / l * second, 8);
    }
}

public sealed class SchattenHelperTests
{
    static Matrix<double> M(double[,] a) => Matrix<double>.Build.DenseOfArray(a);

    [Fact]
    public void Zero_tolerance_rank_and_scale_at_their_boundaries()
    {
        Assert.Empty(Schatten.NonZero([]));
        Assert.Equal([2.0, 1e-11], Schatten.NonZero([2, 1e-11, 2e-12, 1e-13]));
        Assert.Equal(0, Schatten.Scale(Matrix<double>.Build.Dense(0, 3)));
        Assert.Equal(0, Schatten.Scale(Matrix<double>.Build.Dense(3, 0)));
        Assert.Equal(5, Schatten.Scale(M(new double[,] { { 1, -5 }, { 2, 3 } })));
        Assert.Empty(Schatten.SingularValues(Matrix<double>.Build.Dense(3, 0)));
        Assert.Equal([0.0, 0.0], Schatten.SingularValues(Matrix<double>.Build.Dense(2, 3)));
        var s = Schatten.SingularValues(M(new double[,] { { 3e200, 0 }, { 0, 4e200 } }));
        Assert.Equal(4e200, s[0], 1e188);
        Assert.Equal(3e200, s[1], 1e188);
        // diag(1, 1e-11, 1e-13): rank 2 at the default 1e-10? No: 1e-11 ≤ 1e-10 — rank 1; at tol 1e-12 rank 2.
        var d = M(new double[,] { { 1, 0, 0 }, { 0, 1e-11, 0 }, { 0, 0, 1e-13 } });
        Assert.Equal(1, Schatten.Rank(d));
        Assert.Equal(2, Schatten.Rank(d, 1e-12));
        Assert.Equal(3, Schatten.Rank(d * 1e-300, 1e-14)); // denormal-scale entries keep their rank
        Assert.Equal(0, Schatten.Rank(Matrix<double>.Build.Dense(2, 2)));
        Assert.Equal(2, Schatten.Rank(M(new double[,] { { 1, 0 }, { 0, 1e-10 * 1.01 } })));
        Assert.Equal(1, Schatten.Rank(M(new double[,] { { 1, 0 }, { 0, 1e-10 } })));
    }

    [Fact]
    public void Q_outside_its_range_is_refused()
    {
        var w = M(new double[,] { { 3, 0 }, { 0, 4 } });
        foreach (var q in new[] { 0.0, -1, double.NaN, double.PositiveInfinity })
            Assert.Throws<ArgumentOutOfRangeException>(() => Schatten.Powered(w, q));
        foreach (var q in new[] { 0.0, -1, double.NaN })
            Assert.Throws<ArgumentOutOfRangeException>(() => Schatten.Norm(w, q));
        Assert.Equal(7, Schatten.Powered(w, 1), 12);
        Assert.Equal(4, Schatten.Norm(w, double.PositiveInfinity), 12);
        Assert.Equal(0, Schatten.Powered(Matrix<double>.Build.Dense(2, 2), 0.5));
        Assert.Equal(0, Schatten.Norm(Matrix<double>.Build.Dense(2, 2), 0.5));
    }

    [Fact]
    public void Matrix_text_limits_are_at_the_stated_sizes()
    {
        Assert.Equal(M(new double[,] { { 1, 2 }, { 3, -1 } }), Schatten.ParseMatrix(" 1, 2 ; 3,-1 ;"));
        Assert.Throws<FormatException>(() => Schatten.ParseMatrix(";;"));
        Assert.Throws<FormatException>(() => Schatten.ParseMatrix(new string(' ', (int)(64 * Schatten.MaxCells) + 1)));
        // 1000 × 1000 is accepted by the size rule (checked without building the text: the rule is on the cell counts).
        string Row(int n) => string.Join(",", Enumerable.Repeat("1", n));
        Assert.Equal(1001, Schatten.ParseMatrix(Row(1001)).ColumnCount);                  // 1 × 1001: min(rows, cols) = 1
        Assert.Throws<FormatException>(() => Schatten.ParseMatrix(string.Join(";", Enumerable.Repeat(Row(1001), 1001))));
        Assert.Equal(1000, Schatten.ParseMatrix(string.Join(";", Enumerable.Repeat(Row(1000), 1000))).RowCount);
        Assert.Throws<FormatException>(() => Schatten.ParseMatrix(string.Join(";", Enumerable.Repeat(Row(2), 500_001))));
    }
}
