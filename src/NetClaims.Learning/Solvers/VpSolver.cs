using System.Diagnostics;
using System.Numerics;
using Google.OrTools.LinearSolver;
using NetClaims.Cube;

namespace NetClaims.Solvers;

/// <summary>
/// The VP on samples: min Σ_j ‖w_j‖·|u_j| over networks Σ_j u_j σ(⟨w_j, x⟩ − b_j) + ⟨v, x⟩ + c that interpolate n
/// labelled vertices, over a <see cref="VpDictionary"/>. Lattice neurons have w ∈ {±1}^S on a support S (all d
/// coordinates for sign directions) and biases on S's lattice {−|S|+2, …, |S|−2} (a bias between lattice points is an
/// average of its two neighbours at the same cost; b ≤ −|S| is affine and b ≥ |S| is zero on the cube). Column
/// generation: the restricted master (GLOP) has one row per sample and starts from one neuron per sample
/// (σ(⟨x_i, x⟩ − (d − 2)) is 2 at x_i and 0 at every other vertex, so the start interpolates); each round prices every
/// lattice neuron against the master's duals at once (<see cref="VpPricing"/>: the duals projected on each support's
/// sub-cube, |S| + 2 Walsh–Hadamard transforms of size 2^|S|) and adds the most violated. When none violates, the duals
/// are feasible for the dictionary's dual LP and the restricted optimum is the VP optimum over the dictionary. The search
/// dictionary then runs a continuous local search over unit directions and adds what it finds, until it finds no
/// violation above its tolerance.
/// </summary>
public static class VpSolver
{
    /// <summary>Largest d: pricing holds a few arrays of 2^d doubles per bias.</summary>
    public const int MaxD = 22;

    /// <summary>Most samples: the master has one row per sample.</summary>
    public const int MaxSamples = 4096;

    /// <summary>Largest d at which the search dictionary prices the ternary directions exactly (beyond it: sign directions
    /// exactly, the rest by the continuous search). Measured: d = 12, n = 144 in 7 s; d = 14, n = 196 in 75 s.</summary>
    public const int SearchTernaryD = 12;

    /// <summary>Test hook: GLOP "ends abnormally" in this flow, so the CLP fallback runs (GLOP's stalls are rare and
    /// depend on column order, so no fixed input reproduces one for long).</summary>
    internal static readonly AsyncLocal<bool> FailGlopForTests = new();

    /// <summary>Largest d for the ternary dictionary: 3^d directions, one sub-cube transform per support.</summary>
    public const int MaxTernaryD = 14;

