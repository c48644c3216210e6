using System.Diagnostics;
using Google.OrTools.LinearSolver;
using NetClaims.Cube;

namespace NetClaims.Solvers;

/// <summary>A column-generation solve: the optimum, how it got there, and the certificate that it is optimal.</summary>
/// <param name="MaxReducedCostViolation">max over every sign-direction neuron of |correlation with the final duals| − √d:
/// ≤ 0 (to rounding) proves the restricted optimum is the optimum over the whole sign-direction dictionary.</param>
public sealed record ColumnGenerationResult(double Optimum, string Status, int Iterations, int Columns, double MaxReducedCostViolation, double Seconds);

/// <summary>
/// The minimum-R-norm LP of <see cref="MinRNormLp"/> over the sign-direction dictionary, solved by column generation: a
/// restricted master LP (GLOP) starts from the ridge along 1 (which interpolates), and each round prices every neuron
/// σ(⟨w,x⟩ − b), w ∈ {±1}^d, b ∈ (−d, d), against the master's duals λ at once with
/// <see cref="SignDictionaryPricing"/> (d + 2 Walsh–Hadamard transforms): a neuron with |Σ_x λ(x)σ(⟨w,x⟩ − b)| &gt; √d has
/// negative reduced cost and enters. When none does, LP duality makes λ feasible for the full dual, so the restricted
/// optimum is the full one — at d where the full dictionary (2^{d−1}(2d−1) pairs of columns) does not fit.
/// <para>
/// Measured (2-core machine, under load): d = 9 in 16 rounds, 3830 columns, 46 s, optimum = C(g*) = 21.9428571429 with
/// max excess 2.4e-12. The master is highly degenerate — its duals are poor early on — so at d = 10 the optimum stays
/// flat for ten rounds; dual stabilisation is the known remedy and not done yet.
/// </para>
/// </summary>
public static class ColumnGeneration
{
    /// <summary>Largest d solved: the master has 2^d rows, and its optimal basis needs about as many columns.</summary>
    public const int MaxD = 13;

    /// <summary>Min-R-norm interpolation of χ on the cube by column generation over sign directions and lattice biases.</summary>
    public static ColumnGenerationResult Solve(Dimension d, int maxIterations = 100, double tolerance = 1e-7, Action<string>? log = null)
    {
        int n = d.Value;
        if (n < 2 || n > MaxD) throw new SizeRefusedException($"column generation at d={n}: need 2 ≤ d ≤ {MaxD} (the master LP has 2^d rows)");
        var clock = Stopwatch.StartNew();
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools GLOP is not available");
        ulong vertices = d.VertexCount;
        var (rows, objective) = ParityLpMaster.Create(solver, d);
        double norm = Math.Sqrt(n);
        var biases = Enumerable.Range(-n + 1, 2 * n - 1).ToArray();
        var inMaster = new HashSet<(ulong, int)>();
        void Add(ulong w, int b)
        {
            if (inMaster.Add((w, b))) ParityLpMaster.AddNeuronPair(solver, rows, objective, d, w, b);
        }
        // The ridge along 1 interpolates parity (a spline in ⟨1,x⟩), so the first master is feasible.
        foreach (var b in biases) Add(0, b);
        int batch = Math.Max(64, (int)(vertices / 4));
        double violation = double.PositiveInfinity;
        for (int it = 1; it <= maxIterations; it++)
        {
            var status = solver.Solve();
            if (status != Solver.ResultStatus.OPTIMAL)
                return new ColumnGenerationResult(double.NaN, status.ToString(), it, inMaster.Count * 2, double.NaN, clock.Elapsed.TotalSeconds);
            var lambda = new double[vertices];
            for (ulong x = 0; x < vertices; x++) lambda[x] = rows[x].DualValue();
            var corr = SignDictionaryPricing.Correlations(n, lambda, biases);
            var entering = new List<(double Excess, ulong W, int B)>();
            violation = double.NegativeInfinity;
            for (int i = 0; i < biases.Length; i++)
                for (ulong w = 0; w < vertices; w++)
                {
                    double excess = Math.Abs(corr[i][w]) - norm;
                    violation = Math.Max(violation, excess);
                    if (excess > tolerance * norm && !inMaster.Contains((w, biases[i]))) entering.Add((excess, w, biases[i]));
                }
            log?.Invoke($"column generation d={n}: round {it}, {inMaster.Count * 2} columns, optimum {objective.Value():G12}, max excess {violation:G3}, {entering.Count} entering");
            if (entering.Count == 0)
                return new ColumnGenerationResult(objective.Value(), status.ToString(), it, inMaster.Count * 2, violation, clock.Elapsed.TotalSeconds);
            foreach (var e in entering.OrderByDescending(e => e.Excess).Take(batch)) Add(e.W, e.B);
        }
        return new ColumnGenerationResult(objective.Value(), "ITERATION_LIMIT", maxIterations, inMaster.Count * 2, violation, clock.Elapsed.TotalSeconds);
    }
}
