using MathNet.Numerics.LinearAlgebra;

namespace NetClaims.LinearLayers;

/// <summary>
/// The balanced factorisation of docs/pow23.md §3.2 ([SEED; DER]): for W = UΣVᵀ of rank r and p factors,
/// W_1 = Q_1Σ_r^{1/p}V_rᵀ, W_i = Q_iΣ_r^{1/p}Q_{i−1}ᵀ, W_p = U_rΣ_r^{1/p}Q_{p−1}ᵀ with orthogonal Q_i, whose cost
/// (1/p)Σ‖W_i‖_F² equals Σσ_i^{2/p} = ‖W‖_{S_{2/p}}^{2/p}, the minimum over all factorisations W_p⋯W_1 = W.
/// </summary>
public static class BalancedFactorization
{
    /// <summary>The factors W_1 … W_p (W_1 first), with random orthogonal Q_i from <paramref name="seed"/>.</summary>
    public static Matrix<double>[] Build(Matrix<double> w, int p, int seed = 1)
    {
        if (p < 1) throw new ArgumentOutOfRangeException(nameof(p), "need p ≥ 1 factors");
        if (p == 1) return [w.Clone()];
        var svd = w.Svd(computeVectors: true);
        int r = Math.Max(1, Schatten.Rank(w));
        var root = Matrix<double>.Build.DiagonalOfDiagonalArray(svd.S.Take(r).Select(s => Math.Pow(s, 1.0 / p)).ToArray());
        var ur = svd.U.SubMatrix(0, w.RowCount, 0, r);
        var vrT = svd.VT.SubMatrix(0, r, 0, w.ColumnCount);
        var rng = new Random(seed);
        var q = Enumerable.Range(0, p - 1).Select(_ => RandomOrthogonal(r, rng)).ToArray();
        var factors = new Matrix<double>[p];
        factors[0] = q[0] * root * vrT;
        for (int i = 1; i < p - 1; i++) factors[i] = q[i] * root * q[i - 1].Transpose();
        factors[p - 1] = ur * root * q[p - 2].Transpose();
        return factors;
    }

    /// <summary>(1/p)Σ‖W_i‖_F².</summary>
    public static double Cost(IReadOnlyList<Matrix<double>> factors) => factors.Sum(f => Math.Pow(f.FrobeniusNorm(), 2)) / factors.Count;

    /// <summary>W_p⋯W_1.</summary>
    public static Matrix<double> Product(IReadOnlyList<Matrix<double>> factors) => factors.Skip(1).Aggregate(factors[0], (acc, f) => f * acc);

    /// <summary>max_i ‖W_{i+1}ᵀW_{i+1} − W_iW_iᵀ‖_F, zero for a balanced factorisation.</summary>
    public static double Imbalance(IReadOnlyList<Matrix<double>> factors) =>
        Enumerable.Range(0, factors.Count - 1).Select(i =>
            (factors[i + 1].TransposeThisAndMultiply(factors[i + 1]) - factors[i] * factors[i].Transpose()).FrobeniusNorm()).DefaultIfEmpty(0).Max();

    /// <summary>A random orthogonal matrix (QR of a Gaussian matrix, signs fixed by R's diagonal).</summary>
    public static Matrix<double> RandomOrthogonal(int n, Random rng)
    {
        var g = Matrix<double>.Build.Dense(n, n, (_, _) => Gaussian(rng));
        var qr = g.QR();
        var q = qr.Q.Clone();
        for (int j = 0; j < n; j++) if (qr.R[j, j] < 0) q.SetColumn(j, -q.Column(j));
        return q;
    }

    /// <summary>A standard normal draw from rng (Box–Muller).</summary>
    public static double Gaussian(Random rng) => Statistics.Sampling.Gaussian(rng);
}
