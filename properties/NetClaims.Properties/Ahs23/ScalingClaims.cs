using Fractions;
using NetClaims.Claims;
using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Exact;
using NetClaims.Reports;
using NetClaims.Statistics;

namespace NetClaims.Properties.Ahs23;

/// <summary>
/// The Θ(d) vs Θ(d^{3/2}) separation (AHS Theorems 3 and 4; docs/ahs23.md §1.1–§1.4) as certified two-sided bounds on
/// exact costs for every d ≤ 62, not as fitted exponents: the averaged costs are central binomials, and the
/// central-binomial inequality √(π(m + ¼)) &lt; 4^m/C(2m, m) &lt; √(π(m + ½)) (every m ≥ 1; Kazarinoff's sharpening of
/// Wallis) puts each of them between two lines through the origin; the ridge costs are (2d+3)√d and 2(d−1)√d. Fitted
/// exponents stay in the report as observations: on exact data over a finite grid their "intervals" are not statistics.
/// </summary>
internal static class ScalingClaims
{
    const int MaxD = 62;

    static readonly Citation Source = new(Paper.Ahs, "Theorems 3 and 4; docs/ahs23.md §1.2, §1.3, §1.4, §7",
        "[SRC:blog] Θ(d^{3/2}) ridge vs O(d) averaged; the explicit bands from the central-binomial inequality [DER]; fitted exponents [NUM]");

    static readonly string[] Averaged = [AveragedBlades.Name, AveragedBlades.HalfWidthName, AveragedRelu.Name];
    static readonly string[] Ridge = [SawtoothRidge.Name, SplineRidge.Name];

    /// <summary>A cost band a·√(2π)·(d + lo) &lt; C &lt; a·√(2π)·(d + hi) [DER from the central-binomial inequality].</summary>
    sealed record Line(string Name, int A, Fraction Lo, Fraction Hi)
    {
        public string Text => $"{(A == 1 ? "" : $"{A}")}√(2π)·(d{Off(Lo)}) < C < {(A == 1 ? "" : $"{A}")}√(2π)·(d{Off(Hi)})";

        static string Off(Fraction f) => f.IsZero ? "" : f.IsNegative ? $" − {-f}" : $" + {f}";
    }

    // Blades 4√d|Q|, |Q(d)| = 4^m/C(2m, m) for d = 2m and |Q(d)| = |Q(d+1)| for odd d ⇒ 2√(2π)·d < C < 2√(2π)·(d + 1).
    // Half-width 2√d|Q|: half of that. g* = 1/ρ_d = 2√d·|Q(d − 2)| (even) or 2√d·|Q(d − 1)| (odd) ⇒ √(2π)(d − 3/2) < C < √(2π)·d.
    static readonly Line[] Bands =
    [
        new(AveragedBlades.Name, 2, Fraction.Zero, Fraction.One),
        new(AveragedBlades.HalfWidthName, 1, Fraction.Zero, Fraction.One),
        new(AveragedRelu.Name, 1, new Fraction(-3, 2), Fraction.Zero),
    ];

    // From the weights where the network fits in memory (d ≤ 16 for the averaged constructions, every d for the ridges);
    // beyond, the closed form, which the cost claims prove equal to the weights' cost.
    internal static SurdSum Cost(RunCache? cache, string name, int d)
    {
        var c = ConstructionCatalog.Get(name);
        var dim = new Dimension(d);
        return Ridge.Contains(name) || d <= Paper.MaxExhaustiveD ? Evaluations.Cost(cache, c, dim).Cost : c.ClosedFormCost(dim);
    }

    // C vs a·√(2π)·(d + off): both non-negative, so compare C with √(2a²(d + off)²·π).
    static int VersusLine(SurdSum c, int a, int d, Fraction off)
    {
        var t = new Fraction(d) + off;
        if (t.IsNegative || t.IsZero) return 1;
        return SurdOrder.CompareWithSqrtPi(c, 2 * a * a * t * t);
    }

