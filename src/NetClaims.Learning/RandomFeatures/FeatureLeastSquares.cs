using MathNet.Numerics.LinearAlgebra;
using NetClaims.Statistics;

namespace NetClaims.RandomFeatures;

/// <summary>Gradient descent on the output weights of a fixed random-feature model, and what it is compared against.</summary>
public sealed record FeatureGdRun(double[] Losses, double FinalDistance, double InitialDistance, double Contraction, double MinLoss, double StepSize, double LambdaMax, double LambdaMinPositive, int Rank);

/// <summary>
/// Random-features least squares (docs/bn20.md §2.3 c, [DER]): Φ_ik = σ(⟨w_k, x_i⟩ + b_k) with w ~ N(0, I_d), b ~ U[−1,1]
/// fixed; L(a) = ‖Φa − y‖²/(2n) is convex. Gradient descent a ← a − ηΦᵀ(Φa − y)/n from a = 0 stays in the row space of Φ
/// and converges to the minimum-norm least-squares solution a* = Φ⁺y when η &lt; 2/λ_max(ΦᵀΦ/n):
/// ‖a_t − a*‖ ≤ q^t‖a*‖ with q = max(|1 − ηλ_min⁺|, |1 − ηλ_max|), and the loss never increases.
/// </summary>
public static class FeatureLeastSquares
{
    /// <summary>Random ReLU features of the rows of x (Gaussian directions, uniform biases), seeded.</summary>
    public static Matrix<double> Features(Matrix<double> x, int features, int seed)
    {
        if (features < 1 || (long)features * x.RowCount > 50_000_000) throw new ArgumentOutOfRangeException(nameof(features), $"need 1 ≤ N and n·N ≤ 5e7, got N={features}, n={x.RowCount}");
        var rng = new Random(seed);
        var w = Matrix<double>.Build.Dense(x.ColumnCount, features, (_, _) => Sampling.Gaussian(rng));
        var b = Enumerable.Range(0, features).Select(_ => 2 * rng.NextDouble() - 1).ToArray();
        var pre = x * w;
        return Matrix<double>.Build.Dense(x.RowCount, features, (i, k) => Math.Max(0, pre[i, k] + b[k]));
    }

    /// <summary>Runs T steps with η = κ·2/λ_max(ΦᵀΦ/n).</summary>
    public static FeatureGdRun Run(Matrix<double> phi, double[] y, double kappa, int steps)
    {
        if (!(kappa > 0) || !double.IsFinite(kappa)) throw new ArgumentOutOfRangeException(nameof(kappa), "κ must be positive and finite");
        int n = phi.RowCount;
        var yv = Vector<double>.Build.DenseOfArray(y);
        var svd = phi.Svd(true);
        var sv = svd.S;
        double tol = sv[0] * Math.Max(n, phi.ColumnCount) * 1e-12;
        int rank = sv.Count(s => s > tol);
        if (rank == 0)
        {
            // No feature fires on any point: the model is the zero function and the loss cannot move.
            double l0 = yv.DotProduct(yv) / (2 * n);
            return new FeatureGdRun(Enumerable.Repeat(l0, steps + 1).ToArray(), 0, 0, 1, l0, 0, 0, 0, 0);
        }
        double lmax = sv[0] * sv[0] / n, lmin = sv[rank - 1] * sv[rank - 1] / n;
        double eta = kappa * 2 / lmax;
        // a* = Φ⁺y from the SVD (the minimum-norm least-squares solution), an independent path from the iteration.
        var aStar = Vector<double>.Build.Dense(phi.ColumnCount);
        for (int k = 0; k < rank; k++) aStar += svd.VT.Row(k) * (svd.U.Column(k).DotProduct(yv) / sv[k]);
        double Loss(Vector<double> a) { var r = phi * a - yv; return r.DotProduct(r) / (2 * n); }
        var aa = Vector<double>.Build.Dense(phi.ColumnCount);
        var losses = new double[steps + 1];
        losses[0] = Loss(aa);
        var phiT = phi.Transpose();
        for (int t = 1; t <= steps; t++)
        {
            aa -= phiT * (phi * aa - yv) * (eta / n);
            losses[t] = Loss(aa);
        }
        double q = Math.Max(Math.Abs(1 - eta * lmin), Math.Abs(1 - eta * lmax));
        return new FeatureGdRun(losses, (aa - aStar).L2Norm(), aStar.L2Norm(), q, Loss(aStar), eta, lmax, lmin, rank);
    }
}
