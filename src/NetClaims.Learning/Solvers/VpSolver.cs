using System.Diagnostics;
using System.Numerics;
using Google.OrTools.LinearSolver;
using NetClaims.Cube;

namespace NetClaims.Solvers;

/// <summary>One neuron u·σ(⟨w, x⟩ − b) of a VP solution: w the sign vector of a mask (unnormalised, ‖w‖ = √d).</summary>
public readonly record struct SignNeuron(ulong W, int B, double U);

/// <summary>
/// The minimum-R-norm interpolant of labelled vertices (the VP solution) over the sign-direction dictionary, with what
/// proves it: the optimum C(ĝ) = Σ √d·|u|, the LP's duals λ (one per sample), the dual objective Σ λ_i y_i, and the
/// largest dual violation over every neuron of the dictionary, max_{w,b} |Σ_i λ_i σ(⟨w,x_i⟩ − b)| − √d. A violation ≤ 0
/// (to the stated tolerance) and primal = dual make the answer optimal over the whole sign dictionary.
/// </summary>
/// <param name="Dictionary">Which neurons the optimum is over (here always the sign directions w ∈ {±1}^d).</param>
public sealed record VpResult(
    int D, int N, string Dictionary, string Status, double Cost, double DualObjective, double MaxDualViolation,
    IReadOnlyList<SignNeuron> Neurons, double[] Affine, double Constant, double[] Duals, int Rounds, int Columns, double Seconds)
{
    /// <summary>|primal − dual|: 0 up to the LP's tolerance at an optimum.</summary>
    public double DualityGap => Math.Abs(Cost - DualObjective);

    /// <summary>Whether the certificate holds: no neuron of the dictionary violates the dual by more than
    /// <paramref name="tolerance"/>·√d, and the duality gap is within <paramref name="tolerance"/>·max(1, cost).</summary>
    public bool Certified(double tolerance = 1e-6) =>
        Status == "OPTIMAL" && MaxDualViolation <= tolerance * Math.Sqrt(D) && DualityGap <= tolerance * Math.Max(1, Cost);

    /// <summary>ĝ at a vertex (mask): Σ u·σ(⟨w,x⟩ − b) + ⟨v,x⟩ + c.</summary>
    public double Evaluate(ulong x)
    {
        double g = Constant;
        for (int i = 0; i < D; i++) g += Affine[i] * Vertex.Coordinate(x, i);
        foreach (var nu in Neurons)
        {
            int t = Vertex.SignDot(nu.W, x, D) - nu.B;
            if (t > 0) g += nu.U * t;
        }
        return g;
    }

    /// <summary>ĝ on every vertex of the cube (2^d values).</summary>
    public double[] OnCube()
    {
        int n = 1 << D;
        var values = new double[n];
        Parallel.For(0, n, x => values[x] = Evaluate((ulong)x));
        return values;
    }
}

/// <summary>What the VP solution does on the whole cube, against the parity χ.</summary>
/// <param name="Correlation">E[ĝχ] over all 2^d vertices.</param>
/// <param name="SquaredDistance">‖ĝ − χ‖₂² = E[(ĝ − χ)²].</param>
/// <param name="ClippedError">E[(clip(ĝ) − χ)²]/4 with clip to [−1, 1]: the clipped squared loss, in [0, 1].</param>
/// <param name="SignError">The fraction of vertices where sign(ĝ) ≠ χ (ĝ = 0 counts as an error).</param>
public sealed record VpOnCube(double Correlation, double SquaredDistance, double ClippedError, double SignError)
{
    /// <summary>Measures ĝ against χ on every vertex.</summary>
    public static VpOnCube Of(VpResult r)
    {
        var g = r.OnCube();
        double corr = 0, dist = 0, clip = 0, sign = 0;
        for (int x = 0; x < g.Length; x++)
        {
            int chi = Parity.Sign((ulong)x);
            corr += g[x] * chi;
            dist += (g[x] - chi) * (g[x] - chi);
            double c = Math.Clamp(g[x], -1, 1);
            clip += (c - chi) * (c - chi) / 4;
            if (!(g[x] * chi > 0)) sign++;
        }
        double n = g.Length;
        return new VpOnCube(corr / n, dist / n, clip / n, sign / n);
    }
}

