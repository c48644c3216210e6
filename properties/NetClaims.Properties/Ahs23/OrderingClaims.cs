using Fractions;
using NetClaims.Claims;
using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Exact;
using NetClaims.Reports;

namespace NetClaims.Properties.Ahs23;

/// <summary>docs/ahs23.md §7: exact ordering facts between the parity constructions' costs, decided from their weights.</summary>
internal static class OrderingClaims
{
    // Declared first: static fields initialise in textual order, and the claims below use it.
    static readonly string[] Order = [SawtoothRidge.Name, SplineRidge.Name, AveragedBlades.Name, AveragedBlades.HalfWidthName, AveragedRelu.Name];

    static readonly Citation Source = new(Paper.Digest, "quick reference; docs/ahs23.md §7", "[NUM] exhaustive; orderings [DER]");

    static SurdSum Cost(ClaimContext s, string name, int d) => Evaluations.Cost(s.Cache, ConstructionCatalog.Get(name), new Dimension(d)).Cost;

    static string Show(SurdSum s) => $"{s} ≈ {s.ToDouble():G10}";

    public static Claim CostOrder { get; } = Make(
        "ahs23.s7.cost-order", EvidenceTier.Certified,
        "C(g*) ≤ C(half-width-2 blades) ≤ C(Theorem-4 blades) for every d ≥ 2 (checked for d ≤ 16; costs summed from the networks' weights, compared by certified enclosure).",
        2, Paper.MaxExhaustiveD,
        (s, d) =>
        {
            var (g, h, b) = (Cost(s, AveragedRelu.Name, d), Cost(s, AveragedBlades.HalfWidthName, d), Cost(s, AveragedBlades.Name, d));
            bool ok = SurdOrder.Compare(g, h) <= 0 && SurdOrder.Compare(h, b) <= 0;
            return CaseResult.Of(ok, $"g* {Show(g)}, half {Show(h)}, blades {Show(b)}");
        },
        "The half-width-2 blades already attain the minimum: C(half-width) = C(g*).",
        (s, d) =>
        {
            var (g, h) = (Cost(s, AveragedRelu.Name, d), Cost(s, AveragedBlades.HalfWidthName, d));
            return CaseResult.Of(SurdOrder.Compare(g, h) == 0, $"g* {Show(g)} vs half {Show(h)}");
        },
        s => new ReportContent("costs of the parity constructions (exact, from the weights)", CostGrid(s))
            .WithPlot(new PlotSpec("costs-loglog", "parity interpolants: cost C(g) vs d (log-log)", "costs", "d", Order, LogLog: true)));

    public static Claim SawtoothExcess { get; } = Make(
        "ahs23.s7.sawtooth-excess", EvidenceTier.Exact,
        "The sawtooth costs exactly 5√d more than the cheapest ridge interpolant: C(g_saw) − C(spline ridge) = 5√d for every d ≥ 1 (checked for d ≤ 62).",
        1, 62,
        (s, d) => Excess(s, d, 5),
        "The excess is 3√d, one √d for each of the sawtooth's three extra kinks.",
        (s, d) => Excess(s, d, 3),
        s => new ReportContent("sawtooth minus cheapest ridge, exactly", ExcessTable(s)));

    public static Claim Crossover { get; } = Make(
        "ahs23.s7.crossover", EvidenceTier.Certified,
        "The Theorem-4 blades cost less than the cheapest ridge interpolant exactly for d ≥ 10 (checked for 2 ≤ d ≤ 16); g* and the half-width-2 blades from d ≥ 4.",
        2, Paper.MaxExhaustiveD,
        (s, d) => BeatsRidgeFrom(s, d, 10, 4),
        "Averaging already beats the best ridge from d = 9: C(Theorem-4 blades) < 2(d−1)√d for every d ≥ 9.",
        (s, d) => BeatsRidgeFrom(s, d, 9, 4),
        s => new ReportContent("where averaging beats the cheapest ridge", CostGrid(s), CrossoverTable(s)));

