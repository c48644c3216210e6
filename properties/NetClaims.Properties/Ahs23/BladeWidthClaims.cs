using NetClaims.Claims;
using NetClaims.Constructions;
using NetClaims.Reports;
using NetClaims.Statistics;

namespace NetClaims.Properties.Ahs23;

/// <summary>
/// AHS Theorem 5's width, measured rather than bounded: for each (d, ε) the smallest width m* of sampled blades whose max
/// error over the whole cube is ≤ ε for at least 90% of sample seeds 1–200 (bisection on m = ⌈2^{k/8}⌉, exact-in-floating
/// evaluation on all 2^d vertices in O(d·2^d) per network). Checked: the Bernstein width suffices (m* ≤ m_B), the
/// answer is sharp (half of it succeeds for at most half of the seeds), the ε-exponent is 2 and the d-exponent is
/// super-linear. Fixed sample seeds make the claim deterministic; its thresholds come from pilot seeds 1000001–1000200.
/// </summary>
internal static class BladeWidthClaims
{
    static readonly ClaimId Id = new("ahs23.thm5.width");

    static readonly Citation Source = new(Paper.Ahs, "Theorem 5; docs/ahs23.md §1.5",
        "width Õ(d^{3/2}/ε²) [SRC:blog]; the Bernstein width [DER]; the measured widths, exponents and thresholds [NUM]");

    const double Delta = 0.1;
    const int Seeds = 200;
    static readonly double[] Epsilons = [0.5, 0.25, 0.125];

    static int[] Dimensions(ClaimContext s) => s.Profile.Deep ? [10, 12, 14, 16, 18] : [10, 12, 14, 16];

    static (int D, double Eps)[] Grid(ClaimContext s) => Dimensions(s).SelectMany(d => Epsilons.Select(e => (D: d, Eps: e))).ToArray();

    // Pilot (seeds 1000001–1000200, d = 10…16): m*/2 succeeds for at most 15% of the seeds; the ε-exponent per d is
    // 1.94–2.00; the d-exponent per ε (endpoints d = 10, 16) is 1.84 for each ε. Thresholds: half ≤ 1/2; ε-exponent in
    // [1.75, 2.25] (one grid step 2^{1/8} at each end moves it by ≤ 0.09); d-exponent ≥ 1.25, where one grid step at each
    // end moves it by ≤ 0.19 — below that the width would be about linear in d.
    const double HalfMax = 0.5, BetaLo = 1.75, BetaHi = 2.25, AlphaLo = 1.25;

    static BladeWidthResult Width(RunCache? cache, int d, double eps) =>
        RunCache.Memo(cache, ("ahs23.blade-width", d, eps), () => BladeWidth.Smallest(d, eps, Delta, Seeds, 1));

    internal static CaseResult CheckPoint(RunCache? cache, (int D, double Eps) c)
    {
        var r = Width(cache, c.D, c.Eps);
        string detail = $"d={c.D}, ε={c.Eps}: m* = {r.Width} ({r.RateAt:P1}), m*/2 = {r.Half} ({r.RateHalf:P1}), Bernstein {r.Bernstein}";
        if (r.Width > r.Bernstein) return CaseResult.Fail("the Bernstein width does not suffice: " + detail);
        return CaseResult.Of(r.RateHalf <= HalfMax, detail + $" (half must succeed for ≤ {HalfMax:P0})");
    }

    static ExponentFit Alpha(RunCache? cache, int[] ds, double eps) =>
        ExponentFits.LogLog(ds.Select(d => (double)d).ToArray(), ds.Select(d => (double)Width(cache, d, eps).Width).ToArray());

    static ExponentFit Beta(RunCache? cache, int d) =>
        ExponentFits.LogLog(Epsilons.Select(e => 1 / e).ToArray(), Epsilons.Select(e => (double)Width(cache, d, e).Width).ToArray());

