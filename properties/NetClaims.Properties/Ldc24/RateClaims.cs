using Hedgehog.Linq;
using NetClaims.Claims;
using NetClaims.RandomFeatures;
using NetClaims.Reports;
using NetClaims.Statistics;
using NetClaims.Training;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Properties.Ldc24;

/// <summary>The statistical rate of path-norm-penalised ERM and the Monte-Carlo width rate with its ℓ1 bound (docs/ldc24.md §4 a, c).</summary>
internal static class RateClaims
{
    static string G(double v) => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);

    // ---- the statistical rate ----

    static readonly ClaimId RateId = new("ldc24.s4.statistical-rate");

    static readonly int[] NGrid = [64, 128, 256, 512, 1024, 2048];
    static readonly int[] Widths = [32, 128];
    const int Seeds = 4;

    internal sealed record RateResult(double[][] Means, ExponentFit[] Fits);

    internal static RateResult Rate(int s)
    {
        var means = new double[Widths.Length][];
        var fits = new ExponentFit[Widths.Length];
        for (int w = 0; w < Widths.Length; w++)
        {
            var (m, se) = ExponentFits.MeansWithErrors(NGrid.Select(n => Enumerable.Range(0, Seeds).Select(k => PathNormRate.Fit(n, Widths[w], s + k).ExcessRisk).ToArray()));
            means[w] = m;
            fits[w] = ExponentFits.Propagated(NGrid.Select(n => (double)n).ToArray(), m, se, z: 2);
        }
        return new RateResult(means, fits);
    }

    // Thresholds from theory (−1/2, the kernel rate; a factor 2 between widths); the pilot sweep
    // (`netclaims sweep --pilot --seeds 100 --claim ldc24.s4.statistical-rate`) confirms their false-failure rates.
    static readonly Band NoFasterThanKernel = Band.AtLeast(-0.5, "the false variant: no faster than n^(−1/2)");
    static readonly Band FasterThanKernel = Pilots.Register(RateId.Value, "slope at width 32", -0.74567, 0.04364, 111, Band.AtMost(-0.5, "theory: the kernel rate"), NoFasterThanKernel);
    static readonly Band FasterAtWidth128 = Pilots.Register(RateId.Value, "slope at width 128", -0.80189, 0.04377, 111, Band.AtMost(-0.5, "theory: the kernel rate"));
    static readonly Band WidthFree = Pilots.Register(RateId.Value, "max abs ln(risk₃₂/risk₁₂₈)", 0.15885, 0.05005, 111, Band.AtMost(Math.Log(2), "a factor 2"));

    internal static CaseResult RateCase(RateResult r, CaseContext ctx, bool slow)
    {
        double widthGap = NGrid.Select((_, j) => Math.Abs(Math.Log(r.Means[0][j] / r.Means[1][j]))).Max();
        ctx.Measure("slope at width 32", r.Fits[0].Estimate).Measure("slope at width 128", r.Fits[1].Estimate).Measure("max abs ln(risk₃₂/risk₁₂₈)", widthGap);
        string detail = string.Join("; ", Widths.Select((w, i) => $"width {w}: excess risk {string.Join(", ", r.Means[i].Select(G))}, slope {r.Fits[i].Estimate:F3}")) + $"; max |ln ratio of widths| {widthGap:G3}";
        if (r.Means.SelectMany(m => m).Any(v => !double.IsFinite(v) || v <= 0)) return CaseResult.Fail("non-finite excess risk: " + detail);
        if (slow) return CaseResult.Of(NoFasterThanKernel.Contains(r.Fits[0].Estimate), detail);
        return CaseResult.Of(FasterThanKernel.Contains(r.Fits[0].Estimate) && FasterAtWidth128.Contains(r.Fits[1].Estimate) && WidthFree.Contains(widthGap), detail);
    }

    public static Claim StatisticalRate { get; } = new(
        RateId, new Citation(Paper.Ldc, "generalisation rate; docs/ldc24.md §4 a", "exponent (d+2)/(2d+2) [SRC:abs], not checked here; the d^{1/3} factor and constants [UNSURE]; this weight-decay experiment [DER]"),
        "Weight-decay-regularised ERM — Adam with ℓ2 decay 1e-2 on (W, a), biases free and a fixed λ, not the theorem's path-norm-constrained estimator or its λ(n) — on a 4-unit ReLU teacher (finite width, so in the Barron class; d = 5, noise 0.5) has excess risk decaying faster than the kernel rate n^{−1/2} with no dependence on width: at widths 32 and 128 the log-log slope over n = 64…2048 (4 seeds per n) is below −1/2, and the two widths' risks agree within a factor 2 at every n. The theorem's exponent −(d+2)/(2d+2) is not what is checked.",
        EvidenceTier.Statistical,
        s => Generated.Statistic(s, Rate, (r, ctx) => RateCase(r, ctx, false), new StatisticOptions { Show = x => $"seeds {x}…{x + Seeds - 1}" }),
        s => new ReportContent("excess risk vs n at two widths (seeds 1–4)", RateTables(s))
            .WithPlot(new PlotSpec("excess-risk", "excess risk vs n, widths 32 and 128 (log-log)", "excess_risk", "n", ["width_32", "width_128"], LogLog: true))
            .WithNotes("The theorem guarantees decay at least as fast as n^{−(d+2)/(2d+2)} = n^{−7/12} ≈ n^{−0.583} at d = 5 (up to constants and logs); a faster measured decay is consistent with it, a slower one would not be. Scale: n ≤ 2048, widths 32 and 128, 4 seeds."),
        new NegativeControl("The excess risk decays no faster than n^{−1/2} (the kernel-like rate).",
            s => Generated.Statistic(s, Rate, (r, ctx) => RateCase(r, ctx, true), new StatisticOptions { Show = x => $"seeds {x}…{x + Seeds - 1}" })));

    static ReportTable[] RateTables(ClaimContext s)
    {
        var r = s.Memo(("statistic", RateId.Value, "data", 1), () => Rate(1));
        var t = new ReportTable.Builder("excess_risk").Column("n", CellRule.Exact).Column("width_32", CellRule.Rel(1e-3)).Column("width_128", CellRule.Rel(1e-3));
        for (int j = 0; j < NGrid.Length; j++) t.Row(NGrid[j], r.Means[0][j], r.Means[1][j]);
        var f = new ReportTable.Builder("slopes").Column("width", CellRule.Exact).Column("slope", CellRule.Rel(1e-3)).Column("lo", CellRule.Rel(1e-3)).Column("hi", CellRule.Rel(1e-3)).Column("theorem_exponent", CellRule.Rel(1e-12));
        for (int w = 0; w < Widths.Length; w++) f.Row(Widths[w], r.Fits[w].Estimate, r.Fits[w].Lo, r.Fits[w].Hi, -(5 + 2.0) / (2 * 5 + 2));
        return [t.Build(), f.Build()];
    }

    // ---- the width rate with the ℓ1 bound ----

    static readonly ClaimId WidthId = new("ldc24.s4.width-rate");

    static readonly int[] MGrid = [16, 64, 256, 1024];

    internal sealed record WidthRun(double[] Means, double[] StdErrs, ExponentFit Fit, double L1Moment);

    static WidthRun WidthMeasure(int seed)
    {
        var mc = new MonteCarloWidth(5, 256, seed);
        var (means, se, fit) = mc.Rate(MGrid, 40, seed);
        // The ℓ1 bound E[a²‖w̃‖₁²]·mean‖x̃‖_∞²/m (w̃ = (w, b), x̃ = (x, 1)), its moment by 200 000 direct draws.
        return new WidthRun(means, se, fit, mc.SecondMomentL1(200_000, seed));
    }

    // Each mean against its bound is a one-sided t statistic (39 degrees of freedom): z = 6.5 keeps 4 of them far within
    // the budget (theory). The slope's band is pre-registered: `netclaims sweep --pilot --seeds 100 --claim ldc24.s4.width-rate`.
    const double WidthZ = 6.5;

    static readonly (Band Check, Band Negative) WidthBands = Pilots.Around(WidthId.Value, "slope", -1, -2, -1.0017, 0.04811, 111);

    static CaseResult WidthCase(WidthRun r, CaseContext ctx, Band band)
    {
        double l1 = r.L1Moment;
        ctx.Measure("slope", r.Fit.Estimate).Measure("max mean·m/ℓ1", MGrid.Select((m, i) => r.Means[i] * m / l1).Max());
        var bad = MGrid.Select((m, i) => (m, i)).Where(p => r.Means[p.i] > l1 / p.m + WidthZ * r.StdErrs[p.i]).ToArray();
        string detail = $"E‖f − f_m‖² at m = {string.Join(", ", MGrid)}: {string.Join(", ", r.Means.Select(G))}; ℓ1 bound {string.Join(", ", MGrid.Select(m => G(l1 / m)))}; slope {r.Fit.Estimate:F3}, pre-registered band {band}";
        if (bad.Length > 0) return CaseResult.Fail("above the ℓ1 bound: " + detail);
        return CaseResult.Of(band.Contains(r.Fit.Estimate), detail);
    }

    public static Claim WidthRate { get; } = new(
        WidthId, new Citation(Paper.Ldc, "approximation by m units; docs/ldc24.md §4 c", "Monte-Carlo rate and its ℓ1 bound [DER]"),
        $"For f = E[aσ(⟨w̃, x̃⟩)] (the target of bn20.s2-2.width-rate), i.i.d. m-unit samples satisfy E‖f − f_m‖² ≤ E[a²‖w̃‖₁²]·E‖x̃‖_∞²/m (within {WidthZ} standard errors) and the log-log slope lies in the band {WidthBands.Check} around −1, pre-registered from a pilot sweep (m = 16…1024, 40 draws each; false-failure rate ≤ 2.5e-5).",
        EvidenceTier.Statistical,
        s => Generated.Statistic(s, WidthMeasure, (r, ctx) => WidthCase(r, ctx, WidthBands.Check), new StatisticOptions { Show = x => $"seed {x}" }),
        _ => new ReportContent("the ℓ1 moment (seed 1)", new ReportTable.Builder("moment").Column("quantity", CellRule.Text).Column("value", CellRule.Rel(1e-9))
            .Row("E[a²‖w̃‖₁²]·E‖x̃‖∞²", new MonteCarloWidth(5, 256, 1).SecondMomentL1(200_000, 1)).Row("E[a²σ²] (exact)", new MonteCarloWidth(5, 256, 1).SecondMoment.Average()).Build()),
        new NegativeControl("The error of m units decays like m⁻² (slope −2).",
            s => Generated.Statistic(s, WidthMeasure, (r, ctx) => WidthCase(r, ctx, WidthBands.Negative), new StatisticOptions { Show = x => $"seed {x}" })));
}