    static CaseResult Excess(ClaimContext s, int d, int k)
    {
        var diff = Cost(s, SawtoothRidge.Name, d) - Cost(s, SplineRidge.Name, d);
        var expected = SurdSum.Of(new Fraction(k), d);
        return CaseResult.Of(diff.Equals(expected), $"C(saw) − C(spline) = {diff}, {k}√d = {expected}");
    }

    static CaseResult BeatsRidgeFrom(ClaimContext s, int d, int bladesFrom, int othersFrom)
    {
        var ridge = Cost(s, SplineRidge.Name, d);
        var names = new[] { (AveragedBlades.Name, bladesFrom), (AveragedBlades.HalfWidthName, othersFrom), (AveragedRelu.Name, othersFrom) };
        foreach (var (name, from) in names)
        {
            var c = Cost(s, name, d);
            bool beats = SurdOrder.Compare(c, ridge) < 0;
            if (beats != d >= from)
                return CaseResult.Fail($"{name}: C = {Show(c)} {(beats ? "<" : "≥")} ridge {Show(ridge)}, but the claim says it {(d >= from ? "beats" : "does not beat")} the ridge at d={d}");
        }
        return CaseResult.Pass("as claimed");
    }

    static Claim Make(string id, EvidenceTier tier, string statement, int lo, int hi, Func<ClaimContext, int, CaseResult> body,
        string negative, Func<ClaimContext, int, CaseResult> negativeBody, Func<ClaimContext, ReportContent> report)
    {
        var claimId = new ClaimId(id);
        return new Claim(claimId, Source, statement, tier,
            s => DimensionChecks.ForEach(s, lo, hi, d => body(s, d.Value)),
            report,
            new NegativeControl(negative, s => DimensionChecks.ForEach(s, lo, hi, d => negativeBody(s, d.Value))));
    }

    static ReportTable CostGrid(ClaimContext s)
    {
        var t = new ReportTable.Builder("costs").Column("d", CellRule.Exact);
        foreach (var n in Order) t.Column(n, CellRule.Rel(1e-12));
        for (int d = 2; d <= Paper.MaxExhaustiveD; d++)
            t.Row([d, .. Order.Select(n => (object)Cost(s, n, d).ToDouble())]);
        return t.Build();
    }

    static ReportTable ExcessTable(ClaimContext s)
    {
        var t = new ReportTable.Builder("excess").Column("d", CellRule.Exact).Column("sawtooth", CellRule.Exact)
            .Column("spline_ridge", CellRule.Exact).Column("difference", CellRule.Exact).Column("equals_5√d", CellRule.Exact);
        foreach (int d in Enumerable.Range(1, Paper.MaxExhaustiveD).Concat([32, 62]))
        {
            var (saw, spl) = (Cost(s, SawtoothRidge.Name, d), Cost(s, SplineRidge.Name, d));
            var diff = saw - spl;
            t.Row(d, saw, spl, diff, diff.Equals(SurdSum.Of(new Fraction(5), d)));
        }
        return t.Build();
    }

    static ReportTable CrossoverTable(ClaimContext s)
    {
        var t = new ReportTable.Builder("crossover").Column("construction", CellRule.Text)
            .Column("beats_ridge_at", CellRule.Text).Column("crossover_d", CellRule.Exact);
        foreach (var n in new[] { AveragedBlades.Name, AveragedBlades.HalfWidthName, AveragedRelu.Name })
        {
            var wins = Enumerable.Range(2, Paper.MaxExhaustiveD - 1)
                .Where(d => SurdOrder.Compare(Cost(s, n, d), Cost(s, SplineRidge.Name, d)) < 0).ToArray();
            // The crossover is the smallest d from which the construction wins at every d up to the grid's end.
            int from = Paper.MaxExhaustiveD + 1;
            while (from - 1 >= 2 && wins.Contains(from - 1)) from--;
            t.Row(n, string.Join(" ", wins), from <= Paper.MaxExhaustiveD ? from : "none");
        }
        return t.Build();
    }
}