    public static Claim Measured { get; } = new(
        Id, Source,
        $"For d ∈ 10…16 and ε ∈ {{½, ¼, ⅛}}, the smallest width m* of sampled blades with max_x |g_m − χ| ≤ ε for ≥ 90% of sample seeds 1–{Seeds} satisfies m* ≤ m_B (Bernstein), half of it succeeds for at most {HalfMax:P0} of the seeds, its exponent in 1/ε (log-log fit per d) lies in [{BetaLo}, {BetaHi}], and its exponent in d (per ε) is at least {AlphaLo}.",
        EvidenceTier.Tolerance,
        s => Generated.All(
            () => Generated.ForEach(s, Grid(s), (c, _) => CheckPoint(s.Cache, c),
                new CheckOptions<(int D, double Eps)> { Show = c => $"d={c.D}, ε={c.Eps}" }),
            () => Generated.ForEach(s, Dimensions(s), (d, _) =>
            {
                var b = Beta(s.Cache, d);
                return CaseResult.Of(b.Estimate >= BetaLo && b.Estimate <= BetaHi, $"d={d}: ε-exponent {b.Estimate:G4} (95% [{b.Lo:G3}, {b.Hi:G3}])");
            }, new CheckOptions<int> { Show = d => $"ε-exponent at d={d}" }),
            () => Generated.ForEach(s, Epsilons, (e, _) =>
            {
                var a = Alpha(s.Cache, Dimensions(s), e);
                return CaseResult.Of(a.Estimate >= AlphaLo, $"ε={e}: d-exponent {a.Estimate:G4} (95% [{a.Lo:G3}, {a.Hi:G3}])");
            }, new CheckOptions<double> { Show = e => $"d-exponent at ε={e}" })),
        s => new ReportContent($"measured width m* (≥ 90% of sample seeds 1–{Seeds} within ε), sharpness and exponents", Table(s), Exponents(s))
            .WithNotes("m*: bisection on m = ⌈2^{k/8}⌉; rate_*: fraction of the seeds with max error ≤ ε (exhaustive over the cube); below = the grid width under m*; m_B = ⌈2(|Q|−1+(|Q|+1)ε/3)(d ln 2 + ln(2/δ))/ε²⌉. Deterministic (fixed seeds), so every cell is exact.",
                       "exponents: OLS of log m* on log d (per ε) and on log(1/ε) (per d), with 95% t-intervals; bernstein_alpha is the same fit of m_B. Theorem 5's width Õ(d^{3/2}/ε²) is an upper bound with log factors: m_B's own exponent in d over this range is ≈ 1.3 (its d ln 2 + ln(2/δ) factor), the measured m* grows faster here (≈ 1.8) while staying below m_B — the union bound is loosest at small d."),
        new NegativeControl("Half the measured width already suffices: ⌈m*/2⌉ blades reach max error ≤ ε for at least 90% of the seeds.",
            s => Generated.ForEach(s, Grid(s), (c, _) =>
            {
                var r = Width(s.Cache, c.D, c.Eps);
                return CaseResult.Of(r.RateHalf >= 1 - Delta, $"d={c.D}, ε={c.Eps}: m*/2 = {r.Half} succeeds for {r.RateHalf:P1}");
            }, new CheckOptions<(int D, double Eps)> { Show = c => $"d={c.D}, ε={c.Eps}" })));

    static ReportTable Table(ClaimContext s)
    {
        var t = new ReportTable.Builder("width").Column("d", CellRule.Exact).Column("epsilon", CellRule.Exact).Column("m*", CellRule.Exact)
            .Column("rate_at_m*", CellRule.Exact).Column("below", CellRule.Exact).Column("rate_below", CellRule.Exact).Column("half", CellRule.Exact)
            .Column("rate_half", CellRule.Exact).Column("m_B", CellRule.Exact).Column("m_B/m*", CellRule.Rel(1e-12));
        foreach (var d in Dimensions(s))
            foreach (var e in Epsilons)
            {
                var r = Width(s.Cache, d, e);
                t.Row(d, e, r.Width, r.RateAt, r.Below, r.RateBelow, r.Half, r.RateHalf, r.Bernstein, r.Bernstein / (double)r.Width);
            }
        return t.Build();
    }

    static ReportTable Exponents(ClaimContext s)
    {
        var t = new ReportTable.Builder("exponents").Column("fit", CellRule.Text).Column("estimate", CellRule.Rel(1e-9))
            .Column("lo_95", CellRule.Rel(1e-9)).Column("hi_95", CellRule.Rel(1e-9)).Column("theory", CellRule.Exact).Column("bernstein", CellRule.Rel(1e-9));
        var ds = Dimensions(s);
        foreach (var e in Epsilons)
        {
            var a = Alpha(s.Cache, ds, e);
            var b = ExponentFits.LogLog(ds.Select(d => (double)d).ToArray(), ds.Select(d => (double)Width(s.Cache, d, e).Bernstein).ToArray());
            t.Row($"d-exponent at ε={e}", a.Estimate, a.Lo, a.Hi, "3/2 (up to logs)", b.Estimate);
        }
        foreach (var d in ds)
        {
            var b = Beta(s.Cache, d);
            var mb = ExponentFits.LogLog(Epsilons.Select(e => 1 / e).ToArray(), Epsilons.Select(e => (double)Width(s.Cache, d, e).Bernstein).ToArray());
            t.Row($"ε-exponent at d={d}", b.Estimate, b.Lo, b.Hi, "2", mb.Estimate);
        }
        return t.Build();
    }
}