    /// <summary>
    /// Solves the VP for distinct vertices <paramref name="points"/> (masks) with ±1 labels over
    /// <paramref name="dictionary"/>. <paramref name="faceRange"/> adds the range of E[ĝχ] over the final master's optimal
    /// face (two more LPs). The continuous search (<see cref="VpDictionary.Search"/>) adds a neuron when it violates the
    /// duals by more than <paramref name="searchTolerance"/> and stops after <paramref name="searchRounds"/> rounds; the
    /// violation it reports is always measured at the final duals.
    /// </summary>
    public static VpResult Solve(int d, IReadOnlyList<ulong> points, IReadOnlyList<int> labels, double tolerance = 1e-7,
        int maxRounds = 200, Action<string>? log = null, CancellationToken cancel = default, VpDictionary dictionary = VpDictionary.Sign,
        bool faceRange = false, double searchTolerance = 1e-3, int searchRounds = 40)
    {
        if (d < 2 || d > MaxD) throw new SizeRefusedException($"the VP solver needs 2 ≤ d ≤ {MaxD} (pricing holds 2^d values per bias), not d={d}");
        if (dictionary == VpDictionary.Ternary && d > MaxTernaryD)
            throw new SizeRefusedException($"the ternary dictionary has 3^d directions; it is priced exactly up to d = {MaxTernaryD}, not d={d} (use the search dictionary)");
        int n = points.Count;
        if (n < 1 || n > MaxSamples) throw new SizeRefusedException($"the VP solver takes 1 … {MaxSamples} samples (one master row each), not {n}");
        if (labels.Count != n) throw new ArgumentException($"{n} points but {labels.Count} labels");
        if ((ulong)n > 1UL << d) throw new ArgumentException($"n = {n} distinct samples cannot fit in 2^{d} vertices");
        if (points.Any(p => p >> d != 0)) throw new ArgumentException($"a sample mask has bits beyond d = {d}");
        if (points.Distinct().Count() != n) throw new ArgumentException("the samples must be distinct vertices");
        if (labels.Any(y => y is not (1 or -1))) throw new ArgumentException("labels must be ±1");
        SizeGuard.EnsureFits($"VP pricing at d={d}", (d + 2.0) * (1L << d), 8);

        var clock = Stopwatch.StartNew();
        bool ternary = dictionary == VpDictionary.Ternary || (dictionary == VpDictionary.Search && d <= SearchTernaryD);
        ulong full = (1UL << d) - 1;
        // GLOP first; should it end abnormally (numerical trouble, seen about once in a few hundred sample sets), the
        // same master — the same columns — is rebuilt with CLP and the generation continues there.
        var master = new VpMaster("GLOP", d, points, labels);
        foreach (var x in points) master.Add(VpColumn.Lattice(d, full, x, d - 2));

        int batch = Math.Max(32, n), serial = 0, searched = 0;
        double violation = double.PositiveInfinity, searchedViolation = double.NaN;
        var lambda = new double[n];
        var rng = new Random(12345);
        string status = "NOT_SOLVED";
        int round;
        for (round = 1; round <= maxRounds; round++)
        {
            cancel.ThrowIfCancellationRequested();
            var st = FailGlopForTests.Value && master.Engine == "GLOP" ? Solver.ResultStatus.ABNORMAL : master.Solve();
            if (st != Solver.ResultStatus.OPTIMAL && master.Engine == "GLOP")
            {
                log?.Invoke($"VP d={d} n={n}: GLOP ended {st}; re-solving the same master with CLP");
                var again = new VpMaster("CLP", d, points, labels);
                foreach (var col in master.Columns) again.Add(col);
                master.Dispose();
                master = again;
                st = master.Solve();
            }
            status = st.ToString();
            if (st != Solver.ResultStatus.OPTIMAL) break;
            for (int i = 0; i < n; i++) lambda[i] = master.Dual(i);
            var (max, best) = VpPricing.Lattice(d, points, lambda, ternary, batch, cancel);
            violation = max;
            var entering = best.Where(c => c.Excess > tolerance && !master.Contains(c.Column)).ToList();
            string what = "lattice";
            if (entering.Count == 0 && dictionary == VpDictionary.Search)
            {
                // Starts: the best lattice neurons (as unit directions) and random Gaussian directions.
                var starts = best.Take(8).Select(c => c.Column.W)
                    .Concat(Enumerable.Range(0, 8).Select(_ => Enumerable.Range(0, d).Select(_ => Statistics.Sampling.Gaussian(rng)).ToArray()));
                var found = VpPricing.Continuous(d, points, lambda, starts, 200, ref serial);
                searchedViolation = found.Max(c => c.Excess);
                searched++;
                if (searched <= searchRounds) entering = found.Where(c => c.Excess > searchTolerance).ToList();
                what = "searched";
            }
            log?.Invoke($"VP d={d} n={n}: round {round}, {master.Columns.Count} neuron pairs, cost {master.Cost:G10}, max dual violation {violation:G3}" +
                (double.IsNaN(searchedViolation) ? "" : $", searched {searchedViolation:G3}") + $", {entering.Count} entering ({what})");
            if (entering.Count == 0) break;
            // At the round limit the master is left as solved (its values and duals belong together), uncertified.
            if (round == maxRounds) { status = "ROUND_LIMIT"; break; }
            foreach (var e in entering.Take(batch)) master.Add(e.Column);
        }
        using (master)
        {
            if (status is not ("OPTIMAL" or "ROUND_LIMIT"))
                return new VpResult(d, n, dictionary, status, double.NaN, double.NaN, double.NaN, double.NaN, [], new double[d], 0, lambda, round, master.Columns.Count * 2, clock.Elapsed.TotalSeconds);
            double dual = 0;
            for (int i = 0; i < n; i++) dual += lambda[i] * labels[i];
            var result = new VpResult(d, n, dictionary, status, master.Cost, dual, violation, searchedViolation, master.Neurons(), master.Affine(), master.Constant,
                lambda, Math.Min(round, maxRounds), master.Columns.Count * 2, clock.Elapsed.TotalSeconds);
            if (!faceRange || status != "OPTIMAL") return result;
            var range = master.FaceRange(result.Cost, col => ParityCorrelation(d, col), labels);
            return result with { CorrelationRange = range, Seconds = clock.Elapsed.TotalSeconds };
        }
    }

    /// <summary>E[χ(x)·σ(⟨w, x⟩ − b)] over the whole cube for a column: 0 when w misses a coordinate (χ has a factor that
    /// averages out), the closed form (−1)^{|s|}·2^{−d}·Σ_j C(d, j)(−1)^j σ(d − 2j − b) for a sign vector s, else the sum.</summary>
    internal static double ParityCorrelation(int d, VpColumn col)
    {
        var (support, signs, b, serial) = col.Key;
        ulong full = (1UL << d) - 1;
        if (serial == 0 && support != full) return 0;
        if (serial == 0)
        {
            double sum = 0, binom = 1;
            for (int j = 0; j <= d; j++)
            {
                sum += (j % 2 == 0 ? 1 : -1) * binom * Math.Max(0, d - 2 * j - b);
                binom = binom * (d - j) / (j + 1);
            }
            return (BitOperations.PopCount(signs) % 2 == 0 ? 1 : -1) * sum / Math.Pow(2, d);
        }
        return col.Unit.ParityCorrelation();
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
