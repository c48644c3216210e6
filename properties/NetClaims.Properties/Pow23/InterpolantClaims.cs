using System.Globalization;
using MathNet.Numerics.Distributions;
using NetClaims.Claims;
using NetClaims.LinearLayers;
using NetClaims.Reports;
using NetClaims.Statistics;

namespace NetClaims.Properties.Pow23;

/// <summary>
/// R_L-minimal interpolants approximated by training (issue 20, item 4; docs/pow23.md §3.6–3.7): the singular-value decay
/// bound of §3.7 checked on trained students, and the L → ∞ limit of R_L against the teacher's index rank. Students:
/// d = 10, n = 256 noise-free labels of a rank-r teacher (singular values 100·U[0.8, 1]), width 32, depths L = 3, 4, 5, 6,
/// 3 000 Adam epochs with coupled weight decay λ = 1e-3 throughout, the best of 3 restarts (5 in the deep profile) by
/// balanced cost among those that reach train MSE ≤ 1e-2 (labels have unit variance).
/// </summary>
internal static class InterpolantClaims
{
    const int D = 10, N = 256, Width = 32, Epochs = 3000;
    const double Lambda = 1e-3, SigmaFloor = 0.8, InterpolationMse = 1e-2;
    internal static readonly int[] Depths = [3, 4, 5, 6];
    static readonly int[] Ranks = [1, 2];

    /// <summary>The fixed data seeds of both claims (their statements say why they are fixed).</summary>
    internal static readonly int[] LimitSeeds = [1, 2, 3, 4, 5];

