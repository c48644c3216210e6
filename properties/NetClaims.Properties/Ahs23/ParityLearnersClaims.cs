using NetClaims.Claims;
using NetClaims.Reports;
using NetClaims.Solvers;

namespace NetClaims.Properties.Ahs23;

/// <summary>
/// Learners side by side on the same χ-labelled samples (sample seeds 1–3, scored exhaustively on the cube): the VP
/// (minimum R-norm over {−1,0,1}^d), the best ridge interpolant (the VP restricted to one sign direction, exact),
/// ridgeless kernel regression with the arc-cosine kernel with bias (the infinite-width random-ReLU-feature learner), and
/// a width-64 net trained on the samples with weight decay 1e-4 (full-batch Adam, ≤ 3000 epochs).
/// Theorem 9's side: the VP learns χ (clipped error small) at n = 2d²; the kernel does not. Thresholds from pilot sample
/// seeds 101–103.
/// </summary>
internal static class ParityLearnersClaims
{
    static readonly ClaimId Id = new("ahs23.thm9.learners");

    static readonly Citation Source = new(Paper.Ahs, "Theorem 9 (the clipped VP learns χ from poly(d) samples); §1.8; kernel lower bounds for parity",
        "learning by the VP and not by kernels [SRC:blog]; the ridge and kernel baselines [DER]; thresholds, orderings and curves [NUM]");

    static readonly int[] Dimensions = [8, 10];

    // Pilot (seeds 101–103), clipped error means — VP: 0.020 (d = 8), 0.034 (d = 10) at n = 2d²; kernel: 0.33, 0.38 at
    // n = 2d²; the trained net between them at every seed (0.07–0.16 at d = 8, 0.25–0.29 at d = 10); ridge vs VP at
    // n = d²/2: 0.14 vs 0.38 (d = 8), 0.09 vs 0.32 (d = 10). Thresholds: the VP below 0.08 at 2d²
    // (pilot max 0.034 plus more than its spread); at every seed the VP beats the kernel by more than 0.15 at 2d², and the
    // ridge beats the VP at d²/2.
    const double VpLearned = 0.08, KernelGap = 0.15;

    internal static CaseResult Check(RunCache? cache, (int D, string What) c)
    {
        int d = c.D;
        if (c.What == "thm9") return LargeD(cache, d);
        if (c.What == "2d²")
        {
            var pts = VpTransitionClaims.Points(cache, d, 2 * d * d);
            string detail = $"d={d}, n={2 * d * d}: VP clipped error {Show(pts, p => p.ClippedError)}, kernel {Show(pts, p => p.KernelClippedError)}";
            if (pts.Average(p => p.ClippedError) >= VpLearned) return CaseResult.Fail($"the VP has not learned χ (mean clipped error ≥ {VpLearned}): " + detail);
            detail += $", trained net {Show(pts, p => p.TrainedClippedError)}";
            if (!pts.All(p => p.KernelClippedError - p.ClippedError > KernelGap)) return CaseResult.Fail(detail + $"; the kernel must trail the VP by > {KernelGap} at every seed");
            return CaseResult.Of(pts.All(p => p.ClippedError < p.TrainedClippedError && p.TrainedClippedError < p.KernelClippedError),
                detail + "; at every seed VP < trained net < kernel");
        }
        var half = VpTransitionClaims.Points(cache, d, d * d / 2);
        return CaseResult.Of(half.All(p => p.RidgeClippedError < p.ClippedError),
            $"d={d}, n={d * d / 2}: ridge clipped error {Show(half, p => p.RidgeClippedError)} vs VP {Show(half, p => p.ClippedError)} (ridge must be lower at every seed)");
    }

    static string Show(VpCurvePoint[] pts, Func<VpCurvePoint, double> f) => "[" + string.Join(", ", pts.Select(p => f(p).ToString("G3", System.Globalization.CultureInfo.InvariantCulture))) + "]";

    // The deep profile adds d = 12 (n = 2d² = 288: about 30 s per ternary solve) and Theorem 9 where d³ ≪ 2^d: the search
    // VP at d = 14, 16, n = 2d², sample seed 2 (40 s and 170 s here).
    static (int D, string What)[] Cases(ClaimContext s) => (s.Profile.Deep ? [8, 10, 12] : Dimensions).SelectMany(d => new[] { (d, "2d²"), (d, "d²/2") })
        .Concat(s.Profile.Deep ? [(14, "thm9"), (16, "thm9")] : []).ToArray();

    // Pilot (search VP, n = 2d², sample seed 101): clipped error 0.050 (d = 14), 0.060 (d = 16), rising by ~0.01 per two
    // dimensions from 0.034 at d = 10; threshold 0.1.
    const double Theorem9Large = 0.1;