/// <summary>
/// The VP on samples: min Σ_j √d·|u_j| over networks Σ_j u_j σ(⟨w_j, x⟩ − b_j) + ⟨v, x⟩ + c that interpolate n labelled
/// vertices, over the sign-direction dictionary w ∈ {±1}^d with biases on the lattice {−d+2, −d+4, …, d−2} (a bias
/// between lattice points is an average of its two neighbours at the same cost; b ≤ −d is affine and b ≥ d is zero on
/// the cube). Column generation: the restricted master (GLOP) has one row per sample and starts from one neuron per
/// sample (σ(⟨x_i, x⟩ − (d − 2)) is 2 at x_i and 0 at every other vertex, so the start interpolates); each round prices
/// every neuron of the dictionary against the master's duals at once (<see cref="SignDictionaryPricing"/>: the duals
/// scattered on the cube, d + 2 Walsh–Hadamard transforms of size 2^d) and adds the most violated. When none violates,
/// the duals are feasible for the full dual LP and the restricted optimum is the VP optimum over the dictionary.
/// </summary>
public static class VpSolver
{
    /// <summary>Largest d: pricing holds a few arrays of 2^d doubles per bias.</summary>
    public const int MaxD = 22;

    /// <summary>Most samples: the master has one row per sample.</summary>
    public const int MaxSamples = 4096;

    /// <summary>Solves the VP for distinct vertices <paramref name="points"/> (masks) with ±1 labels.</summary>
    public static VpResult Solve(int d, IReadOnlyList<ulong> points, IReadOnlyList<int> labels, double tolerance = 1e-7,
        int maxRounds = 200, Action<string>? log = null, CancellationToken cancel = default)
    {
        if (d < 2 || d > MaxD) throw new SizeRefusedException($"the VP solver needs 2 ≤ d ≤ {MaxD} (pricing holds 2^d values per bias), not d={d}");
        int n = points.Count;
        if (n < 1 || n > MaxSamples) throw new SizeRefusedException($"the VP solver takes 1 … {MaxSamples} samples (one master row each), not {n}");
        if (labels.Count != n) throw new ArgumentException($"{n} points but {labels.Count} labels");
        if ((ulong)n > 1UL << d) throw new ArgumentException($"n = {n} distinct samples cannot fit in 2^{d} vertices");
        if (points.Any(p => p >> d != 0)) throw new ArgumentException($"a sample mask has bits beyond d = {d}");
        if (points.Distinct().Count() != n) throw new ArgumentException("the samples must be distinct vertices");
        if (labels.Any(y => y is not (1 or -1))) throw new ArgumentException("labels must be ±1");
        SizeGuard.EnsureFits($"VP pricing at d={d}", (d + 2.0) * (1L << d), 8);

        var clock = Stopwatch.StartNew();
        double norm = Math.Sqrt(d);
        var biases = Enumerable.Range(0, d - 1).Select(j => -d + 2 + 2 * j).ToArray();
        // GLOP first; should it end abnormally (numerical trouble, seen about once in a few hundred sample sets), the
        // same master — the same columns — is rebuilt with CLP and the generation continues there.
        var master = new Master("GLOP", d, points, labels);
        foreach (var x in points) master.Add(x, d - 2);

        int batch = Math.Max(32, n);
        double violation = double.PositiveInfinity;
        var lambda = new double[n];
        string status = "NOT_SOLVED";
        int round;
        for (round = 1; round <= maxRounds; round++)
        {
            cancel.ThrowIfCancellationRequested();
            var st = master.Solve();
            if (st != Solver.ResultStatus.OPTIMAL && master.Engine == "GLOP")
            {
                log?.Invoke($"VP d={d} n={n}: GLOP ended {st}; re-solving the same master with CLP");
                var again = new Master("CLP", d, points, labels);
                foreach (var (w, b) in master.Keys) again.Add(w, b);
                master.Dispose();
                master = again;
                st = master.Solve();
            }
            status = st.ToString();
            if (st != Solver.ResultStatus.OPTIMAL) break;
            for (int i = 0; i < n; i++) lambda[i] = master.Dual(i);
            var onCube = new double[1 << d];
            for (int i = 0; i < n; i++) onCube[points[i]] = lambda[i];
            var corr = SignDictionaryPricing.Correlations(d, onCube, biases);
            var entering = new List<(double Excess, ulong W, int B)>();
            violation = double.NegativeInfinity;
            for (int j = 0; j < biases.Length; j++)
            {
                var cj = corr[j];
                for (int w = 0; w < cj.Length; w++)
                {
                    double excess = Math.Abs(cj[w]) - norm;
                    if (excess > violation) violation = excess;
                    if (excess > tolerance * norm && !master.Contains((ulong)w, biases[j])) entering.Add((excess, (ulong)w, biases[j]));
                }
            }
            log?.Invoke($"VP d={d} n={n}: round {round}, {master.Keys.Count} neuron pairs, cost {master.Cost:G10}, max dual violation {violation:G3}, {entering.Count} entering");
            if (entering.Count == 0) break;
            // At the round limit the master is left as solved (its values and duals belong together), uncertified.
            if (round == maxRounds) { status = "ROUND_LIMIT"; break; }
            foreach (var e in entering.OrderByDescending(e => e.Excess).Take(batch)) master.Add(e.W, e.B);
        }
        using (master)
        {
            string dictionary = "sign directions";
            if (status is not ("OPTIMAL" or "ROUND_LIMIT"))
                return new VpResult(d, n, dictionary, status, double.NaN, double.NaN, double.NaN, [], new double[d], 0, lambda, round, master.Keys.Count * 2, clock.Elapsed.TotalSeconds);
            double dual = 0;
            for (int i = 0; i < n; i++) dual += lambda[i] * labels[i];
            return new VpResult(d, n, dictionary, status, master.Cost, dual, violation, master.Neurons(), master.Affine(), master.Constant,
                lambda, Math.Min(round, maxRounds), master.Keys.Count * 2, clock.Elapsed.TotalSeconds);
        }
    }

