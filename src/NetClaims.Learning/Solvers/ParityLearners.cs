using NetClaims.Cube;

namespace NetClaims.Solvers;

/// <summary>A learner's predictions on every vertex, scored against χ.</summary>
public sealed record LearnerScore(string Learner, double Correlation, double ClippedError, double SignError, double Cost)
{
    /// <summary>Scores predictions g (2^d values) against χ: E[gχ], E[(clip g − χ)²]/4, P(sign g ≠ χ).</summary>
    public static LearnerScore Of(string learner, double[] g, double cost)
    {
        var m = VpOnCube.Of(g);
        return new LearnerScore(learner, m.Correlation, m.ClippedError, m.SignError, cost);
    }
}

/// <summary>
/// Baselines beside the VP on the same χ-labelled samples. The best ridge interpolant: the VP restricted to functions
/// f(⟨w, x⟩) of one sign direction — for each w ∈ {±1}^d (up to sign) the cheapest univariate interpolant of the points
/// (⟨w, x_i⟩, y_i) is their linear spline (it minimises ∫|f″| among interpolants, affine tails free), costing
/// √d·Σ|slope changes|; w is infeasible when two samples share a projection with different labels; the cheapest w wins.
/// The kernel baseline: ridgeless regression with the arc-cosine kernel of degree 1 on (x/√d, 1) — the infinite-width
/// limit of random ReLU features with Gaussian weights and biases (without the bias coordinate it cannot represent χ for
/// odd d).
/// </summary>
public static class ParityLearners
{
    /// <summary>The best ridge interpolant's cost, direction (mask) and predictions on the cube.</summary>
    public static (double Cost, ulong W, double[] OnCube) BestRidge(int d, IReadOnlyList<ulong> points, IReadOnlyList<int> labels)
    {
        if (d < 2 || d > 20) throw new SizeRefusedException($"the ridge baseline scans 2^(d−1) directions: need 2 ≤ d ≤ 20, not d={d}");
        int half = 1 << (d - 1);
        var costs = new double[half];
        Parallel.For(0, half, w => costs[w] = RidgeCost(d, (ulong)w, points, labels, out _, out _));
        int best = 0;
        for (int w = 1; w < half; w++) if (costs[w] < costs[best]) best = w;
        if (double.IsPositiveInfinity(costs[best])) throw new InvalidOperationException("no sign direction separates the samples' labels");
        RidgeCost(d, (ulong)best, points, labels, out var knots, out var values);
        var g = new double[1 << d];
        for (int x = 0; x < g.Length; x++) g[x] = Spline(knots, values, Vertex.SignDot((ulong)best, (ulong)x, d));
        return (costs[best], (ulong)best, g);
    }

    // √d·Σ|Δslope| of the linear spline through the distinct projections; +∞ when a projection carries both labels.
    static double RidgeCost(int d, ulong w, IReadOnlyList<ulong> points, IReadOnlyList<int> labels, out int[] knots, out double[] values)
    {
        var level = new int[2 * d + 1];
        for (int i = 0; i < points.Count; i++)
        {
            int t = Vertex.SignDot(w, points[i], d) + d;
            if (level[t] == 0) level[t] = labels[i];
            else if (level[t] != labels[i]) { knots = []; values = []; return double.PositiveInfinity; }
        }
        var k = new List<int>();
        var v = new List<double>();
        for (int t = 0; t <= 2 * d; t++) if (level[t] != 0) { k.Add(t - d); v.Add(level[t]); }
        (knots, values) = (k.ToArray(), v.ToArray());
        double tv = 0;
        for (int j = 1; j + 1 < knots.Length; j++)
        {
            double left = (values[j] - values[j - 1]) / (knots[j] - knots[j - 1]);
            double right = (values[j + 1] - values[j]) / (knots[j + 1] - knots[j]);
            tv += Math.Abs(right - left);
        }
        return Math.Sqrt(d) * tv;
    }

    // The linear spline, extended linearly beyond the end knots (the free affine tails).
    static double Spline(int[] knots, double[] values, int t)
    {
        if (knots.Length == 1) return values[0];
        int j = 1;
        while (j < knots.Length - 1 && knots[j] < t) j++;
        double slope = (values[j] - values[j - 1]) / (knots[j] - knots[j - 1]);
        return values[j - 1] + slope * (t - knots[j - 1]);
    }

    /// <summary>The arc-cosine kernel of degree 1 on x̃ = (x/√d, 1): ‖x̃‖‖x̃′‖/(2π)·(sin θ + (π − θ) cos θ), ‖x̃‖² = 2.</summary>
    public static double ArcCosine(int d, ulong x, ulong y)
    {
        double cos = Math.Clamp((Vertex.SignDot(x, y, d) / (double)d + 1) / 2, -1, 1);
        double theta = Math.Acos(cos);
        return 2 / (2 * Math.PI) * (Math.Sin(theta) + (Math.PI - theta) * cos);
    }

    /// <summary>Ridgeless kernel regression (relative jitter 1e-10 on the diagonal) with <see cref="ArcCosine"/>: predictions on the cube.</summary>
    public static double[] Kernel(int d, IReadOnlyList<ulong> points, IReadOnlyList<int> labels)
    {
        if (d < 2 || d > 20) throw new SizeRefusedException($"the kernel baseline predicts 2^d vertices: need 2 ≤ d ≤ 20, not d={d}");
        int n = points.Count;
        var k = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n, n, (i, j) => ArcCosine(d, points[i], points[j]));
        for (int i = 0; i < n; i++) k[i, i] *= 1 + 1e-10;
        var alpha = k.Cholesky().Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(n, i => labels[i]));
        var g = new double[1 << d];
        Parallel.For(0, g.Length, x =>
        {
            double s = 0;
            for (int i = 0; i < n; i++) s += alpha[i] * ArcCosine(d, (ulong)x, points[i]);
            g[x] = s;
        });
        return g;
    }
}
