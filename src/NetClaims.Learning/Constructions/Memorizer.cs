using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using NetClaims.Cube;

namespace NetClaims.Constructions;

/// <summary>n labelled points of the cube, as bit-masks (for fast exact inner products) and ±1 labels.</summary>
public sealed record SampleSet(int D, ulong[][] Points, int[] Labels)
{
    /// <summary>The number of samples.</summary>
    public int N => Labels.Length;

    /// <summary>n points drawn uniformly (with replacement) from {±1}^d, labels uniform ±1 (what χ_S of n ≪ 2^d random points looks like).</summary>
    public static SampleSet Random(int d, int n, int seed)
    {
        if (d < 2 || d > 4096 || n < 1 || n > 100_000) throw new ArgumentOutOfRangeException(nameof(d), $"need 2 ≤ d ≤ 4096 and 1 ≤ n ≤ 100000, got d={d}, n={n}");
        var rng = new System.Random(seed);
        int words = (d + 63) / 64;
        var pts = new ulong[n][];
        for (int i = 0; i < n; i++)
        {
            pts[i] = new ulong[words];
            for (int w = 0; w < words; w++) pts[i][w] = (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 63);
            if (d % 64 != 0) pts[i][words - 1] &= (1UL << (d % 64)) - 1;
        }
        return new SampleSet(d, pts, Enumerable.Range(0, n).Select(_ => rng.Next(2) == 0 ? -1 : 1).ToArray());
    }

    /// <summary>n distinct points drawn uniformly from {±1}^d (a repeated draw is drawn again), labels uniform ±1.</summary>
    public static SampleSet RandomDistinct(int d, int n, int seed)
    {
        if (d < 63 && (double)n > Math.Pow(2, d) / 2) throw new ArgumentOutOfRangeException(nameof(n), $"{n} distinct points are too many for d={d}");
        var s = Random(d, n, seed);
        var rng = new System.Random(~seed);
        var seen = new HashSet<string>();
        for (int i = 0; i < s.N; i++)
            while (!seen.Add(string.Join(",", s.Points[i])))
            {
                for (int w = 0; w < s.Points[i].Length; w++) s.Points[i][w] = (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 63);
                if (d % 64 != 0) s.Points[i][^1] &= (1UL << (d % 64)) - 1;
            }
        return s;
    }

    /// <summary>The same points labelled by the full parity χ(x_i) (d ≤ 64: one word per point).</summary>
    public SampleSet WithParityLabels() =>
        D <= 64 ? this with { Labels = Points.Select(p => Parity.Sign(p[0])).ToArray() }
                : throw new ArgumentOutOfRangeException(nameof(D), "parity labels are computed for d ≤ 64");

    /// <summary>⟨x_i, x_j⟩ = d − 2·popcount(x_i ⊕ x_j), exactly.</summary>
    public int Dot(int i, int j)
    {
        int diff = 0;
        for (int w = 0; w < Points[i].Length; w++) diff += BitOperations.PopCount(Points[i][w] ^ Points[j][w]);
        return D - 2 * diff;
    }

    /// <summary>Coordinate k (±1) of sample i.</summary>
    public double Coordinate(int i, int k) => ((Points[i][k >> 6] >> (k & 63)) & 1) == 0 ? 1 : -1;

    /// <summary>Sample i as a dense ±1 vector.</summary>
    public double[] Vector(int i) => Enumerable.Range(0, D).Select(k => Coordinate(i, k)).ToArray();
}

/// <summary>A memorising ReLU network in float64: units (w, b, u) with real w, and what it costs.</summary>
public sealed record Memorizer(string Kind, int GroupSize, double[][] W, double[] B, double[] U)
{
    /// <summary>C(h) = Σ|u_k|·‖w_k‖₂.</summary>
    public double Cost => U.Select((u, k) => Math.Abs(u) * Math.Sqrt(W[k].Sum(x => x * x))).Sum();

    /// <summary>The number of ReLU units.</summary>
    public int Width => U.Length;

    /// <summary>The memoriser's value at x.</summary>
    public double Evaluate(double[] x)
    {
        double s = 0;
        for (int k = 0; k < U.Length; k++)
        {
            double t = System.Numerics.Tensors.TensorPrimitives.Dot<double>(W[k], x) - B[k];
            if (t > 0) s += U[k] * t;
        }
        return s;
    }
}

/// <summary>
/// The memorisers behind AHS Theorem 7 (docs/ahs23.md §1.7 b, [DER]). One-per-sample: w_i = x_i/√d,
/// b_i = max_{j≠i}⟨x_i,x_j⟩/√d, u_i = y_i/(√d − b_i) — each unit fires only on its own sample. Grouped: split each
/// label class into groups G of size m, w_G = X_Gᵀ(X_G X_Gᵀ)^{−1}1 (so ⟨w_G,x_j⟩ = 1 on G), b_G = max_{i∉G}⟨w_G,x_i⟩
/// (needs b_G &lt; 1), u_G = y_G/(1 − b_G); cost ≈ Σ‖w_G‖/(1 − b_G) = Õ(n·√(log n)/d).
/// </summary>
public static class Memorizers
{
    /// <summary>One ReLU per sample: w_i = x_i/√d, bias the largest inner product with another sample, output y_i/(√d − b_i).</summary>
    public static Memorizer OnePerSample(SampleSet s)
    {
        double sq = Math.Sqrt(s.D);
        var W = new double[s.N][];
        var B = new double[s.N];
        var U = new double[s.N];
        for (int i = 0; i < s.N; i++)
        {
            int best = int.MinValue;
            for (int j = 0; j < s.N; j++) if (j != i) best = Math.Max(best, s.Dot(i, j));
            if (best >= s.D) throw new InvalidOperationException($"samples {i} and another coincide: a one-per-sample memoriser needs distinct points");
            W[i] = Enumerable.Range(0, s.D).Select(k => s.Coordinate(i, k) / sq).ToArray();
            B[i] = s.N == 1 ? 0 : best / sq;
            U[i] = s.Labels[i] / (sq - B[i]);
        }
        return new Memorizer("one-per-sample", 1, W, B, U);
    }

