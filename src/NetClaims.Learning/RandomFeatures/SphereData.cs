using MathNet.Numerics.LinearAlgebra;
using NetClaims.Cube;

namespace NetClaims.RandomFeatures;

/// <summary>n points on the unit sphere S^{d−1} with labels, and their measured minimum separation θ.</summary>
public sealed record SphereData(Matrix<double> X, double[] Y, double Theta)
{
    /// <summary>Number of points.</summary>
    public int N => X.RowCount;

    /// <summary>Dimension.</summary>
    public int D => X.ColumnCount;

    /// <summary>
    /// Rejection sampling: uniform points on the sphere, each kept only if it is at least <paramref name="minSeparation"/>
    /// from those kept; labels ±1 uniformly. Refuses (one line) when it cannot place n points within the attempt budget.
    /// </summary>
    public static SphereData Sample(int n, int d, double minSeparation, int seed, int maxAttempts = 200_000)
    {
        if (n < 2 || d < 2 || n > 100_000 || d > 10_000) throw new SizeRefusedException($"need 2 ≤ n ≤ 100000 and 2 ≤ d ≤ 10000, got n={n}, d={d}");
        if (!(minSeparation >= 0 && minSeparation < 2)) throw new ArgumentOutOfRangeException(nameof(minSeparation), "separation on the unit sphere must be in [0, 2)");
        var rng = new Random(seed);
        var pts = new List<double[]>();
        int attempts = 0;
        while (pts.Count < n)
        {
            if (++attempts > maxAttempts)
                throw new SizeRefusedException($"could not place {n} points with separation {minSeparation} on S^{d - 1} in {maxAttempts} attempts; lower θ or n");
            var v = Enumerable.Range(0, d).Select(_ => Statistics.Sampling.Gaussian(rng)).ToArray();
            double norm = Math.Sqrt(v.Sum(x => x * x));
            for (int i = 0; i < d; i++) v[i] /= norm;
            if (pts.All(p => Distance(p, v) >= minSeparation)) pts.Add(v);
        }
        var x = Matrix<double>.Build.DenseOfRowArrays(pts);
        var y = Enumerable.Range(0, n).Select(_ => rng.Next(2) == 0 ? -1.0 : 1.0).ToArray();
        return new SphereData(x, y, MinSeparation(x));
    }

    /// <summary>
    /// n = 2k points with minimum separation exactly θ (θ ≤ 0.4): k anchors at mutual distance ≥ 1.2 (rejection), each
    /// with a partner at chord distance θ in a random direction orthogonal to it; labels ±1 uniformly. The pairs fix θ
    /// while everything else about the data stays alike, so the θ-dependence of the memoriser can be measured.
    /// </summary>
    public static SphereData Pairs(int n, int d, double theta, int seed)
    {
        if (n % 2 != 0) throw new ArgumentOutOfRangeException(nameof(n), $"pairs need an even n, got {n}");
        if (!(theta > 0 && theta <= 0.4)) throw new ArgumentOutOfRangeException(nameof(theta), $"pair separation must be in (0, 0.4], got {theta}");
        var anchors = Sample(n / 2, d, 1.2, seed);
        var rng = new Random(seed ^ 0x5A5A5A);
        double alpha = 2 * Math.Asin(theta / 2);
        var rows = new List<double[]>();
        for (int i = 0; i < anchors.N; i++)
        {
            var a = anchors.X.Row(i).ToArray();
            var v = Enumerable.Range(0, d).Select(_ => Statistics.Sampling.Gaussian(rng)).ToArray();
            double proj = a.Zip(v, (p, q) => p * q).Sum();
            for (int k = 0; k < d; k++) v[k] -= proj * a[k];
            double norm = Math.Sqrt(v.Sum(t => t * t));
            rows.Add(a);
            rows.Add(Enumerable.Range(0, d).Select(k => Math.Cos(alpha) * a[k] + Math.Sin(alpha) * v[k] / norm).ToArray());
        }
        var x = Matrix<double>.Build.DenseOfRowArrays(rows);
        var y = Enumerable.Range(0, n).Select(_ => rng.Next(2) == 0 ? -1.0 : 1.0).ToArray();
        return new SphereData(x, y, MinSeparation(x));
    }

    static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (p, q) => (p - q) * (p - q)).Sum());

    /// <summary>The smallest distance between two rows of x.</summary>
    public static double MinSeparation(Matrix<double> x)
    {
        double best = double.PositiveInfinity;
        for (int i = 0; i < x.RowCount; i++)
            for (int j = i + 1; j < x.RowCount; j++) best = Math.Min(best, (x.Row(i) - x.Row(j)).L2Norm());
        return best;
    }

    /// <summary>σ with σ² = 2c·ln n/θ² (docs/bn20.md §2.1 b): then |K(x_i, x_j)| ≤ n^{−c} for i ≠ j.</summary>
    public double Bandwidth(double c) => Math.Sqrt(2 * c * Math.Log(N) / (Theta * Theta));

    /// <summary>The Gaussian kernel K_ij = exp(−σ²‖x_i − x_j‖²/2) = E_ξ cos⟨ξ, x_i − x_j⟩, ξ ~ N(0, σ²I).</summary>
    public Matrix<double> Kernel(double sigma) =>
        Matrix<double>.Build.Dense(N, N, (i, j) => Math.Exp(-sigma * sigma * Math.Pow((X.Row(i) - X.Row(j)).L2Norm(), 2) / 2));

    /// <summary>
    /// The Gram matrix of N random Fourier features actually drawn, ξ_l ~ N(0, σ²I) (the memoriser's sampler):
    /// K̂_ij = (1/N)Σ_l cos⟨ξ_l, x_i − x_j⟩ = (1/N)Σ_l (cos p_li cos p_lj + sin p_li sin p_lj), p_li = ⟨ξ_l, x_i⟩.
    /// Its mean is <see cref="Kernel"/>; each entry's variance is ((1 + K_ij⁴)/2 − K_ij²)/N, since E cos²⟨ξ,Δ⟩ =
    /// (1 + E cos⟨2ξ,Δ⟩)/2 and E cos⟨2ξ,Δ⟩ = K_ij⁴.
    /// </summary>
    public Matrix<double> EmpiricalKernel(double sigma, int features, int seed)
    {
        if (features < 2) throw new ArgumentOutOfRangeException(nameof(features), "need at least 2 features");
        var rng = new Random(seed);
        var xi = Matrix<double>.Build.Dense(features, D, (_, _) => sigma * Statistics.Sampling.Gaussian(rng));
        var p = xi * X.Transpose();
        var c = p.Map(Math.Cos);
        var s = p.Map(Math.Sin);
        return (c.TransposeThisAndMultiply(c) + s.TransposeThisAndMultiply(s)) / features;
    }

    /// <summary>‖K − I‖₂ (spectral norm).</summary>
    public double KernelDeviation(double sigma) => (Kernel(sigma) - Matrix<double>.Build.DenseIdentity(N)).L2Norm();
}
