using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using NetClaims.LinearLayers;

namespace NetClaims.Tests.LinearLayers;

public sealed class SchattenTests
{
    [Fact]
    public void Known_singular_values()
    {
        // diag(3, 1): S_1 = 4 (nuclear), S_2 = √10 (Frobenius), S_∞ = 3, S_{2/3}^{2/3} = 3^{2/3} + 1 (hand derivation).
        var w = Matrix<double>.Build.DenseOfDiagonalArray([3, 1]);
        Assert.InRange(Schatten.Norm(w, 1), 4 - 1e-12, 4 + 1e-12);
        Assert.InRange(Schatten.Norm(w, 2), Math.Sqrt(10) - 1e-12, Math.Sqrt(10) + 1e-12);
        Assert.InRange(Schatten.Norm(w, double.PositiveInfinity), 3 - 1e-12, 3 + 1e-12);
        Assert.InRange(Schatten.Powered(w, 2.0 / 3), Math.Pow(3, 2.0 / 3) + 1 - 1e-12, Math.Pow(3, 2.0 / 3) + 1 + 1e-12);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1,2;3")]
    [InlineData("1,a")]
    [InlineData("1,NaN")]
    public void Malformed_matrices_are_refused(string text) => Assert.Throws<FormatException>(() => Schatten.ParseMatrix(text));
}

public sealed class BalancedFactorizationTests
{
    [Theory]
    // docs/pow23.md §3.2 c [NUM]: W = diag(3,1): p = 1: 10, 2: 4, 3: 3.080084, 4: 2.732051.
    [InlineData(1, 10.0)]
    [InlineData(2, 4.0)]
    [InlineData(3, 3.080084)]
    [InlineData(4, 2.732051)]
    public void Worked_example(int p, double expected)
    {
        var f = BalancedFactorization.Build(Matrix<double>.Build.DenseOfDiagonalArray([3, 1]), p);
        Assert.InRange(BalancedFactorization.Cost(f), expected - 5e-7, expected + 5e-7);
        Assert.True(BalancedFactorization.Imbalance(f) < 1e-12);
    }

    [Property(MaxTest = 100)]
    public Property Product_equals_W_for_any_orthogonal_choice(PositiveInt seed)
    {
        var rng = new Random(seed.Get);
        var w = Matrix<double>.Build.Dense(4, 3, (_, _) => BalancedFactorization.Gaussian(rng));
        var f = BalancedFactorization.Build(w, 1 + seed.Get % 5, seed.Get);
        return ((BalancedFactorization.Product(f) - w).FrobeniusNorm() < 1e-10).ToProperty();
    }
}

public sealed class PhiLTests
{
    static readonly Matrix<double> W = Schatten.ParseMatrix("1,2;3,-1;0,1");
    static readonly double[] A = [1, -2, 0.5];

    [Theory]
    // docs/pow23.md §3.4 c [NUM] (Nelder–Mead + Powell in the digest, accuracy ≈ 1e-6): Φ_L, lower-1, lower-2, upper.
    [InlineData(3, 5.365760, 5.146685, 4.346157, 5.475814)]
    [InlineData(4, 4.160295, 4.020793, 3.010087, 4.256906)]
    [InlineData(6, 3.242197, 3.162935, 2.084744, 3.309325)]
    public void Worked_example(int l, double phi, double lower1, double lower2, double upper)
    {
        var r = PhiL.Minimize(W, A, l);
        var b = PhiL.Bounds(W, A, l);
        Assert.InRange(r.Value, phi - 2e-6, phi + 2e-6);
        Assert.InRange(b.LowerSchatten, lower1 - 5e-7, lower1 + 5e-7);
        Assert.InRange(b.LowerPath, lower2 - 5e-7, lower2 + 5e-7);
        Assert.InRange(b.Upper, upper - 5e-7, upper + 5e-7);
    }

    [Fact]
    public void L_equal_2_is_the_path_norm_and_the_equality_cases_hold()
    {
        // Φ_2 = Σ|a_k|‖w_k‖ = 9.060623 (digest); rank 1: 6^{2/L}; W = I_3, a = 1: Φ_L = 3.
        Assert.InRange(PhiL.Minimize(W, A, 2).Value, 9.060623 - 1e-6, 9.060623 + 1e-6);
        var rank1 = Schatten.ParseMatrix("1,0;1,0;1,0");
        Assert.InRange(PhiL.Minimize(rank1, [1, 2, 3], 5).Value, Math.Pow(6, 0.4) - 1e-7, Math.Pow(6, 0.4) + 1e-7);
        Assert.InRange(PhiL.Minimize(Matrix<double>.Build.DenseIdentity(3), [1, 1, 1], 3).Value, 3 - 1e-7, 3 + 1e-7);
    }

    [Fact]
    public void The_analytic_gradient_matches_finite_differences()
    {
        // Central differences with h = 1e-6 on F(t) at a generic t (independent of the SVD-derived formula).
        var t = new[] { 0.3, -0.2, 0.1 };
        var direction = new[] { 1.0, -2.0, 0.5 };
        double h = 1e-6;
        double fd = (PhiL.Objective(W, A, 4, t.Select((x, k) => x + h * direction[k]).ToArray())
                   - PhiL.Objective(W, A, 4, t.Select((x, k) => x - h * direction[k]).ToArray())) / (2 * h);
        // The minimiser is stationary: at the optimum scales, every direction's derivative vanishes.
        var r = PhiL.Minimize(W, A, 4);
        var tStar = r.Scales.Select(x => Math.Log(x)).ToArray();
        double fdStar = (PhiL.Objective(W, A, 4, tStar.Select((x, k) => x + h * direction[k]).ToArray())
                       - PhiL.Objective(W, A, 4, tStar.Select((x, k) => x - h * direction[k]).ToArray())) / (2 * h);
        Assert.True(Math.Abs(fd) > 1e-3, "the test point should not be stationary");
        Assert.InRange(fdStar, -1e-6, 1e-6);
    }
}

public sealed class EgopTests
{
    [Fact]
    public void A_single_index_net_has_a_rank_one_egop_along_its_direction()
    {
        // f(x) = Σ_k a_k σ(c_k⟨v,x⟩ + b_k) depends on x only through ⟨v,x⟩: every gradient is a multiple of v (hand derivation).
        var v = Vector<double>.Build.DenseOfArray([0.6, 0.8, 0]);
        var w = Matrix<double>.Build.DenseOfRowVectors(v * 1.5, v * -0.7, v * 2.0);
        var e = Egop.Estimate(w, Vector<double>.Build.DenseOfArray([1, 2, -1]), Vector<double>.Build.DenseOfArray([0.1, 0.2, -0.3]), 5000, 3);
        Assert.Equal(1, e.EffectiveRank(1e-9));
        Assert.InRange(Egop.PrincipalAngleDegrees(e.Top(1), v.ToColumnMatrix()), 0, 1e-6);
    }

    [Fact]
    public void Principal_angle_of_known_subspaces()
    {
        // span(e1) vs span((cos 30°, sin 30°)): 30° (hand derivation).
        var u = Matrix<double>.Build.DenseOfColumnArrays([1.0, 0]);
        var v = Matrix<double>.Build.DenseOfColumnArrays([Math.Cos(Math.PI / 6), Math.Sin(Math.PI / 6)]);
        Assert.InRange(Egop.PrincipalAngleDegrees(u, v), 30 - 1e-9, 30 + 1e-9);
    }
}
