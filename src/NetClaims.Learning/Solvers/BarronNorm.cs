using Google.OrTools.LinearSolver;

namespace NetClaims.Solvers;

/// <summary>
/// The Barron norm of a function's values on a finite input set, with its certificate.
/// </summary>
/// <param name="Norm">min Σ_j |c_j| over representations f(x_i) = Σ_j c_j σ(⟨w_j, x̃_i⟩) with ‖w_j‖₁ = 1 (x̃ = (x, 1)).</param>
/// <param name="LowerBound">Σ_i y_i f(x_i) for the final dual y scaled to feasibility over every neuron (exact pricing): a certified lower bound up to the LP's rounding.</param>
/// <param name="MaxDualViolation">max over all unit-ℓ1 neurons of |Σ_i y_i σ(⟨w, x̃_i⟩)| − 1 at the end (≤ the tolerance when optimal).</param>
/// <param name="W">The neurons of the optimal representation (unit ℓ1 norm, bias last).</param>
/// <param name="C">Their coefficients.</param>
/// <param name="Rounds">Column-generation rounds.</param>
/// <param name="Status">The LP status of the last master.</param>
/// <param name="D">The input dimension d (neurons have d + 1 weights).</param>
public sealed record BarronResult(double Norm, double LowerBound, double MaxDualViolation, double[][] W, double[] C, int Rounds, string Status, int D)
{
    /// <summary>Norm − LowerBound (0 up to the LP's rounding when the column generation has converged).</summary>
    public double Gap => Norm - LowerBound;

    /// <summary>The representation's value at x.</summary>
    public double Evaluate(double[] x) => W.Select((w, j) => C[j] * BarronNorm.Relu(w, x)).Sum();
}

/// <summary>
/// The Barron norm on data (Liu–Dadi–Cevher's norm restricted to a finite input set, docs/ldc24.md §4) as a linear
/// program over the continuous dictionary {σ(⟨w, x̃⟩) : ‖w‖₁ = 1} (σ is positively homogeneous, so the ℓ1 weight norm
/// can be normalised away), solved by column generation. The optimum over the rays enumerated below is the optimum over every neuron (the dual constraint's maximum is at a
/// ray), so the dictionary is finite; column generation keeps the masters small. Pricing is exact: on each cell of the arrangement of the
/// hyperplanes ⟨w, x̃_i⟩ = 0 and w_k = 0 the dual correlation Σ y_i σ(⟨w, x̃_i⟩) is linear and the ℓ1 sphere is a
/// polytope, so its largest value is at a ray where d of these hyperplanes meet — all C(n + d + 1, d) of them are
/// enumerated (small d only: d ≤ 3 and n ≤ 64).
/// </summary>
public static class BarronNorm
{
    /// <summary>σ(⟨w, (x, 1)⟩).</summary>
    public static double Relu(double[] w, double[] x)
    {
        double z = w[^1];
        for (int k = 0; k < x.Length; k++) z += w[k] * x[k];
        return z > 0 ? z : 0;
    }

