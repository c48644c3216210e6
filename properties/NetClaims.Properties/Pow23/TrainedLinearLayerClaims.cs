using System.Collections.Concurrent;
using System.Globalization;
using Hedgehog.Linq;
using NetClaims.Claims;
using NetClaims.LinearLayers;
using NetClaims.Reports;
using NetClaims.Statistics;
using NetClaims.Training;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Properties.Pow23;

/// <summary>
/// Linear layers on what training finds (issue 6; docs/pow23.md §3.4–3.8): the Φ_L sandwich and the EGOP rank bound on
/// trained parameters, and the scaled-down reproduction of the Parkinson–Ongie–Willett experiment (depth lowers the
/// effective index rank of the input gradients). Scale: d = 10, n = 256, width 32, 300 Adam epochs, λ = 1e-3 (the
/// paper's: d = 20, n ≤ 2048, width 1000, 60 100 epochs).
/// </summary>
internal static class TrainedLinearLayerClaims
{
    const int D = 10, N = 256, Width = 32, Epochs = 300;
    const double Lambda = 1e-3;

    static string G(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    // One student per (rank, depth, seed, profile) per run of the harness: checks, negative controls, reports and the
    // EGOP claim share it. The deep profile trains at twice the n, width and epochs (n = 512, width 64, 600 epochs).
    internal static PowStudent Student(RunCache? cache, int r, int l, int seed, bool deep = false) =>
        RunCache.Memo(cache, ("pow23.student", r, l, seed, deep), () => deep
            ? PowExperiment.Train(D, r, 2 * N, 2 * Width, l, Lambda, 2 * Epochs, seed)
            : PowExperiment.Train(D, r, N, Width, l, Lambda, Epochs, seed));

    internal sealed record Case(int R, int L, int Seed)
    {
        public override string ToString() => $"index rank {R}, L = {L}, seed {Seed}";
    }

    // ---- the sandwich on trained parameters ----

    static readonly ClaimId SandwichId = new("pow23.s3-8.trained-sandwich");

    static CaseResult Sandwich(RunCache? cache, Case c, CaseContext ctx, bool optimal)
    {
        var s = Student(cache, c.R, c.L, c.Seed);
        var w = s.Net.Virtual;
        var a = s.Net.A.ToArray();
        // 3000 iterations per start (not 20 000): near-zero singular values make Φ_L's landscape non-smooth (σ^q, q < 1),
        // and a start that crawls there costs seconds; an unconverged Φ_L only errs upward, which keeps the lower bound
        // honest and is checked against the upper bound and the trained cost with the same tolerance.
        var phi = PhiL.Minimize(w, a, c.L, maxIterations: 3000);
        var b = PhiL.Bounds(w, a, c.L);
        var egop = Egop.Estimate(w, s.Net.A, s.Net.B, 4000, c.Seed);
        ctx.Classify(c.L >= 4, "L ≥ 4");
        string detail = $"trained cost {G(s.Cost)}, Φ_L = {G(phi.Value)}, lower {G(b.LowerSchatten)} / {G(b.LowerPath)}, upper {G(b.Upper)}; EGOP rank {egop.EffectiveRank(1e-9)} ≤ rank(D_aW) = {b.Rank}";
        if (double.IsNaN(phi.Value)) return CaseResult.Fail("Φ_L is NaN");
        if (optimal) return CaseResult.Of(s.Cost <= phi.Value * 1.01, detail);
        // Tolerance rel 1e-6 as in pow23.s3-4.phi-bounds (Φ_L minimised to gradient ≤ 1e-11).
        const double tol = 1e-6;
        bool ok = Math.Max(b.LowerSchatten, b.LowerPath) <= phi.Value * (1 + tol) + 1e-12
            && phi.Value <= Math.Min(s.Cost, b.Upper) * (1 + tol) + 1e-12
            && egop.EffectiveRank(1e-9) <= b.Rank;
        return CaseResult.Of(ok, detail);
    }

    static Hedgehog.Gen<Case> SandwichCases =>
        from r in Gen.Int32(Range.Constant(1, 2))
        from l in Gen.Int32(Range.Constant(2, 5))
        from seed in Gen.Int32(Range.Constant(0, 10_000))
        select new Case(r, l, seed);

    public static Claim TrainedSandwich { get; } = new(
        SandwichId, new Citation(Paper.Pow, "docs/pow23.md §3.3–3.5, §3.8", "bounds [SEED; DER]; EGOP [REC]; experiment recipe [SRC:code]"),
        "On trained students (L − 1 linear layers + ReLU, L = 2…5, rank-1 or rank-2 teachers, d = 10, width 32, Adam, λ = 1e-3): max(Schatten, path) ≤ Φ_L(W, a) ≤ min(trained cost (1/L)(‖a‖² + Σ‖W_ℓ‖_F²), rank^{(L−2)/L}·path^{2/L}) (rel 1e-6), and the EGOP's rank (4000 samples, 1e-9) ≤ rank(D_aW).",
        EvidenceTier.Tolerance,
        s => Generated.ForAll(s.WithTests(3), SandwichCases, (c, ctx) => Sandwich(s.Cache, c, ctx, false), new CheckOptions<Case> { Show = c => c.ToString() }),
        s => new ReportContent("trained students: cost, Φ_L and its bounds (seed 1)", SandwichTable(s.Cache)),
        new NegativeControl("Training already finds the Φ_L-optimal parameters: the trained cost is within 1% of Φ_L.",
            s => Generated.ForAll(s.WithTests(3), SandwichCases, (c, ctx) => Sandwich(s.Cache, c, ctx, true), new CheckOptions<Case> { Show = c => c.ToString() })));

    static ReportTable SandwichTable(RunCache? cache)
    {
        var t = new ReportTable.Builder("sandwich").Column("r", CellRule.Exact).Column("L", CellRule.Exact).Column("trained_cost", CellRule.Rel(1e-3))
            .Column("phi", CellRule.Rel(1e-3)).Column("lower_schatten", CellRule.Rel(1e-3)).Column("lower_path", CellRule.Rel(1e-3)).Column("upper", CellRule.Rel(1e-3));
        foreach (var r in new[] { 1, 2 })
            foreach (var l in new[] { 2, 3, 4, 5 })
            {
                var s = Student(cache, r, l, 1);
                var a = s.Net.A.ToArray();
                var b = PhiL.Bounds(s.Net.Virtual, a, l);
                t.Row(r, l, s.Cost, PhiL.Minimize(s.Net.Virtual, a, l, maxIterations: 3000).Value, b.LowerSchatten, b.LowerPath, b.Upper);
            }
        return t.Build();
    }

    // ---- depth lowers the effective index rank ----

    static readonly ClaimId DepthId = new("pow23.s3-8.depth-lowers-index-rank");

    /// <summary>The trailing singular mass Σ_{i&gt;r} σ_i/σ_1 of the input gradients.</summary>
    internal static double Trailing(PowStudent s, int r) => s.GradientSingularValues.Skip(r).Sum();

    /// <summary>Per rank, ln(trailing mass at L = 4 / at L = 2) averaged over three training seeds.</summary>
    internal sealed record DepthRun(double[] MeanLogRatio, string Detail)
    {
        /// <summary>Per rank, ln(out-of-distribution MSE at L = 4 / at L = 2) averaged over the same seeds.</summary>
        public double[] MeanLogOodRatio { get; init; } = [];
    }

    const int DepthSeeds = 3;

    static DepthRun DepthMeasure(RunCache? cache, int seed, bool deep)
    {
        var mean = new double[2];
        var ood = new double[2];
        var details = new List<string>();
        for (int r = 1; r <= 2; r++)
        {
            var ratios = new List<double>();
            var oodRatios = new List<double>();
            for (int k = 0; k < DepthSeeds; k++)
            {
                var (s2, s4) = (Student(cache, r, 2, seed + k, deep), Student(cache, r, 4, seed + k, deep));
                double t2 = Trailing(s2, r), t4 = Trailing(s4, r);
                ratios.Add(Math.Log(t4 / t2));
                oodRatios.Add(Math.Log(s4.OodMse / s2.OodMse));
                if (k == 0) details.Add($"rank {r}, seed {seed}: trailing gradient mass Σ_{{i>r}} σ_i/σ_1 at L = 2 {G(t2)}, L = 4 {G(t4)}; effective index ranks {s2.EffectiveIndexRank} → {s4.EffectiveIndexRank}; angles {G(s2.AngleDegrees)}° → {G(s4.AngleDegrees)}°");
            }
            mean[r - 1] = ratios.Average();
            ood[r - 1] = oodRatios.Average();
            details.Add($"rank {r}: mean ln ratio over seeds {seed}…{seed + DepthSeeds - 1} = {mean[r - 1]:F3} (factor {Math.Exp(mean[r - 1]):G3})");
        }
        return new DepthRun(mean, string.Join("; ", details)) { MeanLogOodRatio = ood };
    }

    // The threshold "at most half" is the claim's own (theory-free, fixed before any run); the pilot sweep
    // (`netclaims sweep --pilot --seeds 100 --claim pow23.s3-8.depth-lowers-index-rank`) confirms its false-failure rate.
    static readonly Band AtMostHalf = Pilots.Register(DepthId.Value, "max over ranks of mean ln(trailing₄/trailing₂)", -2.8074, 0.4208, 100,
        Band.AtMost(Math.Log(0.5), "a factor 2"), Band.AtLeast(0, "the false variant: L = 4 no better than L = 2"));

    static CaseResult DepthCase(DepthRun d, CaseContext ctx, bool increases)
    {
        double worst = d.MeanLogRatio.Max(), best = d.MeanLogRatio.Min();
        ctx.Measure("max over ranks of mean ln(trailing₄/trailing₂)", worst)
            .Measure("rank 1 mean ln(OOD MSE₄/OOD MSE₂)", d.MeanLogOodRatio[0]).Measure("rank 2 mean ln(OOD MSE₄/OOD MSE₂)", d.MeanLogOodRatio[1]);
        if (!double.IsFinite(worst)) return CaseResult.Fail("non-finite trailing mass: " + d.Detail);
        return increases ? CaseResult.Of(best >= 0, d.Detail) : CaseResult.Of(AtMostHalf.Contains(worst), d.Detail);
    }

    public static Claim Depth { get; } = new(
        DepthId, new Citation(Paper.Pow, "main theorem and experiment; docs/pow23.md §3.6–3.8", "low effective index rank [SRC:abs]; recipe [SRC:code]; this scale and the trailing-mass measure are ours"),
        "Adding linear layers concentrates the input gradients of trained students on the teacher's index space: the trailing singular mass Σ_{i>r} σ_i/σ_1 of the gradient matrix (512 test points) at L = 4 is at most half that at L = 2 (geometric mean over three training seeds per run), for both a rank-1 and a rank-2 teacher (d = 10, n = 256, width 32, 300 Adam epochs, λ = 1e-3; the deep profile doubles n, width and epochs); the pilot sweep puts the chance that a true claim fails below 2.5e-5.",
        EvidenceTier.Statistical,
        s => Generated.Statistic(s, seed => DepthMeasure(s.Cache, seed, s.Profile.Deep), (d, ctx) => DepthCase(d, ctx, false), new StatisticOptions { Show = x => $"training seed {x}" }),
        s => new ReportContent("the scaled-down reproduction (seed 1)", DepthTables(s.Cache))
            .WithPlot(new PlotSpec("gradient-singular-values-r1", "normalised singular values of the input gradients, rank-1 teacher, per L (log y)", "singular_values_r1", "index", ["L2", "L3", "L4", "L5"], LogLog: false, LogY: true))
            .WithPlot(new PlotSpec("ood-over-seeds", "out-of-distribution MSE per L, geometric mean over seeds 1–5 (log y)", "ood_over_seeds", "L", ["r1", "r2"], LogLog: false, LogY: true))
            .WithPlot(new PlotSpec("gradient-singular-values-r2", "normalised singular values of the input gradients, rank-2 teacher, per L (log y)", "singular_values_r2", "index", ["L2", "L3", "L4", "L5"], LogLog: false, LogY: true))
            .WithNotes($"Scale used: d = {D}, n = {N}, width {Width}, {Epochs} epochs of Adam (lr 1e-3, batch 64, ×0.1 and decay off for the last tenth), λ = {Lambda}; the paper's: d = 20, n up to 2048, width 1000, 60 100 epochs, λ ∈ {{1e-3, 1e-4, 1e-5}}. Labels are standardised. Table over_seeds: seeds 1–5 per (r, L); angle and OOD MSE as geometric means with the 95% Student-t interval of their logarithms, effective index rank as a plain mean."),
        new NegativeControl("Linear layers do not help: the trailing mass at L = 4 is at least that at L = 2.",
            s => Generated.Statistic(s, seed => DepthMeasure(s.Cache, seed, s.Profile.Deep), (d, ctx) => DepthCase(d, ctx, true), new StatisticOptions { Show = x => $"training seed {x}" })));

    static ReportTable[] DepthTables(RunCache? cache)
    {
        var summary = new ReportTable.Builder("reproduction").Column("r", CellRule.Exact).Column("L", CellRule.Exact).Column("test_mse", CellRule.Rel(1e-3)).Column("ood_mse", CellRule.Rel(1e-3))
            .Column("effective_index_rank", CellRule.Exact).Column("trailing_mass", CellRule.Rel(1e-3)).Column("angle_degrees", CellRule.Rel(1e-3));
        var tables = new List<ReportTable>();
        foreach (var r in new[] { 1, 2 })
        {
            var sv = new ReportTable.Builder($"singular_values_r{r}").Column("index", CellRule.Exact).Column("L2", CellRule.Rel(1e-3)).Column("L3", CellRule.Rel(1e-3)).Column("L4", CellRule.Rel(1e-3)).Column("L5", CellRule.Rel(1e-3));
            var students = new[] { 2, 3, 4, 5 }.Select(l => Student(cache, r, l, 1)).ToArray();
            foreach (var s in students) summary.Row(r, s.L, s.TestMse, s.OodMse, s.EffectiveIndexRank, Trailing(s, r), s.AngleDegrees);
            for (int i = 0; i < D; i++) sv.Row(i + 1, students[0].GradientSingularValues[i], students[1].GradientSingularValues[i], students[2].GradientSingularValues[i], students[3].GradientSingularValues[i]);
            tables.Add(sv.Build());
        }
        return [summary.Build(), .. tables, .. OverSeeds(cache)];
    }

    const int IntervalSeeds = 5;

    // Seeds 1–5 per (rank, L): the angle to the teacher's subspace, the effective index rank and the out-of-distribution
    // MSE over seeds with 95% intervals — the paper's three depth trends at this scale, reported, not claimed
    // (the claim is the trailing-mass ratio above; the OOD ratio was too variable for a gate claim, docs/pow23.md §3.8).
    static ReportTable[] OverSeeds(RunCache? cache)
    {
        var t = new ReportTable.Builder("over_seeds").Column("r", CellRule.Exact).Column("L", CellRule.Exact)
            .Column("angle_gmean", CellRule.Rel(1e-3)).Column("angle_lo", CellRule.Rel(1e-3)).Column("angle_hi", CellRule.Rel(1e-3))
            .Column("effective_rank_mean", CellRule.Rel(1e-3))
            .Column("ood_mse_gmean", CellRule.Rel(1e-3)).Column("ood_mse_lo", CellRule.Rel(1e-3)).Column("ood_mse_hi", CellRule.Rel(1e-3));
        var ood = new ReportTable.Builder("ood_over_seeds").Column("L", CellRule.Exact).Column("r1", CellRule.Rel(1e-3)).Column("r2", CellRule.Rel(1e-3));
        var means = new Dictionary<(int, int), double>();
        foreach (var r in new[] { 1, 2 })
            foreach (var l in new[] { 2, 3, 4, 5 })
            {
                var students = Enumerable.Range(1, IntervalSeeds).Select(seed => Student(cache, r, l, seed)).ToArray();
                var angle = Geometric(students.Select(s => s.AngleDegrees).ToArray());
                var mse = Geometric(students.Select(s => s.OodMse).ToArray());
                means[(r, l)] = mse.Mean;
                t.Row(r, l, angle.Mean, angle.Lo, angle.Hi, students.Average(s => (double)s.EffectiveIndexRank), mse.Mean, mse.Lo, mse.Hi);
            }
        foreach (var l in new[] { 2, 3, 4, 5 }) ood.Row(l, means[(1, l)], means[(2, l)]);
        return [t.Build(), ood.Build()];
    }

    // Angles and MSEs are positive and skewed over seeds (one failed seed dominates an arithmetic mean), so the interval
    // is the Student-t interval of their logarithms, mapped back: a geometric mean with a multiplicative interval.
    static (double Mean, double Lo, double Hi) Geometric(double[] v)
    {
        var (m, lo, hi) = InterpolantClaims.MeanInterval(v.Select(x => Math.Log(Math.Max(x, 1e-300))).ToArray());
        return (Math.Exp(m), Math.Exp(lo), Math.Exp(hi));
    }
}