    /// <param name="cost">The cost of (construction, d); the tests plant a wrong one.</param>
    internal static CaseResult AveragedInBands(RunCache? cache, int d, Func<string, int, SurdSum>? cost = null)
    {
        foreach (var b in Bands)
        {
            if (d < ConstructionCatalog.Get(b.Name).ClosedFormMinD) continue;
            var c = cost is null ? Cost(cache, b.Name, d) : cost(b.Name, d);
            if (VersusLine(c, b.A, d, b.Lo) <= 0 || VersusLine(c, b.A, d, b.Hi) >= 0)
                return CaseResult.Fail($"{b.Name}: C = {c} ≈ {c.ToDouble():G10} is not in {b.Text}");
        }
        return CaseResult.Pass("every averaged cost is in its band");
    }

    // The ridge costs C = q√d, so C/d^{3/2} = q/d is rational: 2 − 2/d ≤ C/d^{3/2} ≤ 2 + 3/d exactly.
    static CaseResult RidgeBand(RunCache? cache, int d)
    {
        foreach (var n in Ridge)
        {
            // d = a²k with k squarefree, C = q'√k ⇒ C/d^{3/2} = q'/(a·d).
            var c = Cost(cache, n, d);
            var (a, k) = IntegerMath.SquarefreeSplit(d);
            if (!c.IsZero && (c.Terms.Count != 1 || !c.Terms.ContainsKey(k))) return CaseResult.Fail($"{n}: C = {c} is not a rational multiple of √d");
            var q = c.IsZero ? Fraction.Zero : c.Terms[k] / (new Fraction(a) * new Fraction(d));
            var (lo, hi) = (2 - new Fraction(2, d), 2 + new Fraction(3, d));
            if (q < lo || q > hi) return CaseResult.Fail($"{n}: C/d^(3/2) = {q} is not in [{lo}, {hi}]");
        }
        return CaseResult.Pass("2 − 2/d ≤ C/d^{3/2} ≤ 2 + 3/d");
    }

    public static Claim AveragedLinear { get; } = new(
        new ClaimId("ahs23.scaling.averaged"), Source,
        "The averaged constructions cost Θ(d), certified for every d ≤ 62: 2√(2π)·d < C(Theorem-4 blades) < 2√(2π)·(d+1), √(2π)·d < C(half-width-2 blades) < √(2π)·(d+1), √(2π)·(d − 3/2) < C(g*) = 1/ρ_d < √(2π)·d (exact costs, from the weights for d ≤ 16 and the closed forms beyond) — so C/d^{3/2} → 0.",
        EvidenceTier.Certified,
        s => DimensionChecks.ForEach(s, 1, MaxD, d => AveragedInBands(s.Cache, d.Value)),
        s => new ReportContent("the averaged constructions in their certified bands (C/d and C/d^{3/2}), with fitted exponents as observations", BandTable(s.Cache, Averaged), FitTable(s.Cache, Averaged, 1.0, 1.5))
            .WithNotes("bands: the central-binomial inequality √(π(m+¼)) < 4^m/C(2m,m) < √(π(m+½)) (every m ≥ 1) [DER]; decided by comparing C² with the band's square times π, π enclosed to 20 decimals.",
                       "fits (observations, not verdicts): loglog is the plain OLS slope; extrapolated fits log C = α log d + c + γ₁/d + γ₂/d² with an interval widened by the truncation estimate. Exact data on a finite grid: these intervals describe the fit, not sampling error."),
        new NegativeControl("The Wallis asymptote bounds the blades from above: C(Theorem-4 blades) ≤ 2√(2π)·d ≈ 5.013d.",
            s => DimensionChecks.ForEach(s, 1, MaxD, d =>
            {
                var c = Cost(s.Cache, AveragedBlades.Name, d.Value);
                return CaseResult.Of(VersusLine(c, 2, d.Value, Fraction.Zero) <= 0, $"C = {c} ≈ {c.ToDouble():G10} vs 2√(2π)·d ≈ {2 * Math.Sqrt(2 * Math.PI) * d.Value:G10}");
            })));