    /// <summary>The Barron norm of the values <paramref name="f"/> at the points <paramref name="x"/>.</summary>
    public static BarronResult OnData(double[][] x, double[] f, double tolerance = 1e-9, int maxRounds = 200)
    {
        int n = x.Length;
        if (n < 1 || n > 64 || f.Length != n) throw new ArgumentException($"need 1 ≤ n ≤ 64 points with one value each, got {n} points and {f.Length} values");
        int d = x[0].Length;
        if (d < 1 || d > 3 || x.Any(p => p.Length != d)) throw new ArgumentException($"exact pricing is implemented for 1 ≤ d ≤ 3, got d = {d}");
        if (x.Any(p => p.Any(v => !double.IsFinite(v))) || f.Any(v => !double.IsFinite(v))) throw new ArgumentException("points and values must be finite");
        var rays = Rays(x);
        // Start from the 6n rays best correlated with f (a dual guess y ∝ f); a master that cannot fit f with them gets
        // every ray (the full dictionary always can: distinct points give the ray features full rank).
        var columns = rays.OrderByDescending(w => Math.Abs(Correlation(w, x, f))).Take(6 * n).ToList();
        double[] duals = new double[n];
        double norm = double.NaN;
        double[] coef = [];
        string status = "NOT_SOLVED";
        int round = 0;
        double violation = double.PositiveInfinity;
        for (; round < maxRounds; round++)
        {
            (norm, coef, duals, status) = Master(x, f, columns);
            if (status != "OPTIMAL" && columns.Count < rays.Length)
            {
                columns = [.. rays];
                (norm, coef, duals, status) = Master(x, f, columns);
            }
            if (status != "OPTIMAL") break;
            // Exact pricing over every ray; add the most violated (both signs are in the master through c⁺, c⁻).
            var scored = rays.Select(w => (W: w, V: Math.Abs(Correlation(w, x, duals)))).OrderByDescending(t => t.V).ToArray();
            violation = scored.Length == 0 ? 0 : scored[0].V - 1;
            if (violation <= tolerance) break;
            foreach (var (w, v) in scored.Take(8).Where(t => t.V > 1 + tolerance)) columns.Add(w);
        }
        double maxCorr = Math.Max(1, 1 + violation);
        double lower = Enumerable.Range(0, n).Sum(i => duals[i] * f[i]) / maxCorr;
        var used = Enumerable.Range(0, coef.Length).Where(j => Math.Abs(coef[j]) > 1e-12).ToArray();
        return new BarronResult(norm, lower, violation, used.Select(j => columns[j]).ToArray(), used.Select(j => coef[j]).ToArray(), round + 1, status, d);
    }

    /// <summary>Σ_i y_i σ(⟨w, x̃_i⟩).</summary>
    public static double Correlation(double[] w, double[][] x, double[] y)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += y[i] * Relu(w, x[i]);
        return s;
    }

    static (double Norm, double[] C, double[] Duals, string Status) Master(double[][] x, double[] f, List<double[]> columns)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools GLOP is not available");
        int n = x.Length;
        var rows = Enumerable.Range(0, n).Select(i => solver.MakeConstraint(f[i], f[i], $"x{i}")).ToArray();
        var objective = solver.Objective();
        var plus = new Variable[columns.Count];
        var minus = new Variable[columns.Count];
        for (int j = 0; j < columns.Count; j++)
        {
            plus[j] = solver.MakeNumVar(0, double.PositiveInfinity, $"p{j}");
            minus[j] = solver.MakeNumVar(0, double.PositiveInfinity, $"m{j}");
            objective.SetCoefficient(plus[j], 1);
            objective.SetCoefficient(minus[j], 1);
            for (int i = 0; i < n; i++)
            {
                double a = Relu(columns[j], x[i]);
                if (a < 1e-13) continue;
                rows[i].SetCoefficient(plus[j], a);
                rows[i].SetCoefficient(minus[j], -a);
            }
        }
        objective.SetMinimization();
        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL) return (double.NaN, [], new double[n], status.ToString());
        return (objective.Value(), Enumerable.Range(0, columns.Count).Select(j => plus[j].SolutionValue() - minus[j].SolutionValue()).ToArray(),
            rows.Select(r => r.DualValue()).ToArray(), "OPTIMAL");
    }

    /// <summary>
    /// Every ray (both directions, unit ℓ1 norm) where d independent hyperplanes of the arrangement {x̃_i^⊥} ∪ {e_k^⊥}
    /// in R^{d+1} meet.
    /// </summary>
    public static double[][] Rays(double[][] x)
    {
        int d = x[0].Length, m = d + 1;
        var normals = x.Select(p => (double[])[.. p, 1.0]).Concat(Enumerable.Range(0, m).Select(k => { var e = new double[m]; e[k] = 1; return e; })).ToArray();
        var rays = new List<double[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subset in Subsets(normals.Length, d))
        {
            var line = NullLine(subset.Select(i => normals[i]).ToArray(), m);
            double l1 = line.Sum(Math.Abs);
            if (l1 < 1e-12) continue; // dependent normals
            foreach (var sign in new[] { 1.0, -1.0 })
            {
                // Several subsets meet in the same ray: keep one (duplicate columns make the master degenerate).
                var ray = line.Select(v => sign * v / l1).Select(v => Math.Abs(v) < 1e-14 ? 0 : v).ToArray();
                if (seen.Add(string.Join(",", ray.Select(v => v.ToString("F9", System.Globalization.CultureInfo.InvariantCulture))))) rays.Add(ray);
            }
        }
        return [.. rays];
    }

    // The generalised cross product of d vectors in R^{d+1}: component k = (−1)^k det(A without column k).
    static double[] NullLine(double[][] a, int m)
    {
        var v = new double[m];
        for (int k = 0; k < m; k++)
        {
            var minor = a.Select(row => row.Where((_, j) => j != k).ToArray()).ToArray();
            v[k] = (k % 2 == 0 ? 1 : -1) * Det(minor);
        }
        return v;
    }

    static double Det(double[][] a) => a.Length switch
    {
        1 => a[0][0],
        2 => a[0][0] * a[1][1] - a[0][1] * a[1][0],
        3 => a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]),
        _ => throw new ArgumentException("d ≤ 3"),
    };

    static IEnumerable<int[]> Subsets(int n, int k)
    {
        var idx = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])idx.Clone();
            int i = k - 1;
            while (i >= 0 && idx[i] == n - k + i) i--;
            if (i < 0) yield break;
            idx[i]++;
            for (int j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
        }
    }
}