    /// <summary>The grouped memoriser with groups of (at most) <paramref name="groupSize"/>; null when some b_G ≥ 1 (groups too large).</summary>
    public static Memorizer? Grouped(SampleSet s, int groupSize)
    {
        var W = new List<double[]>();
        var B = new List<double>();
        var U = new List<double>();
        var vectors = Enumerable.Range(0, s.N).Select(s.Vector).ToArray();
        foreach (var label in new[] { -1, 1 })
        {
            var members = Enumerable.Range(0, s.N).Where(i => s.Labels[i] == label).ToArray();
            for (int start = 0; start < members.Length; start += groupSize)
            {
                var g = members.Skip(start).Take(groupSize).ToArray();
                var X = Matrix<double>.Build.Dense(g.Length, s.D, (r, k) => s.Coordinate(g[r], k));
                var gram = Matrix<double>.Build.Dense(g.Length, g.Length, (a, b) => s.Dot(g[a], g[b]));
                var alpha = gram.Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(g.Length, 1.0));
                var w = X.TransposeThisAndMultiply(alpha).ToArray();
                // A group larger than the span of its points (m > d, or dependent points) has a singular Gram matrix: the
                // solve returns garbage or NaN and ⟨w, x_j⟩ = 1 fails on the group. That group size does not work.
                // (1e-9: the solved constraints hold to ~1e-13 for well-conditioned groups of ±1 points.)
                if (!w.All(double.IsFinite) || g.Any(j => Math.Abs(System.Numerics.Tensors.TensorPrimitives.Dot<double>(w, vectors[j]) - 1) > 1e-9)) return null;
                var inG = new HashSet<int>(g);
                double b = double.NegativeInfinity;
                for (int i = 0; i < s.N; i++)
                    if (!inG.Contains(i)) b = Math.Max(b, System.Numerics.Tensors.TensorPrimitives.Dot<double>(w, vectors[i]));
                if (double.IsNegativeInfinity(b)) b = 0;
                if (!(b < 1 - 1e-9)) return null;   // also refuses NaN
                W.Add(w);
                B.Add(b);
                U.Add(label / (1 - b));
            }
        }
        return new Memorizer($"grouped(m={groupSize})", groupSize, W.ToArray(), B.ToArray(), U.ToArray());
    }

    /// <summary>The cheapest grouped memoriser over group sizes 1, 2, 4, …, 64.</summary>
    public static Memorizer BestGrouped(SampleSet s) =>
        new[] { 1, 2, 4, 8, 16, 32, 64 }.Select(m => Grouped(s, m)).OfType<Memorizer>().MinBy(h => h.Cost)
        ?? throw new InvalidOperationException("no group size gave b_G < 1");

    /// <summary>
    /// The expected one-per-sample cost per n/d on n distinct uniform samples, from the law of the inner products alone
    /// (not from the construction): cost = Σ_i 1/(√d − M_i/√d) with M_i = max_{j≠i}⟨x_i, x_j⟩, so
    /// cost·d/n averages √d/(1 − M_i/d). For a fixed x_i the others' inner products are i.i.d. d − 2B, B ~ Bin(d, ½)
    /// conditioned on x_j ≠ x_i (B ≥ 1), so P(M_i ≤ t) = F(t)^{n−1} exactly (up to the O(n²2^{−d}) dependence that
    /// distinctness among the others adds). Hence E[cost·d/n] = √d·Σ_t P(M = t)/(1 − t/d): √d·(1 + O(√(log n/d))).
    /// </summary>
    public static double ExpectedOnePerSampleCostPerNOverD(int d, int n)
    {
        if (d < 2 || d > 1000 || n < 2) throw new ArgumentOutOfRangeException(nameof(d), "need 2 ≤ d ≤ 1000 and n ≥ 2");
        // P(B = k) for k = 1…d, renormalised to B ≥ 1; X = d − 2k runs from d − 2 down to −d.
        var pk = Enumerable.Range(0, d + 1).Select(k => Math.Exp(MathNet.Numerics.SpecialFunctions.BinomialLn(d, k) - d * Math.Log(2))).ToArray();
        double norm = 1 - pk[0];
        double expectation = 0, below = 0;
        // Walk t = X upwards (k downwards): F(t) = P(X ≤ t) = Σ_{k' ≥ k} P(B = k')/norm.
        for (int k = d; k >= 1; k--)
        {
            double cdf = Math.Min(1, below + pk[k] / norm);
            double pMax = Math.Pow(cdf, n - 1) - Math.Pow(below, n - 1);
            expectation += pMax / (1 - (d - 2.0 * k) / d);
            below = cdf;
        }
        return Math.Sqrt(d) * expectation;
    }

    /// <summary>max_i |h(x_i) − y_i| in float64.</summary>
    public static double MaxInterpolationError(Memorizer h, SampleSet s) =>
        Enumerable.Range(0, s.N).Max(i => Math.Abs(h.Evaluate(s.Vector(i)) - s.Labels[i]));
}
