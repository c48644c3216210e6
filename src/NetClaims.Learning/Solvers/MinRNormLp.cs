using System.Diagnostics;
using Google.OrTools.LinearSolver;
using NetClaims.Cube;

namespace NetClaims.Solvers;

/// <summary>Which ReLU atoms the LP may use.</summary>
public enum NeuronDictionary
{
    /// <summary>σ(⟨w,x⟩ − b) for every w ∈ {±1}^d (one per ± pair) and every integer b in (−d, d).</summary>
    SignDirections,

    /// <summary>Only w = 1: the best ridge interpolant along the all-ones direction.</summary>
    RidgeAlongOnes,
}

/// <summary>An LP solution with its size and time.</summary>
public sealed record LpResult(double Optimum, string Status, int Rows, int Columns, long NonZeros, double Seconds);

/// <summary>
/// Minimum R-norm interpolation of parity by linear programming (docs/ahs23.md §1.4 D1, variant A): minimise
/// Σ_j ‖w_j‖·|u_j| subject to Σ_j u_j σ(⟨w_j,x⟩ − b_j) + ⟨v,x⟩ + c = χ(x) on all 2^d vertices, over a finite dictionary,
/// with u split as p − n (p, n ≥ 0) and a free affine part. Solved with OR-Tools GLOP.
/// For w ∈ {±1}^d, ⟨w,x⟩ ≡ d (mod 2) and a bias strictly between two lattice points is a convex combination of the
/// neighbouring lattice biases at equal cost, so integer biases in (−d, d) lose nothing; b ≥ d gives the zero function
/// and b ≤ −d an affine one, both covered by the free affine part.
/// </summary>
public static class MinRNormLp
{
    /// <summary>The LP solved once per run for each (d, dictionary) when the run has a cache: claims, reports and
    /// checks share it.</summary>
    public static LpResult SolveCached(NetClaims.Claims.RunCache? cache, Dimension d, NeuronDictionary dictionary) =>
        NetClaims.Claims.RunCache.Memo(cache, ("min-rnorm-lp", d.Value, dictionary), () => Solve(d, dictionary));

    /// <summary>The min-R-norm parity LP over a neuron dictionary (GLOP).</summary>
    public static LpResult Solve(Dimension d, NeuronDictionary dictionary)
    {
        int n = d.Value;
        if (dictionary == NeuronDictionary.SignDirections && n > 10)
            throw new SizeRefusedException($"the full-dictionary LP at d={n} has ~{(1L << (n - 1)) * (2 * n - 1) * 2} columns × {1L << n} rows; refused above d = 10 (d = 9 takes ~20 s)");
        var clock = Stopwatch.StartNew();
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools GLOP is not available");
        ulong vertices = d.VertexCount;
        var (rows, objective) = ParityLpMaster.Create(solver, d);
        long nonZeros = (long)vertices * (n + 1);
        int columns = n + 1;
        // One direction per ± pair: masks with the top bit clear (σ(−t − b) is covered by σ(t − b') and the affine part).
        ulong directions = dictionary == NeuronDictionary.RidgeAlongOnes ? 1 : vertices / 2;
        for (ulong w = 0; w < directions; w++)
            for (int b = -n + 1; b <= n - 1; b++)
            {
                nonZeros += ParityLpMaster.AddNeuronPair(solver, rows, objective, d, w, b);
                columns += 2;
            }
        var status = solver.Solve();
        double opt = status == Solver.ResultStatus.OPTIMAL ? objective.Value() : double.NaN;
        return new LpResult(opt, status.ToString(), (int)vertices, columns, nonZeros, clock.Elapsed.TotalSeconds);
    }
}

/// <summary>The rows and objective shared by the full and the column-generation LP: g(x) = χ(x) at every vertex, a free
/// affine part ⟨v, x⟩ + c, minimisation; neuron columns are added by the caller.</summary>
internal static class ParityLpMaster
{
    public static (Constraint[] Rows, Objective Objective) Create(Solver solver, Dimension d)
    {
        int n = d.Value;
        ulong vertices = d.VertexCount;
        var rows = new Constraint[vertices];
        for (ulong x = 0; x < vertices; x++)
        {
            int chi = Parity.Sign(x);
            rows[x] = solver.MakeConstraint(chi, chi, $"x{x}");
        }
        // Free affine part ⟨v,x⟩ + c.
        var c = solver.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, "c");
        for (ulong x = 0; x < vertices; x++) rows[x].SetCoefficient(c, 1);
        for (int i = 0; i < n; i++)
        {
            var v = solver.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, $"v{i}");
            for (ulong x = 0; x < vertices; x++) rows[x].SetCoefficient(v, Vertex.Coordinate(x, i));
        }
        var objective = solver.Objective();
        objective.SetMinimization();
        return (rows, objective);
    }

    /// <summary>
    /// The neuron σ(⟨w, x⟩ − b) (w the sign vector of mask w, unnormalised) as two non-negative columns p − q with cost
    /// ‖w‖₂ = √d each, so |u|·‖w‖ is the R-norm term. Returns the number of non-zero coefficients added.
    /// </summary>
    public static long AddNeuronPair(Solver solver, Constraint[] rows, Objective objective, Dimension d, ulong w, int b)
    {
        int n = d.Value;
        double norm = Math.Sqrt(n);
        var p = solver.MakeNumVar(0, double.PositiveInfinity, $"p{w}_{b}");
        var q = solver.MakeNumVar(0, double.PositiveInfinity, $"n{w}_{b}");
        objective.SetCoefficient(p, norm);
        objective.SetCoefficient(q, norm);
        long nonZeros = 0;
        for (ulong x = 0; x < d.VertexCount; x++)
        {
            int act = Vertex.SignDot(w, x, n) - b;
            if (act <= 0) continue;
            rows[x].SetCoefficient(p, act);
            rows[x].SetCoefficient(q, -act);
            nonZeros += 2;
        }
        return nonZeros;
    }
}
