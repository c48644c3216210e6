using System.Globalization;
using NetClaims.Claims;
using NetClaims.Constructions;
using NetClaims.Reports;
using NetClaims.Statistics;

namespace NetClaims.Properties.Ahs23;

/// <summary>
/// The one-per-sample memoriser's asymptotic slope ½ (docs/ahs23.md §1.7, issue 20): its cost per n/d is
/// √d·E[1/(1 − M/d)], M the largest inner product of a sample with the n − 1 others. Locally the log-log slope is well
/// below ½ (≈ 0.39 around d = 400) because the factor E[1/(1 − M/d)] is still shrinking; that it shrinks to 1 — so the
/// slope tends to ½ — follows from a sandwich valid for every d: 1 − 2^{1−d} ≤ E[1/(1 − M/d)] ≤ 1/(1 − r) + 1/(2d) with
/// r = √(2 ln(n·d²)/d) (Jensen below; Hoeffding's P(⟨x, y⟩ ≥ t) ≤ e^{−t²/2d} with a union bound over the n − 1 others
/// above, and 1/(1 − M/d) ≤ d/2 on the rest). The claim checks the exact binomial law against the sandwich on every
/// d = 16…1000, evaluates the sandwich beyond, and checks the memoriser's measured cost against the law at d = 128 and
/// 400 (and 1000 under the deep profile).
/// </summary>
internal static class Theorem7SlopeClaims
{
    static readonly ClaimId Id = new("ahs23.thm7.memorizers.slope-half");

    static int Samples(int d) => 10 * d;

    /// <summary>Jensen's lower bound on E[1/(1 − M/d)]: E[M] ≥ −d/(2^d − 1) given distinct points.</summary>
    internal static double Lower(int d) => d >= 60 ? 1 : 1 / (1 + 1 / (Math.Pow(2, d) - 1));

    /// <summary>The Hoeffding upper bound on E[1/(1 − M/d)] at n = 10d samples (∞ where r ≥ 1).</summary>
    internal static double Upper(double d)
    {
        double n = 10 * d, r = Math.Sqrt(2 * Math.Log(n * d * d) / d);
        return r >= 1 ? double.PositiveInfinity : 1 / (1 - r) + 1 / (2 * d);
    }

    internal static double Model(int d) => Memorizers.ExpectedOnePerSampleCostPerNOverD(d, Samples(d)) / Math.Sqrt(d);

    static int[] MeasuredDs(ClaimContext s) => s.Profile.Deep ? [128, 400, 1000] : [128, 400];

    internal sealed record Measured(int[] Ds, double[] Gaps);

    static Measured Measure(int[] ds, int seed) => new(ds, ds.Select(d =>
    {
        var set = SampleSet.RandomDistinct(d, Samples(d), unchecked(seed * 131 + d));
        double one = Memorizers.OnePerSample(set).Cost / (Samples(d) / (double)d);
        return Math.Log(one / Memorizers.ExpectedOnePerSampleCostPerNOverD(d, Samples(d)));
    }).ToArray());

    // Pre-registered from `netclaims sweep --pilot --seeds 100 --claim ahs23.thm7.memorizers.slope-half` (fast profile):
    // the largest |ln(measured ÷ law)| over d = 128 and 400 per run.
    static readonly Band GapBand = Pilots.Register(Id.Value, "max abs ln(one-per-sample÷law), d ≥ 128", PilotMean, PilotSd, PilotSeeds, Band.Pilot(0, PilotMean, PilotSd, PilotSeeds));
    const double PilotMean = 0.001497, PilotSd = 0.0009099;
    const int PilotSeeds = 100;

    // The sandwich on every d = 16…1000 (the law is computed from the binomial law, the bounds from Jensen and Hoeffding).
    static string? SandwichViolation()
    {
        for (int d = 16; d <= 1000; d++)
        {
            double m = Model(d);
            if (!(m >= Lower(d) * (1 - 1e-12)) || !(m <= Upper(d) * (1 + 1e-12))) return $"d = {d}: E[1/(1 − M/d)] = {m:R} outside [{Lower(d):R}, {Upper(d):R}]";
        }
        return null;
    }

