using MathNet.Numerics.LinearAlgebra;
using NetClaims.LinearLayers;
using NetClaims.Properties.Pow23;

namespace NetClaims.Tests.LinearLayers;

/// <summary>
/// The balanced chain behind pow23.s3-7.trained-decay, on random two-layer representations (no training): for any (W, a)
/// and L ≥ 3 the globally rescaled representation satisfies σ_{k+1}/σ_1 ≤ ((S_t^{L/(L−2)}/P^{2/(L−2)} − 1)/k)^{(L−1)/2};
/// and the bound is tight for W with equal singular values and |a_k| ∝ ‖w_k‖ (every step of the chain an equality).
/// </summary>
public sealed class InterpolantBoundTests
{
    // The network whose virtual matrix is W at depth L (a balanced factorisation into L − 1 layers), measured by the claims' own code.
    static RlStudent Of(Matrix<double> w, double[] a, int l)
    {
        var net = new DeepLinearRelu(BalancedFactorization.Build(w, l - 1), Vector<double>.Build.Dense(w.RowCount), Vector<double>.Build.DenseOfArray(a), 0);
        return RlInterpolants.Measure(net, 1, 0, 0, 0, 0);
    }

    [Fact]
    public void Balanced_chain_bound_holds_on_random_representations()
    {
        var rng = new Random(20261202);
        for (int trial = 0; trial < 300; trial++)
        {
            int k = rng.Next(2, 9), d = rng.Next(2, 7), l = rng.Next(3, 9);
            var w = Matrix<double>.Build.Dense(k, d, (_, _) => BalancedFactorization.Gaussian(rng));
            var a = Enumerable.Range(0, k).Select(_ => BalancedFactorization.Gaussian(rng)).ToArray();
            var s = Of(w, a, l);
            for (int j = 1; j < s.SingularValues.Length; j++)
            {
                double ratio = s.SingularValues[j] / s.SingularValues[0];
                Assert.True(ratio <= InterpolantClaims.MeasuredBound(s, j) + 1e-12, $"trial {trial}: k={j}, ratio {ratio} > bound {InterpolantClaims.MeasuredBound(s, j)}");
            }
        }
    }

    [Fact]
    public void Balanced_chain_bound_is_tight_for_an_orthogonal_block()
    {
        // W = c·I_m (m units, m inputs), a = 1: P = mc, S = m·c^q; every step is an equality and σ_2/σ_1 = 1, so the bound
        // at k = 1 is ((m − 1)/1)^{(L−1)/2}·… — with m = 2 it is exactly 1: the chain leaves no slack.
        foreach (var l in new[] { 3, 4, 6 })
        {
            var s = Of(Matrix<double>.Build.DenseIdentity(2) * 3.0, [1.0, 1.0], l);
            Assert.InRange(InterpolantClaims.MeasuredBound(s, 1), 1 - 1e-9, 1 + 1e-9);
        }
    }

    [Fact]
    public void Line_fit_recovers_an_exact_line_and_its_intercept()
    {
        double[] x = [1.0 / 3, 1.0 / 4, 1.0 / 5, 1.0 / 6, 1.0 / 8];
        var y = x.Select(v => Math.Log(2) + 3.5 * v).ToArray();
        var f = RlInterpolants.Fit(x, y);
        Assert.InRange(f.Intercept, Math.Log(2) - 1e-12, Math.Log(2) + 1e-12);
        Assert.InRange(f.Slope, 3.5 - 1e-10, 3.5 + 1e-10);
        Assert.True(f.InterceptSe < 1e-10);
        Assert.Throws<ArgumentException>(() => RlInterpolants.Fit([1.0, 2.0], [1.0, 2.0]));
    }
}
