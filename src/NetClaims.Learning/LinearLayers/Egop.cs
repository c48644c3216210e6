using MathNet.Numerics.LinearAlgebra;

namespace NetClaims.LinearLayers;

/// <summary>An EGOP estimate: the matrix, its eigenvalues (decreasing) and eigenvectors, and a Monte-Carlo error bar.</summary>
public sealed record EgopEstimate(Matrix<double> C, double[] EigenValues, Matrix<double> EigenVectors, double StandardError, int Samples)
{
    /// <summary>Draws set aside because a difference stencil straddled a kink (finite-difference estimates only).</summary>
    public int Rejected { get; init; }

    /// <summary>rank_{I,ε}: eigenvalues above ε·λ_max (the effective index rank; ε = 1e-9 for the numerical rank).</summary>
    public int EffectiveRank(double eps) => EigenValues.Length == 0 || EigenValues[0] <= 0 ? 0 : EigenValues.Count(l => l > eps * EigenValues[0]);

    /// <summary>The top-r eigenvectors as columns.</summary>
    public Matrix<double> Top(int r) => EigenVectors.SubMatrix(0, EigenVectors.RowCount, 0, r);
}

/// <summary>
/// The expected gradient outer product C_f = E_x[∇f(x)∇f(x)ᵀ] of f = aᵀσ(Wx + b) + c (docs/pow23.md §3.5, [REC]):
/// ∇f(x) = WᵀD(x)a with D(x) = diag(1{Wx + b &gt; 0}), so range(C_f) ⊆ rowspace(D_aW) for every input law.
/// Estimated by Monte-Carlo over x ~ U[−1, 1]^d (or N(0, I)), with the standard error of the Frobenius norm of the mean
/// from the per-sample outer products. Mixed variation (the derived definition of §3.5): MV(f; q) = inf over
/// representations of ‖D_aW‖_{S_q}; <see cref="MixedVariationOf"/> gives the value of one representation (an upper bound).
/// </summary>
public static class Egop
{
    /// <summary>The expected gradient outer product of aᵀσ(Wx + b) over samples from U[−1, 1]^d (or N(0, I)), with its spectrum.</summary>
    public static EgopEstimate Estimate(Matrix<double> w, Vector<double> a, Vector<double> b, int samples, int seed, bool gaussian = false)
    {
        if (w.RowCount != a.Count || w.RowCount != b.Count) throw new ArgumentException($"W has {w.RowCount} rows but a has {a.Count} and b {b.Count} entries");
        if (samples < 2) throw new ArgumentOutOfRangeException(nameof(samples), "need at least 2 samples");
        int d = w.ColumnCount;
        var rng = new Random(seed);
        var sum = Matrix<double>.Build.Dense(d, d);
        double sumSq = 0;
        var x = Vector<double>.Build.Dense(d);
        for (int n = 0; n < samples; n++)
        {
            for (int i = 0; i < d; i++) x[i] = gaussian ? BalancedFactorization.Gaussian(rng) : 2 * rng.NextDouble() - 1;
            var pre = w * x + b;
            var masked = Vector<double>.Build.Dense(a.Count, k => pre[k] > 0 ? a[k] : 0);
            var grad = w.TransposeThisAndMultiply(masked);
            var outer = grad.OuterProduct(grad);
            sum += outer;
            double g2 = grad.DotProduct(grad);
            sumSq += g2 * g2;
        }
        // Var of the Frobenius-norm estimate ≈ (E‖gg^T‖_F² − ‖C‖_F²)/n with ‖gg^T‖_F = ‖g‖².
        return FromSum(sum, sumSq, samples);
    }