/// <summary>Maurey's empirical method on an optimal Barron representation.</summary>
public static class MaureySampling
{
    /// <summary>
    /// A width-m network drawn from the representation r: neuron j with probability |c_j|/Σ|c|, output weight
    /// sign(c_j)·‖r‖/m, so its path norm is exactly Σ|c| and it is an unbiased estimate of the represented function.
    /// </summary>
    public static (double[][] W, double[] A) Sample(BarronResult r, int m, int seed)
    {
        if (m < 1) throw new ArgumentOutOfRangeException(nameof(m), "width m ≥ 1");
        double total = r.C.Sum(Math.Abs);
        if (!(total > 0)) return (Enumerable.Range(0, m).Select(_ => new double[r.D + 1]).ToArray(), new double[m]); // f ≡ 0 on the data
        var cumulative = new double[r.C.Length];
        double acc = 0;
        for (int j = 0; j < r.C.Length; j++) cumulative[j] = acc += Math.Abs(r.C[j]) / total;
        var rng = new Random(seed);
        var w = new double[m][];
        var a = new double[m];
        for (int k = 0; k < m; k++)
        {
            double u = rng.NextDouble();
            int j = Array.FindIndex(cumulative, c => u < c);
            if (j < 0) j = r.C.Length - 1;
            w[k] = r.W[j];
            a[k] = Math.Sign(r.C[j]) * total / m;
        }
        return (w, a);
    }

    /// <summary>The variance term V = mean_i Var_j[total·sign(c_j)σ(⟨w_j, x̃_i⟩)] of one draw: E‖f − f_m‖² = V/m on the data.</summary>
    public static double Variance(BarronResult r, double[][] x)
    {
        double total = r.C.Sum(Math.Abs);
        if (!(total > 0)) return 0;
        double v = 0;
        foreach (var p in x)
        {
            double mean = 0, second = 0;
            for (int j = 0; j < r.C.Length; j++)
            {
                double prob = Math.Abs(r.C[j]) / total, z = total * Math.Sign(r.C[j]) * BarronNorm.Relu(r.W[j], p);
                mean += prob * z;
                second += prob * z * z;
            }
            v += second - mean * mean;
        }
        return v / x.Length;
    }
}