    static CaseResult LargeD(RunCache? cache, int d)
    {
        int n = 2 * d * d;
        var p = RunCache.Memo(cache, ("ahs23.vp-thm9", d, n), () => VpLearningCurve.Measure(d, n, 2, 2, VpDictionary.Search));
        return CaseResult.Of(p.ClippedError < Theorem9Large,
            $"d={d}, n={n}, sample seed 2, search VP ({p.ExactDictionary} exact, lower bound {p.LowerBound:G6} ≤ cost {p.Cost:G6}): clipped error {p.ClippedError:G4} (must be < {Theorem9Large}), E[ĝχ] = {p.Correlation:G4}, kernel {p.KernelClippedError:G4}");
    }

    public static Claim Learners { get; } = new(
        Id, Source,
        $"On χ-labelled random vertices (d = 8, 10, and 12 in the deep profile; sample seeds 1–3; errors exhaustive over the cube): at n = 2d² the VP's mean clipped error E[(clip ĝ − χ)²]/4 is below {VpLearned} and ridgeless arc-cosine kernel regression (with bias) trails it by more than {KernelGap} at every seed, with a width-64 net trained on the samples (weight decay 1e-4) in between (VP < trained < kernel at every seed); at n = d²/2 the best ridge interpolant's clipped error is below the VP's at every seed. The deep profile adds Theorem 9 where d³ ≪ 2^d: the search VP's clipped error at n = 2d² is below {Theorem9Large} at d = 14 and 16 (sample seed 2).",
        EvidenceTier.Tolerance,
        s => Generated.ForEach(s, Cases(s), (c, _) => Check(s.Cache, c), new CheckOptions<(int D, string What)> { Show = c => $"d={c.D}, n = {c.What}" }),
        s => new ReportContent("clipped error E[(clip g − χ)²]/4 on the whole cube, mean over sample seeds 1–3, for the VP, the best ridge interpolant and the arc-cosine kernel", [Table(s.Cache)])
            .WithPlot(new PlotSpec("learners-d10", "clipped error at d = 10 against n/d²: VP, best ridge, kernel, trained net", "learners", "n/d^2", ["vp_d10", "ridge_d10", "kernel_d10", "trained_d10"], LogLog: false))
            .WithNotes("vp: the ternary VP (certified); ridge: for each sign direction w the linear spline through (⟨w,x_i⟩, y_i), the cheapest w (every sign direction determines χ through ⟨w,x⟩, so each is feasible); kernel: k(x,x′) = (1/π)(sin θ + (π − θ)cos θ) with cos θ = (⟨x,x′⟩/d + 1)/2, ridgeless (jitter 1e-10); trained: width 64, full-batch Adam lr 0.01, coupled weight decay 1e-4, until MSE ≤ 1e-4 or 3000 epochs, init seed = sample seed (deterministic float64 trainer). Deterministic seeds; abs 1e-3 (the VP's vertex on a non-unique face).",
                       "Measured ordering: the ridge learner, which needs only the levels of one projection, learns first (n of order d); the VP transitions at n ≍ d²; the trained net (weak decay: its cost is about twice the VP's) learns later; the kernel has not learned at 2d² (it needs samples exponential in d for parity)."),
        new NegativeControl($"The kernel learns parity like the VP: at n = 2d² its clipped error is within {KernelGap} of the VP's for some seed at each d.",
            s => Generated.ForEach(s, Dimensions, (d, _) =>
            {
                var pts = VpTransitionClaims.Points(s.Cache, d, 2 * d * d);
                return CaseResult.Of(pts.Any(p => p.KernelClippedError - p.ClippedError <= KernelGap),
                    $"d={d}, n={2 * d * d}: kernel {Show(pts, p => p.KernelClippedError)} vs VP {Show(pts, p => p.ClippedError)}");
            }, new CheckOptions<int> { Show = d => $"d={d}" })));

    static ReportTable Table(RunCache? cache)
    {
        var t = new ReportTable.Builder("learners").Column("n/d^2", CellRule.Exact);
        foreach (var d in Dimensions)
            t.Column($"n_d{d}", CellRule.Exact).Column($"vp_d{d}", CellRule.Abs(1e-3)).Column($"ridge_d{d}", CellRule.Abs(1e-3)).Column($"kernel_d{d}", CellRule.Abs(1e-3))
                .Column($"trained_d{d}", CellRule.Abs(1e-3));
        foreach (var r in new[] { 0.25, 0.5, 1.0, 2.0 })
        {
            var cells = new List<object> { r };
            foreach (var d in Dimensions)
            {
                int n = (int)Math.Round(r * d * d);
                var pts = VpTransitionClaims.Points(cache, d, n);
                cells.AddRange([n, pts.Average(p => p.ClippedError), pts.Average(p => p.RidgeClippedError), pts.Average(p => p.KernelClippedError), pts.Average(p => p.TrainedClippedError)]);
            }
            t.Row([.. cells]);
        }
        return t.Build();
    }
}
