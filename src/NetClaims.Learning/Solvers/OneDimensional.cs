using Google.OrTools.LinearSolver;
using NetClaims.Norms;

namespace NetClaims.Solvers;

/// <summary>
/// One-dimensional minimum-norm interpolation (docs/ahs23.md §1.0 F2, [DER+NUM]) of sorted data x_1 &lt; … &lt; x_n with
/// secant slopes s_i = (y_{i+1} − y_i)/(x_{i+1} − x_i):
/// variant A (free affine part): min TV(f') = Σ_{i=2}^{n−1} |s_i − s_{i−1}|, attained by the linear spline;
/// variant B (free constant only): max(TV_in, (TV_in + |s_1 + s_{n−1}|)/2).
/// The LP cross-check represents f with ReLUs at a fine knot grid and minimises the sum of |output weights|.
/// </summary>
public static class OneDimensional
{
    /// <summary>Secant slopes of sorted data.</summary>
    public static double[] Slopes(double[] x, double[] y)
    {
        if (x.Length != y.Length || x.Length < 2) throw new ArgumentException("need at least two points with one y per x");
        for (int i = 1; i < x.Length; i++)
            if (!(x[i] > x[i - 1])) throw new ArgumentException($"x must be strictly increasing (x[{i - 1}] = {x[i - 1]}, x[{i}] = {x[i]})");
        return Enumerable.Range(0, x.Length - 1).Select(i => (y[i + 1] - y[i]) / (x[i + 1] - x[i])).ToArray();
    }

    /// <summary>Variant A: Σ|Δs| over interior points.</summary>
    public static double MinVariationA(double[] x, double[] y)
    {
        var s = Slopes(x, y);
        return Enumerable.Range(1, s.Length - 1).Sum(i => Math.Abs(s[i] - s[i - 1]));
    }

    /// <summary>
    /// The variant-A minimiser: the linear spline f(t) = y_1 + s_1(t − x_1) + Σ_{i=2}^{n−1} (s_i − s_{i−1})σ(t − x_i),
    /// as knots and slope jumps; its cost Σ|jumps| is the formula's value.
    /// </summary>
    public static (double Y1, double S1, double[] Knots, double[] Jumps) LinearSpline(double[] x, double[] y)
    {
        var s = Slopes(x, y);
        return (y[0], s[0], x[1..^1], Enumerable.Range(1, s.Length - 1).Select(i => s[i] - s[i - 1]).ToArray());
    }

    /// <summary>The value at t of a spline given by its left value and slope, knots and slope jumps.</summary>
    public static double EvaluateSpline((double Y1, double S1, double[] Knots, double[] Jumps) f, double x0, double t) =>
        f.Y1 + f.S1 * (t - x0) + f.Knots.Select((k, i) => f.Jumps[i] * Math.Max(0, t - k)).Sum();

    /// <summary>Variant B: max(TV_in, (TV_in + |s_1 + s_{n−1}|)/2).</summary>
    public static double MinVariationB(double[] x, double[] y)
    {
        var s = Slopes(x, y);
        double tv = MinVariationA(x, y);
        return Math.Max(tv, (tv + Math.Abs(s[0] + s[^1])) / 2);
    }

    /// <summary>
    /// The LP: f(t) = c [+ a·t in variant A] + Σ_k p_k σ(t − τ_k) + q_k σ(τ_k − t) over knots τ_k (a grid of
    /// <paramref name="grid"/> points on [x_1, x_n] plus the data points), minimising Σ|p_k| + |q_k| with f(x_i) = y_i.
    /// </summary>
    public static double Lp(double[] x, double[] y, RNormVariant variant, int grid = 400)
    {
        Slopes(x, y);
        var knots = Enumerable.Range(0, grid + 1).Select(k => x[0] + (x[^1] - x[0]) * k / grid).Concat(x).Distinct().Order().ToArray();
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools GLOP is not available");
        var rows = x.Select((xi, i) => solver.MakeConstraint(y[i], y[i], $"x{i}")).ToArray();
        var c = solver.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, "c");
        foreach (var r in rows) r.SetCoefficient(c, 1);
        if (variant == RNormVariant.FreeAffine)
        {
            var a = solver.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, "a");
            for (int i = 0; i < x.Length; i++) rows[i].SetCoefficient(a, x[i]);
        }
        var obj = solver.Objective();
        obj.SetMinimization();
        for (int k = 0; k < knots.Length; k++)
            foreach (int orientation in new[] { 1, -1 })
            {
                // Each signed ReLU gets a ± pair of non-negative weights.
                var p = solver.MakeNumVar(0, double.PositiveInfinity, "");
                var n = solver.MakeNumVar(0, double.PositiveInfinity, "");
                obj.SetCoefficient(p, 1);
                obj.SetCoefficient(n, 1);
                for (int i = 0; i < x.Length; i++)
                {
                    double act = Math.Max(0, orientation * (x[i] - knots[k]));
                    if (act == 0) continue;
                    rows[i].SetCoefficient(p, act);
                    rows[i].SetCoefficient(n, -act);
                }
            }
        var status = solver.Solve();
        return status == Solver.ResultStatus.OPTIMAL ? obj.Value() : double.NaN;
    }
}