    /// <summary>The restricted master LP: one equality row per sample, a free affine part, neuron columns p − q.</summary>
    sealed class Master : IDisposable
    {
        readonly Solver solver;
        readonly Constraint[] rows;
        readonly Variable c;
        readonly Variable[] v;
        readonly Objective objective;
        readonly int d;
        readonly IReadOnlyList<ulong> points;
        readonly Dictionary<(ulong W, int B), (Variable P, Variable Q)> columns = [];
        readonly List<(ulong W, int B)> keys = [];

        public Master(string engine, int d, IReadOnlyList<ulong> points, IReadOnlyList<int> labels)
        {
            Engine = engine;
            this.d = d;
            this.points = points;
            solver = Solver.CreateSolver(engine) ?? throw new InvalidOperationException($"OR-Tools {engine} is not available");
            int n = points.Count;
            rows = new Constraint[n];
            for (int i = 0; i < n; i++) rows[i] = solver.MakeConstraint(labels[i], labels[i], $"s{i}");
            c = solver.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, "c");
            foreach (var r in rows) r.SetCoefficient(c, 1);
            v = new Variable[d];
            for (int k = 0; k < d; k++)
            {
                v[k] = solver.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, $"v{k}");
                for (int i = 0; i < n; i++) rows[i].SetCoefficient(v[k], Vertex.Coordinate(points[i], k));
            }
            objective = solver.Objective();
            objective.SetMinimization();
        }

        public string Engine { get; }

        public IReadOnlyList<(ulong W, int B)> Keys => keys;

        public bool Contains(ulong w, int b) => columns.ContainsKey((w, b));

        public void Add(ulong w, int b)
        {
            if (columns.ContainsKey((w, b))) return;
            double norm = Math.Sqrt(d);
            var p = solver.MakeNumVar(0, double.PositiveInfinity, "");
            var q = solver.MakeNumVar(0, double.PositiveInfinity, "");
            objective.SetCoefficient(p, norm);
            objective.SetCoefficient(q, norm);
            for (int i = 0; i < points.Count; i++)
            {
                int t = Vertex.SignDot(w, points[i], d) - b;
                if (t <= 0) continue;
                rows[i].SetCoefficient(p, t);
                rows[i].SetCoefficient(q, -t);
            }
            columns[(w, b)] = (p, q);
            keys.Add((w, b));
        }

        public Solver.ResultStatus Solve() => solver.Solve();

        public double Dual(int row) => rows[row].DualValue();

        public double Cost => objective.Value();

        public double Constant => c.SolutionValue();

        public double[] Affine() => v.Select(x => x.SolutionValue()).ToArray();

        public SignNeuron[] Neurons() => keys.Select(k => new SignNeuron(k.W, k.B, columns[k].P.SolutionValue() - columns[k].Q.SolutionValue()))
            .Where(nu => nu.U != 0).ToArray();

        public void Dispose() => solver.Dispose();
    }

    /// <summary>n distinct uniformly random vertices of {±1}^d (masks), labelled by χ, from a seed.</summary>
    public static (ulong[] Points, int[] Labels) ParitySamples(int d, int n, int seed)
    {
        if (d < 1 || d > 62) throw new ArgumentOutOfRangeException(nameof(d), $"need 1 ≤ d ≤ 62, not {d}");
        if (n < 0 || (d < 62 && (ulong)n > 1UL << d)) throw new ArgumentOutOfRangeException(nameof(n), $"n = {n} distinct samples cannot fit in 2^{d} vertices");
        var rng = new Random(seed);
        var set = new HashSet<ulong>();
        var points = new List<ulong>(n);
        ulong mask = (1UL << d) - 1;
        while (points.Count < n)
        {
            ulong x = (ulong)rng.NextInt64() & mask;
            if (set.Add(x)) points.Add(x);
        }
        return (points.ToArray(), points.Select(Parity.Sign).ToArray());
    }
}