    /// <summary>
    /// The EGOP of a function known only through its forward pass: gradients by central differences
    /// ĝ_i = (f(x + h·e_i) − f(x − h·e_i))/(2h) at x ~ U[−1, 1]^d. For a piecewise-linear f this is the gradient exactly
    /// unless a stencil straddles a kink; such a draw is recognised from the forward pass alone — the differences at h and
    /// h/2 disagree (for a kink at distance δ inside the stencil the secant weights (h+δ)/2h and (h/2+δ)/h differ unless
    /// δ = 0) — and set aside (a measure-zero set, hit with probability O(h) per draw). The estimate never uses the
    /// gradient formula Wᵀ(a ⊙ 1[·]).
    /// </summary>
    public static EgopEstimate EstimateByDifferences(Func<double[], double> f, int d, int samples, int seed, double h = 1e-5)
    {
        if (samples < 2) throw new ArgumentOutOfRangeException(nameof(samples), "need at least 2 samples");
        if (d < 1) throw new ArgumentOutOfRangeException(nameof(d), "need d ≥ 1");
        var rng = new Random(seed);
        var sum = Matrix<double>.Build.Dense(d, d);
        double sumSq = 0;
        var x = new double[d];
        var grad = Vector<double>.Build.Dense(d);
        int accepted = 0, rejected = 0;
        double Slope(int i, double step)
        {
            double xi = x[i];
            x[i] = xi + step;
            double up = f(x);
            x[i] = xi - step;
            double down = f(x);
            x[i] = xi;
            return (up - down) / (2 * step);
        }
        while (accepted < samples)
        {
            if (rejected > samples) throw new InvalidOperationException($"{rejected} of {rejected + accepted} draws straddled a kink at h = {h}: is f piecewise linear?");
            for (int i = 0; i < d; i++) x[i] = 2 * rng.NextDouble() - 1;
            bool smooth = true;
            for (int i = 0; i < d && smooth; i++)
            {
                grad[i] = Slope(i, h);
                smooth = Math.Abs(grad[i] - Slope(i, h / 2)) <= 1e-6 * (1 + Math.Abs(grad[i]));
            }
            if (!smooth) { rejected++; continue; }
            accepted++;
            sum += grad.OuterProduct(grad);
            double g2 = grad.DotProduct(grad);
            sumSq += g2 * g2;
        }
        return FromSum(sum, sumSq, samples) with { Rejected = rejected };
    }

    static EgopEstimate FromSum(Matrix<double> sum, double sumSq, int samples)
    {
        int d = sum.RowCount;
        var c = sum / samples;
        double fro = c.FrobeniusNorm();
        double se = Math.Sqrt(Math.Max(0, sumSq / samples - fro * fro) / samples);
        var evd = c.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, d).OrderByDescending(i => evd.EigenValues[i].Real).ToArray();
        var values = order.Select(i => Math.Max(0, evd.EigenValues[i].Real)).ToArray();
        var vectors = Matrix<double>.Build.Dense(d, d, (r, j) => evd.EigenVectors[r, order[j]]);
        return new EgopEstimate(c, values, vectors, se, samples);
    }

    /// <summary>‖D_aW‖_{S_q} of one representation: an upper bound on the mixed variation MV(f; q) ([DER] definition).</summary>
    public static double MixedVariationOf(Matrix<double> w, Vector<double> a, double q)
    {
        var da = Matrix<double>.Build.DenseOfMatrix(w);
        for (int k = 0; k < a.Count; k++) da.SetRow(k, w.Row(k) * a[k]);
        return Schatten.Norm(da, q);
    }

    /// <summary>
    /// The largest principal angle (degrees) between the column spaces of two orthonormal-column matrices of equal
    /// width, as asin‖(I − UUᵀ)V‖₂ (the sine form is accurate for small angles, where acos of a cosine near 1 is not).
    /// </summary>
    public static double PrincipalAngleDegrees(Matrix<double> u, Matrix<double> v)
    {
        var residual = v - u * u.TransposeThisAndMultiply(v);
        double sine = residual.ColumnCount == 0 ? 0 : residual.L2Norm();
        return Math.Asin(Math.Min(1, sine)) * 180 / Math.PI;
    }
}