    static CaseResult Judge(Measured x, CaseContext ctx)
    {
        double worst = x.Gaps.Max(Math.Abs);
        ctx.Measure("max abs ln(one-per-sample÷law), d ≥ 128", worst);
        string detail = $"ln(measured ÷ law) at d = {string.Join(", ", x.Ds)}: {string.Join(", ", x.Gaps.Select(g => g.ToString("G3", CultureInfo.InvariantCulture)))} (band {GapBand})";
        if (SandwichViolation() is { } v) return CaseResult.Fail("the exact law leaves the Jensen–Hoeffding sandwich: " + v);
        // The limit: at d = 10⁶ the sandwich pins E[1/(1 − M/d)] within 1% of 1, so the slope between d and 10d is ½ ± 0.005.
        if (!(Upper(1e6) <= 1.01)) return CaseResult.Fail($"the upper bound at d = 10⁶ is {Upper(1e6):G5}");
        return CaseResult.Of(worst <= GapBand.Hi, detail);
    }

    // The plausible misreading: the local slope at d ≈ 400 (≈ 0.39) is the asymptotic one, i.e. E[1/(1 − M/d)] keeps
    // shrinking like d^(−0.1); at d = 10⁶ that predicts a value below Jensen's lower bound 1.
    static CaseResult LocalSlopeIsAsymptotic()
    {
        double local = 0.5 + Math.Log(Model(400) / Model(200)) / Math.Log(2);
        double predicted = Model(400) * Math.Pow(1e6 / 400, local - 0.5);
        return CaseResult.Of(predicted >= Lower(1_000_000), $"local slope at d = 200…400: {local:F4}; continued to d = 10⁶ it predicts E[1/(1 − M/d)] = {predicted:G4}, Jensen's lower bound is {Lower(1_000_000):G4}");
    }

    public static Claim SlopeHalf { get; } = new(
        Id, new Citation(Paper.Ahs, "Theorem 7; docs/ahs23.md §1.7", "the one-ReLU-per-sample cost ~ n/√d [SRC:blog]; the exact law, the Jensen–Hoeffding sandwich and the slope ½ in the limit [DER]; the measured gaps [NUM]"),
        $"The one-per-sample memoriser's cost per n/d, √d·E[1/(1 − M/d)] at n = 10d, has asymptotic log-log slope ½: for every d = 16…1000 the exact binomial law of E[1/(1 − M/d)] lies between Jensen's bound 1 − 2^{{1−d}} and the Hoeffding bound 1/(1 − √(2 ln(n d²)/d)) + 1/(2d), which is ≤ 1.01 at d = 10⁶ (so the slope between d and 10d tends to ½), and the measured cost matches the law at d = 128 and 400 (and 1000 in the deep profile) within the pre-registered band |ln(measured ÷ law)| ≤ {GapBand.Hi:G3}.",
        EvidenceTier.Statistical,
        s => Generated.Statistic(s, seed => Measure(MeasuredDs(s), seed), Judge, new StatisticOptions { Show = x => $"dataset seed {x}" }),
        _ => new ReportContent("E[1/(1 − M/d)] = cost per n/d ÷ √d: the exact law, its sandwich, and the local slope", Tables())
            .WithNotes("local_slope: ½ + log₂(law(d)/law(d/2)), the log-log slope of the cost per n/d between d/2 and d. Beyond d = 1000 the law is not computed; the sandwich alone pins it, and the slope between d and 10d lies within ½ ± log₁₀(upper(d)) there."),
        new NegativeControl("The local slope at d = 200…400 (≈ 0.39) is the asymptotic one: the cost per n/d grows like d^0.39.",
            s => Generated.ForEach(s, ["the local slope continued to d = 10⁶"], (_, _) => LocalSlopeIsAsymptotic())));

    static ReportTable[] Tables()
    {
        var t = new ReportTable.Builder("law").Column("d", CellRule.Exact).Column("lower", CellRule.Rel(1e-9)).Column("law", CellRule.Rel(1e-9)).Column("upper", CellRule.Rel(1e-9)).Column("local_slope", CellRule.Rel(1e-9));
        foreach (var d in new[] { 64, 128, 256, 400, 500, 1000 })
            t.Row(d, Lower(d), Model(d), Upper(d), 0.5 + Math.Log(Model(d) / Model(d / 2)) / Math.Log(2));
        var beyond = new ReportTable.Builder("sandwich_beyond").Column("d", CellRule.Exact).Column("lower", CellRule.Rel(1e-9)).Column("upper", CellRule.Rel(1e-9));
        foreach (var d in new[] { 1e4, 1e5, 1e6, 1e8 }) beyond.Row((long)d, 1.0, Upper(d));
        return [t.Build(), beyond.Build()];
    }
}