    public static Claim RidgeThreeHalves { get; } = new(
        new ClaimId("ahs23.scaling.ridge"), Source,
        "The ridge interpolants cost Θ(d^{3/2}), exactly for every d ≤ 62 (costs from the weights): 2 − 2/d ≤ C/d^{3/2} ≤ 2 + 3/d for the sawtooth and the cheapest spline ridge.",
        EvidenceTier.Exact,
        s => DimensionChecks.ForEach(s, 1, MaxD, d => RidgeBand(s.Cache, d.Value)),
        s => new ReportContent("the ridge interpolants' C/d^{3/2}, with fitted exponents as observations", BandTable(s.Cache, Ridge), FitTable(s.Cache, Ridge, 1.5, 1.0))
            .WithNotes("fits (observations, not verdicts): as for ahs23.scaling.averaged."),
        new NegativeControl("Ridge interpolants grow only linearly, within the blades' band: C(cheapest ridge) < 2√(2π)·(d + 1) for every d.",
            s => DimensionChecks.ForEach(s, 1, MaxD, d =>
            {
                var c = Cost(s.Cache, SplineRidge.Name, d.Value);
                return CaseResult.Of(VersusLine(c, 2, d.Value, Fraction.One) < 0, $"C = {c} ≈ {c.ToDouble():G10} vs 2√(2π)·(d+1) ≈ {2 * Math.Sqrt(2 * Math.PI) * (d.Value + 1):G10}");
            })));

    static ReportTable BandTable(RunCache? cache, string[] names)
    {
        var t = new ReportTable.Builder("bands").Column("d", CellRule.Exact);
        foreach (var n in names) t.Column($"{n}/d", CellRule.Rel(1e-12)).Column($"{n}/d^1.5", CellRule.Rel(1e-12));
        foreach (int d in new[] { 2, 3, 4, 8, 16, 32, 62 })
        {
            var cells = new List<object?> { d };
            foreach (var n in names)
            {
                double c = Cost(cache, n, d).ToDouble();
                cells.Add(c / d);
                cells.Add(c / Math.Pow(d, 1.5));
            }
            t.Row([.. cells]);
        }
        return t.Build();
    }

    static int[] Grid(int d0) => Enumerable.Range(0, 16).Select(k => d0 + 2 * k).Where(d => d <= Paper.MaxExhaustiveD).ToArray();

    static ReportTable FitTable(RunCache? cache, string[] names, double alpha, double other)
    {
        var t = new ReportTable.Builder("fits")
            .Column("construction", CellRule.Text).Column("grid", CellRule.Text)
            .Column("loglog", CellRule.Rel(1e-9)).Column("loglog_lo", CellRule.Rel(1e-9)).Column("loglog_hi", CellRule.Rel(1e-9))
            .Column("extrapolated", CellRule.Rel(1e-9)).Column("lo", CellRule.Rel(1e-9)).Column("hi", CellRule.Rel(1e-9))
            .Column($"contains_{alpha}", CellRule.Exact).Column($"excludes_{other}", CellRule.Exact);
        foreach (var n in names)
            foreach (var d0 in new[] { 4, 3 })
            {
                var grid = Grid(d0);
                var x = grid.Select(d => (double)d).ToArray();
                var y = grid.Select(d => Cost(cache, n, d).ToDouble()).ToArray();
                var (p, f) = (ExponentFits.LogLog(x, y), ExponentFits.Extrapolated(x, y));
                t.Row(n, $"d = {grid[0]}:2:{grid[^1]}", p.Estimate, p.Lo, p.Hi, f.Estimate, f.Lo, f.Hi, f.Contains(alpha), !f.Contains(other));
            }
        return t.Build();
    }
}