    static string G(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    static RlStudent Student(RunCache? cache, int r, int l, int dataSeed, int restart) =>
        RunCache.Memo(cache, ("pow23.rl-student", r, l, dataSeed, restart),
            () => RlInterpolants.Train(D, r, N, Width, l, Lambda, Epochs, dataSeed, restart, SigmaFloor));

    /// <summary>
    /// One teacher's students: per depth the best restart that interpolates (null where none reached the threshold), the
    /// best that also keeps the teacher's index rank (numerical rank of the virtual matrix, σ_i/σ_1 &gt; 0.05 as in
    /// <see cref="PowExperiment.RankThreshold"/>), how many interpolating restarts dropped below it, and the depth
    /// extrapolation through the rank-keeping ones.
    /// </summary>
    internal sealed record RankRun(int R, RlStudent?[] Best, RlStudent?[] BestOfRank, int[] RankDrops, double Limit, double LimitSe)
    {
        public IEnumerable<RlStudent> Students => Best.OfType<RlStudent>();
    }

    /// <summary>Both teachers at one data seed.</summary>
    internal sealed record Run(RankRun[] Ranks);

    /// <summary>The numerical rank of the virtual matrix: #σ_i/σ_1 &gt; 0.05.</summary>
    internal static int NumericalRank(RlStudent s) => s.SingularValues.Count(v => v > PowExperiment.RankThreshold * s.SingularValues[0]);

    internal static RankRun MeasureRank(RunCache? cache, int r, int dataSeed, bool deep)
    {
        int restarts = deep ? 5 : 3;
        var interpolating = Depths.Select(l => Enumerable.Range(0, restarts).Select(j => Student(cache, r, l, dataSeed, j))
            .Where(s => s.TrainMse <= InterpolationMse).ToArray()).ToArray();
        var best = interpolating.Select(set => set.MinBy(s => s.BalancedCost)).ToArray();
        var ofRank = interpolating.Select(set => set.Where(s => NumericalRank(s) == r).MinBy(s => s.BalancedCost)).ToArray();
        var drops = interpolating.Select(set => set.Count(s => NumericalRank(s) < r)).ToArray();
        var x = new List<double>();
        var y = new List<double>();
        foreach (var s in ofRank.OfType<RlStudent>()) { x.Add(1.0 / s.L); y.Add(Math.Log(s.BalancedCost)); }
        if (x.Count < 3) return new RankRun(r, best, ofRank, drops, double.NaN, double.NaN);
        var fit = RlInterpolants.Fit(x, y);
        return new RankRun(r, best, ofRank, drops, Math.Exp(fit.Intercept), fit.InterceptSe);
    }

    static Run Measure(RunCache? cache, int seed, bool deep) => RunCache.Memo(cache, ("pow23.rl-run", seed, deep), () => MeasureUncached(cache, seed, deep));

    static Run MeasureUncached(RunCache? cache, int seed, bool deep) => new(Ranks.Select(r => MeasureRank(cache, r, seed, deep)).ToArray());

    // ---- the decay bound on trained interpolants ----

    static readonly ClaimId DecayId = new("pow23.s3-7.trained-decay");

    /// <summary>Singular-value ratios are compared with an absolute allowance of 1e-9: the spectrum of a float32-trained product is exact in double to ~1e-13 relative, and at the bound's tight end (x − 1 ≈ 0) the right side loses the digits of the cancellation.</summary>
    const double RatioAllowance = 1e-9;

    /// <summary>The bound on σ_{k+1}/σ_1 that the balanced representation alone implies: ((S_t^{L/(L−2)}/P̂^{2/(L−2)} − 1)/k)^{(L−1)/2}.</summary>
    internal static double MeasuredBound(RlStudent s, int k) =>
        Math.Pow(Math.Max(0, (Math.Pow(s.BalancedCost, s.L / (s.L - 2.0)) / Math.Pow(s.Path, 2.0 / (s.L - 2)) - 1) / k), (s.L - 1) / 2.0);

    /// <summary>The theorem's form with the rank factor dropped (the negative control): ((( P_r/P̂)^{2/(L−2)} − 1)/k)^{(L−1)/2}.</summary>
    static double RankFreeBound(RlStudent s, int k) => Math.Pow(Math.Max(0, (Math.Pow(s.TeacherPath / s.Path, 2.0 / (s.L - 2)) - 1) / k), (s.L - 1) / 2.0);

    /// <summary>Whether the premise of the theorem's form holds: balanced cost ≤ the rank-r competitor.</summary>
    static bool Premise(RlStudent s) => s.BalancedCost <= s.Competitor;

    static IEnumerable<(int K, double Ratio)> Ratios(RlStudent s) =>
        Enumerable.Range(1, s.SingularValues.Length - 1).Select(k => (k, s.SingularValues[k] / s.SingularValues[0]));

    static CaseResult DecayCase(Run run, CaseContext ctx, bool rankFree)
    {
        var failures = new List<string>();
        int premise = 0, judged = 0, rankTwoJudged = 0, skipped = 0;
        var judgedPerRank = run.Ranks.ToDictionary(rr => rr.R, rr => rr.Students.Count());
        double worstMeasured = 0;
        foreach (var rr in run.Ranks)
            foreach (var s in rr.Best)
            {
                if (s is null) { skipped++; continue; }
                if (!double.IsFinite(s.BalancedCost) || !double.IsFinite(s.Path) || s.SingularValues.Any(v => !double.IsFinite(v)))
                {
                    failures.Add($"rank {rr.R}, L = {s.L}: non-finite measurement");
                    continue;
                }
                judged++;
                bool holds = Premise(s);
                if (holds) premise++;
                foreach (var (k, ratio) in Ratios(s))
                {
                    if (rankFree)
                    {
                        if (rr.R >= 2 && holds && ratio > RankFreeBound(s, k) + RatioAllowance)
                            failures.Add($"rank {rr.R}, L = {s.L}: σ_{k + 1}/σ_1 = {G(ratio)} > {G(RankFreeBound(s, k))} (no rank factor)");
                        continue;
                    }
                    double measured = MeasuredBound(s, k);
                    worstMeasured = Math.Max(worstMeasured, measured > 0 ? ratio / measured : ratio > RatioAllowance ? double.PositiveInfinity : 0);
                    if (ratio > measured + RatioAllowance) failures.Add($"rank {rr.R}, L = {s.L}: σ_{k + 1}/σ_1 = {G(ratio)} > {G(measured)} (balanced chain)");
                    if (holds && ratio > s.DecayBound(k) + RatioAllowance) failures.Add($"rank {rr.R}, L = {s.L}: σ_{k + 1}/σ_1 = {G(ratio)} > {G(s.DecayBound(k))} (theorem form, premise holds)");
                }
                if (rr.R >= 2 && holds) rankTwoJudged++;
            }
        ctx.Measure("fraction of best restarts meeting the premise", judged == 0 ? 0 : (double)premise / judged)
            .Measure("largest σ_{k+1}/σ_1 over the balanced-chain bound", worstMeasured);
        string detail = $"{judged} trained interpolants (L = 3…6, ranks 1 and 2; {skipped} depths without one), premise S_t ≤ r^((L−2)/L)·P_r^(2/L) met by {premise}; largest σ_(k+1)/σ_1 ÷ balanced-chain bound {G(worstMeasured)}";
        if (judgedPerRank.Values.Any(v => v == 0)) return CaseResult.Fail("a teacher with no interpolating student at any depth: nothing to judge (" + detail + ")");
        if (rankFree)
            return rankTwoJudged == 0 ? CaseResult.Pass("no rank-2 interpolant met the premise, so the rank-free variant cannot be judged (counted as not refuted)") : CaseResult.Of(failures.Count == 0, failures.Count == 0 ? detail : failures[0]);
        return CaseResult.Of(failures.Count == 0, failures.Count == 0 ? detail : $"{failures[0]} ({failures.Count} in all)");
    }

    public static Claim TrainedDecay { get; } = new(
        DecayId, new Citation(Paper.Pow, "docs/pow23.md §3.7", "decay bound [SEED] (exact A_r [UNSURE]); provable version and its chain [DER]; training as the paper's method [SRC:code]"),
        "On students trained towards R_L-minimal interpolants (L = 3…6; rank-1 and rank-2 teachers at the fixed data seeds 1–5, d = 10, n = 256, width 32, 3 000 Adam epochs with coupled decay λ = 1e-3, best of 3 restarts among those reaching train MSE ≤ 1e-2; a teacher with none at every depth fails), rescaled to the balanced representation (‖a‖² = S = Σσ_i^{2/(L−1)}): σ_{k+1}/σ_1 ≤ ((S^{L/(L−2)}/P̂^{2/(L−2)} − 1)/k)^{(L−1)/2} for every k (P̂ the path norm), and, wherever the premise S ≤ r^{(L−2)/L}·P_r^{2/L} holds (P_r the teacher's path norm), the §3.7 bound σ_{k+1}/σ_1 ≤ ((r·(P_r/P̂)^{2/(L−2)} − 1)/k)^{(L−1)/2} (allowance 1e-9 absolute).",
        EvidenceTier.Tolerance,
        s => Generated.ForEach(s, LimitSeeds, (seed, ctx) => DecayCase(Measure(s.Cache, seed, s.Profile.Deep), ctx, false), new CheckOptions<int> { Show = x => $"data seed {x}" }),
        s => DecayReport(s.Cache),
        new NegativeControl("Depth alone forces rank-1 decay: the §3.7 bound holds without its rank factor r (judged on rank-2 interpolants that meet the premise).",
            s => Generated.ForEach(s, LimitSeeds, (seed, ctx) => DecayCase(Measure(s.Cache, seed, s.Profile.Deep), ctx, true), new CheckOptions<int> { Show = x => $"data seed {x}" })));

    // Fixed data seeds, shared with pow23.s3-6.depth-limit (the same students, trained once per run): the check is an
    // inequality every balanced representation satisfies (random representations: the unit tests), and on random seeds
    // the rank-free variant is often vacuous — P_r, the teacher's path norm, overestimates J_r by a factor that varies
    // with the teacher — so only fixed data make its refutation a property of the claim rather than of the draw.

    static ReportContent DecayReport(RunCache? cache)
    {
        var students = new ReportTable.Builder("interpolants").Column("r", CellRule.Exact).Column("L", CellRule.Exact).Column("train_mse", CellRule.Rel(0.5))
            .Column("trained_cost", CellRule.Rel(1e-2)).Column("balanced_cost", CellRule.Rel(1e-2)).Column("phi", CellRule.Rel(1e-2))
            .Column("lower_schatten", CellRule.Rel(1e-2)).Column("lower_path", CellRule.Rel(1e-2)).Column("upper", CellRule.Rel(1e-2))
            .Column("competitor", CellRule.Rel(1e-6)).Column("sigma2_ratio", CellRule.Rel(1e-2)).Column("measured_bound_k1", CellRule.Rel(1e-2)).Column("theorem_bound_k1", CellRule.Rel(1e-2));
        var decay = new ReportTable.Builder("decay_r2").Column("k", CellRule.Exact);
        foreach (var l in Depths) decay.Column($"L{l}", CellRule.Abs(1e-3));
        var runs = Ranks.ToDictionary(r => r, r => MeasureRank(cache, r, 1, deep: false));
        foreach (var r in Ranks)
        {
            foreach (var s in runs[r].Students)
            {
                var a = s.Net.A.ToArray();
                var phi = PhiL.Minimize(s.Net.Virtual, a, s.L, maxIterations: 3000);
                var b = PhiL.Bounds(s.Net.Virtual, a, s.L);
                students.Row(r, s.L, s.TrainMse, s.TrainedCost, s.BalancedCost, phi.Value, b.LowerSchatten, b.LowerPath, b.Upper, s.Competitor,
                    s.SingularValues[1] / s.SingularValues[0], MeasuredBound(s, 1), s.DecayBound(1));
            }
        }
        // Normalised singular values of the rank-2 interpolants, floored at 1e-12 for the log axis (float32 training leaves ~1e-16).
        for (int k = 0; k < D; k++)
            decay.Row([k + 1, .. runs[2].Best.Select(s => s is null ? double.NaN : Math.Max(1e-12, s.SingularValues[k] / s.SingularValues[0]))]);
        return new ReportContent("trained near-interpolants (data seed 1): costs, the Φ_L sandwich, the decay bound at k = 1", [students.Build(), decay.Build()])
            .WithPlot(new PlotSpec("decay-r2", "σ_k/σ_1 of the virtual matrix, rank-2 teacher, per L (log y, floored at 1e-12)", "decay_r2", "k", Depths.Select(l => $"L{l}").ToArray(), LogLog: false, LogY: true))
            .WithNotes("R_L(f) is an infimum over representations; per trained function three upper estimates are reported — the trained cost (1/L)(‖a‖² + Σ‖W_ℓ‖²), the balanced cost (‖a‖·‖W‖_{S_q})^{2/L} (global rescaling) and Φ_L (per-unit rescaling) — with Φ_L's lower bounds. The competitor r^{(L−2)/L}P_r^{2/L} bounds R_L of the teacher, an exact interpolant of index rank r. At λ = 1e-3 the trained interpolants are exactly of rank r to rounding (σ_{r+1}/σ_1 ~ 1e-16), so the decay bound's content here is at k < r; its decay regime belongs to exact interpolation (λ → 0), which 3 000 epochs do not reach.");
    }

    // ---- the L → ∞ limit ----

    static readonly ClaimId LimitId = new("pow23.s3-6.depth-limit");

    static readonly double Factor = Math.Log(1.5);

    static CaseResult LimitCase(RunCache? cache, int seed, CaseContext ctx, bool rankFree)
    {
        var run = Measure(cache, seed, deep: false);
        foreach (var rr in run.Ranks) ctx.Measure($"rank {rr.R}: extrapolated limit", rr.Limit);
        string detail = string.Join("; ", run.Ranks.Select(rr => $"rank {rr.R}: R̂_L at L = {string.Join(", ", rr.BestOfRank.OfType<RlStudent>().Select(s => $"{s.L}: {G(s.BalancedCost)}"))}; limit {G(rr.Limit)} (SE of ln {G(rr.LimitSe)}); restarts below rank {rr.R}: {rr.RankDrops.Sum()}"));
        if (run.Ranks.Any(rr => !double.IsFinite(rr.Limit))) return CaseResult.Fail("fewer than three depths with a rank-keeping interpolant: " + detail);
        // The false variant says the limit is 1 for every teacher; only the rank-2 teacher can refute it.
        if (rankFree) return CaseResult.Of(Math.Abs(Math.Log(run.Ranks.Single(rr => rr.R == 2).Limit)) <= Factor, detail);
        return CaseResult.Of(run.Ranks.All(rr => Math.Abs(Math.Log(rr.Limit / rr.R)) <= Factor), detail);
    }

    public static Claim DepthLimit { get; } = new(
        LimitId, new Citation(Paper.Pow, "docs/pow23.md §3.6", "R_L → index rank as L → ∞ [SEED] [DER]; the extrapolation in 1/L is ours [DER]"),
        "R_L restricted to interpolants of the teacher's index rank tends to that rank: with R̂_L the best balanced cost at L = 3, 4, 5, 6 over the restarts whose trained interpolant keeps the teacher's rank r (numerical rank of the virtual matrix, σ_i/σ_1 > 0.05; students as in pow23.s3-7.trained-decay; at least three depths needed), the least-squares line ln R̂_L = α + β/L extrapolates to e^α within a factor 1.5 of r, for a rank-1 and a rank-2 teacher at each of the fixed data seeds 1–5 — the asymptotics ln R_L(f) = ln rank_I(f) + c/L + O(1/L²) of a fixed function of index rank r. Fixed seeds, because for finite data the cheapest interpolant's R_L tends to 1: in the pilot of this design 1 of 46 random rank-2 teachers had every restart leave rank 2 from L = 5 on (1 of 99 in an earlier design with L up to 8), so a random-seed version would fail 1–2% of runs for a reason the theorem allows.",
        EvidenceTier.Tolerance,
        s => Generated.ForEach(s, LimitSeeds, (seed, ctx) => LimitCase(s.Cache, seed, ctx, false), new CheckOptions<int> { Show = x => $"data seed {x}" }),
        s => LimitReport(s.Cache),
        new NegativeControl("The limit does not see the index rank: it is 1 (within a factor 1.5) for every teacher, as it is for the cheapest interpolant of finite data.",
            s => Generated.ForEach(s, LimitSeeds, (seed, ctx) => LimitCase(s.Cache, seed, ctx, true), new CheckOptions<int> { Show = x => $"data seed {x}" })));

    const int ReportSeeds = 5;

    static ReportContent LimitReport(RunCache? cache)
    {
        var table = new ReportTable.Builder("limit").Column("r", CellRule.Exact).Column("inv_L", CellRule.Rel(1e-9)).Column("mean_cost", CellRule.Rel(1e-2))
            .Column("ci_lo", CellRule.Rel(2e-2)).Column("ci_hi", CellRule.Rel(2e-2)).Column("restarts_below_rank", CellRule.Exact);
        var limits = new ReportTable.Builder("extrapolated").Column("r", CellRule.Exact).Column("mean_limit", CellRule.Rel(1e-2)).Column("ci_lo", CellRule.Rel(2e-2)).Column("ci_hi", CellRule.Rel(2e-2));
        var plot = new ReportTable.Builder("cost_against_inverse_depth").Column("inv_L", CellRule.Rel(1e-9)).Column("r1", CellRule.Rel(1e-2)).Column("r2", CellRule.Rel(1e-2));
        var byRank = Ranks.ToDictionary(r => r, r => Enumerable.Range(1, ReportSeeds).Select(seed => MeasureRank(cache, r, seed, deep: false)).ToArray());
        var means = new Dictionary<(int, int), double>();
        foreach (var r in Ranks)
        {
            for (int i = 0; i < Depths.Length; i++)
            {
                var values = byRank[r].Select(rr => rr.BestOfRank[i]?.BalancedCost ?? double.NaN).Where(double.IsFinite).ToArray();
                var (m, lo, hi) = MeanInterval(values);
                means[(r, Depths[i])] = m;
                table.Row(r, 1.0 / Depths[i], m, lo, hi, byRank[r].Sum(rr => rr.RankDrops[i]));
            }
            var (lm, llo, lhi) = MeanInterval(byRank[r].Select(rr => rr.Limit).Where(double.IsFinite).ToArray());
            limits.Row(r, lm, llo, lhi);
        }
        foreach (var l in Depths) plot.Row(1.0 / l, means[(1, l)], means[(2, l)]);
        return new ReportContent($"best-of-restarts balanced cost R̂_L over data seeds 1…{ReportSeeds}: means with 95% t-intervals, and the extrapolated limit", [table.Build(), limits.Build(), plot.Build()])
            .WithPlot(new PlotSpec("cost-against-inverse-depth", "mean R̂_L against 1/L (log y); the line's intercept is the limit", "cost_against_inverse_depth", "inv_L", ["r1", "r2"], LogLog: false, LogY: true))
            .WithNotes("The limit statement of §3.6 is about one function; here each depth trains its own interpolant, and the extrapolation uses L ≤ 6 and only interpolants that keep the teacher's rank. For finite data the cheapest interpolant's R_L tends to 1 as L → ∞ (a generic projection separates the points, so a rank-1 interpolant exists): restarts_below_rank counts the interpolating restarts (of 3 per seed) whose virtual matrix dropped below the teacher's rank — with depth, training increasingly finds those lower-rank interpolants, as the theory says it eventually must.");
    }

    /// <summary>Mean and two-sided 95% Student-t interval (NaN interval for fewer than two values).</summary>
    internal static (double Mean, double Lo, double Hi) MeanInterval(double[] v)
    {
        if (v.Length == 0) return (double.NaN, double.NaN, double.NaN);
        double m = v.Average();
        if (v.Length < 2) return (m, double.NaN, double.NaN);
        double sd = Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / (v.Length - 1));
        double half = StudentT.InvCDF(0, 1, v.Length - 1, 0.975) * sd / Math.Sqrt(v.Length);
        return (m, m - half, m + half);
    }
}
