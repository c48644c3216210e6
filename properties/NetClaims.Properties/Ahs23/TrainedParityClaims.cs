using System.Collections.Concurrent;
using Hedgehog.Linq;
using NetClaims.Claims;
using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Reports;
using NetClaims.Statistics;
using NetClaims.Training;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Properties.Ahs23;

/// <summary>
/// Theorem 6 on what gradient descent finds (issue 6): two-layer nets trained on the full parity of {±1}^d with weight
/// decay, until ‖g − χ‖₂ ≤ 1/2, cost at least (1 − ‖g − χ‖₂)/ρ_d. Trained with the float32 SIMD trainer (checked
/// against the float64 reference trainer, as the ILGPU trainer is, by properties in the tests).
/// </summary>
internal static class TrainedParityClaims
{
    static readonly ClaimId Id = new("ahs23.thm6.trained");

    internal sealed record Case(int D, int Seed)
    {
        public override string ToString() => $"d={D}, init/shuffle seed {Seed}";
    }

    // Adam (lr 0.01, batch 64), width 64, coupled weight decay 1e-4, until the training MSE ≤ 1e-3 (‖g − χ‖₂ ≤ 0.032) or
    // 3000 epochs: the scale this machine trains in about a second per net for d ≤ 8.
    internal static TrainOptions Options(int seed) => new()
    {
        Optimizer = OptimizerKind.Adam, LearningRate = 0.01, BatchSize = 64, WeightDecay = 1e-4, Epochs = 3000, StopAtLoss = 1e-3, Seed = seed,
    };

    const int Width = 64;

    // One training per case per run of the harness: the check, the negative control and the report share it.
    static ParityRun Run(RunCache? cache, Case c) => RunCache.Memo(cache, ("ahs23.trained", c), () => ParityTraining.Train(c.D, Width, Options(c.Seed)));

    static CaseResult Check(RunCache? cache, Case c, CaseContext ctx, bool claimMinimal)
    {
        var r = Run(cache, c);
        string detail = $"{r.Epochs} epochs: ‖g − χ‖₂ = {r.DistanceToParity:G4}, C(g) = {r.Cost:G6}, (1 − ‖g − χ‖₂)/ρ_d = {r.Theorem6Bound:G6}, 1/ρ_d = {1 / r.Rho:G6}";
        if (!double.IsFinite(r.Cost)) return CaseResult.Fail("the trained cost is not finite");
        ctx.Classify(c.D >= 7, "d ≥ 7");
        if (!r.Close) return CaseResult.Fail("training did not reach ‖g − χ‖₂ ≤ 1/2: " + detail);
        // Theorem 6 compares exactly; here C(g) and the bound are float64 sums of ≤ 64·8 terms: relative slack 1e-12.
        return claimMinimal ? CaseResult.Of(r.Cost <= 1.1 / r.Rho, detail) : CaseResult.Of(r.Cost >= r.Theorem6Bound * (1 - 1e-12), detail);
    }

    // d = 4…8 in the ci and fast profiles; up to deepMax under the deep profile (2^deepMax training points).
    static Hedgehog.Gen<Case> Cases(ClaimContext s, int deepMax = 10) =>
        from d in Gen.Int32(Range.Constant(4, s.Profile.Deep ? deepMax : 8))
        from seed in Gen.Int32(Range.Constant(0, 10_000))
        select new Case(d, seed);

    public static Claim Trained { get; } = new(
        Id, new Citation(Paper.Ahs, "Theorem 6; docs/ahs23.md §1.6", "d/16 statement [SRC:blog]; the sharp (1 − ‖g−χ‖)/ρ_d [DER+NUM]"),
        "Two-layer ReLU nets trained on the full parity of {±1}^d (d = 4…8, 4…10 under the deep profile; width 64, Adam, weight decay 1e-4, until the MSE ≤ 1e-3) reach ‖g − χ‖₂ ≤ 1/2 and cost C(g) = Σ|a|‖w‖₂ ≥ (1 − ‖g − χ‖₂)/ρ_d.",
        EvidenceTier.Tolerance,
        s => Generated.ForAll(s.WithTests(4), Cases(s), (c, ctx) => Check(s.Cache, c, ctx, false), new CheckOptions<Case> { Show = c => c.ToString() }),
        s => new ReportContent("trained cost vs d beside the constructions (seed 1)", Table(s.Cache))
            .WithPlot(new PlotSpec("trained-vs-constructions", "parity: trained C(g), minimum over the sign dictionary 1/ρ_d, sawtooth and best ridge (log-log)", "trained", "d", ["trained", "min_sign_dictionary", "sawtooth", "best_ridge"], LogLog: true))
            .WithNotes("The fitted exponent of the trained cost is an observation at these sizes, not a claim: it depends on the width, λ and the stopping rule."),
        new NegativeControl("Weight decay finds the minimum-norm interpolant: trained nets cost at most 1.1/ρ_d.",
            s => Generated.ForAll(s.WithTests(4), Cases(s), (c, ctx) => Check(s.Cache, c, ctx, true), new CheckOptions<Case> { Show = c => c.ToString() })));

    static ReportTable[] Table(RunCache? cache)
    {
        int[] ds = [4, 5, 6, 7, 8];
        var runs = ds.Select(d => Run(cache, new Case(d, 1))).ToArray();
        var t = new ReportTable.Builder("trained").Column("d", CellRule.Exact).Column("epochs", CellRule.Rel(0.1)).Column("distance", CellRule.Rel(1e-3))
            .Column("trained", CellRule.Rel(1e-3)).Column("bound", CellRule.Rel(1e-3)).Column("min_sign_dictionary", CellRule.Rel(1e-9))
            .Column("sawtooth", CellRule.Rel(1e-9)).Column("best_ridge", CellRule.Rel(1e-9));
        for (int i = 0; i < ds.Length; i++)
        {
            var d = new Dimension(ds[i]);
            t.Row(ds[i], runs[i].Epochs, runs[i].DistanceToParity, runs[i].Cost, runs[i].Theorem6Bound, 1 / runs[i].Rho,
                SawtoothRidge.ClosedFormCost(d).ToDouble(), SplineRidge.ClosedFormCost(d).ToDouble());
        }
        var fit = ExponentFits.LogLog(ds.Select(x => (double)x).ToArray(), runs.Select(r => r.Cost).ToArray());
        var f = new ReportTable.Builder("observed_exponent").Column("fit", CellRule.Text).Column("slope", CellRule.Rel(1e-3)).Column("lo", CellRule.Rel(1e-3)).Column("hi", CellRule.Rel(1e-3))
            .Row("log trained C(g) ~ log d", fit.Estimate, fit.Lo, fit.Hi);
        return [t.Build(), f.Build()];
    }

    // ---- What long weight-decayed training finds (issue 16): cheaper than every ridge interpolant ----

    static readonly ClaimId BelowRidgeId = new("ahs23.thm6.trained-below-ridge");

    /// <summary>Width of the long-training study.</summary>
    internal const int StudyWidth = 256;

    /// <summary>The fraction of the spline ridge's cost 2(d − 1)√d the trained cost stays under (pilot: at most 0.68).</summary>
    internal const double RidgeFraction = 0.8;

    /// <summary>How close to χ a trained net must come for the comparison with interpolants.</summary>
    internal const double NearInterpolation = 0.25;

    // Adam (lr 0.01, ×0.1 for the last 300 epochs, batch 64), width 256, coupled decay λ, 3000 epochs and no early stop:
    // long enough for the decay to act after the net interpolates. Without the final step down, Adam's last minibatch
    // steps leave ‖g − χ‖₂ anywhere up to 0.26 at d = 8 (one of 400 sweep cases).
    internal static TrainOptions LongOptions(int seed, double lambda) => new()
    {
        Optimizer = OptimizerKind.Adam, LearningRate = 0.01, BatchSize = 64, WeightDecay = lambda, Epochs = 3000, LrMilestones = [2700], Seed = seed,
    };

    static ParityRun Long(RunCache? cache, int d, int seed, double lambda) =>
        RunCache.Memo(cache, ("ahs23.trained-long", d, seed, lambda), () => ParityTraining.Train(d, StudyWidth, LongOptions(seed, lambda)));

    static double SplineRidgeCost(int d) => SplineRidge.ClosedFormCost(new Dimension(d)).ToDouble();

    static CaseResult BelowRidgeCase(RunCache? cache, Case c, CaseContext ctx, bool ridgeLike)
    {
        var r = Long(cache, c.D, c.Seed, 1e-3);
        double ridge = SplineRidgeCost(c.D);
        string detail = $"‖g − χ‖₂ = {r.DistanceToParity:G4}, C(g) = {r.Cost:G6}, spline ridge 2(d−1)√d = {ridge:G6}, ratio {r.Cost / ridge:F3}, Theorem 6 bound {r.Theorem6Bound:G6}";
        if (!double.IsFinite(r.Cost)) return CaseResult.Fail("the trained cost is not finite");
        // Near-interpolants only, so that comparing with an interpolating ridge is fair (pilot: ‖g − χ‖₂ ≤ 0.15 at d ≤ 9).
        if (r.DistanceToParity > NearInterpolation) return CaseResult.Fail($"training did not reach ‖g − χ‖₂ ≤ {NearInterpolation}: " + detail);
        ctx.Classify(c.D >= 7, "d ≥ 7");
        // Theorem 6 (exact statement; float64 sums of ≤ 256·10 terms: relative slack 1e-12) and the measured gap to ridges.
        if (r.Cost < r.Theorem6Bound * (1 - 1e-12)) return CaseResult.Fail("below Theorem 6's bound: " + detail);
        return ridgeLike ? CaseResult.Of(r.Cost >= ridge, detail) : CaseResult.Of(r.Cost <= RidgeFraction * ridge, detail);
    }

    public static Claim BelowRidge { get; } = new(
        BelowRidgeId, new Citation(Paper.Ahs, "Theorem 6 and the ridge lower bound; docs/ahs23.md §1.6", "Theorem 6's bound [DER+NUM]; the spline ridge's cost 2(d−1)√d [DER]; the trained costs, the 0.8 factor and this recipe [NUM]"),
        $"Long weight-decayed training finds parity interpolants that no ridge function matches: two-layer ReLU nets of width {StudyWidth} trained on the full parity of {{±1}}^d (d = 4…8, 4…9 under the deep profile; Adam lr 0.01 with a step to 0.001 for the last 300 epochs, batch 64, coupled weight decay 1e-3, 3000 epochs, no early stop) come within ‖g − χ‖₂ ≤ {NearInterpolation} of χ and cost at most {RidgeFraction}·2(d−1)√d — under the cheapest ridge interpolant (the spline along the all-ones direction) by 20% — and at least Theorem 6's (1 − ‖g − χ‖₂)/ρ_d.",
        EvidenceTier.Tolerance,
        s => Generated.ForAll(s.WithTests(4), Cases(s, deepMax: 9), (c, ctx) => BelowRidgeCase(s.Cache, c, ctx, false), new CheckOptions<Case> { Show = c => c.ToString() }),
        s => new ReportContent("what long training finds: C(g) beside the minimum, the ridges and the weight decay (seed 1)", LongTables(s.Cache))
            .WithPlot(new PlotSpec("long-training-vs-constructions", "parity, width 256, 3000 epochs: trained C(g) at three weight decays, the minimum 1/ρ_d and the spline ridge (log-log)", "long_training", "d", ["lambda_1e-3", "lambda_1e-4", "lambda_1e-5", "min_sign_dictionary", "spline_ridge"], LogLog: true))
            .WithNotes("Early-stopped nets (ahs23.thm6.trained) cost about as much as the spline ridge; long training with weight decay 1e-3 gets within a few percent of the minimum 1/ρ_d at d ≤ 7 and drifts away from it beyond, and smaller weight decays give dearer nets at every d (the λ columns). The exponent of C(g) at λ = 1e-3 is an observation at these sizes and budgets, not a claim: at d ≥ 10 the nets no longer come close to χ within 3000 epochs (pilot: ‖g − χ‖₂ ≈ 0.15–0.27 at d = 10…13), so the claim stops at d = 8 (9 under the deep profile)."),
        new NegativeControl("Training finds ridge-like nets, as early stopping does: trained nets cost at least the spline ridge's 2(d−1)√d.",
            s => Generated.ForAll(s.WithTests(4), Cases(s, deepMax: 9), (c, ctx) => BelowRidgeCase(s.Cache, c, ctx, true), new CheckOptions<Case> { Show = c => c.ToString() })));

    // The same d = 4…8 under every profile, so one snapshot serves all (the deep profile widens the checked cases only).
    static ReportTable[] LongTables(RunCache? cache)
    {
        int[] ds = [4, 5, 6, 7, 8];
        double[] lambdas = [1e-3, 1e-4, 1e-5];
        var runs = lambdas.Select(l => ds.Select(d => Long(cache, d, 1, l)).ToArray()).ToArray();
        var t = new ReportTable.Builder("long_training").Column("d", CellRule.Exact).Column("distance_1e-3", CellRule.Rel(0.1))
            .Column("lambda_1e-3", CellRule.Rel(1e-2)).Column("lambda_1e-4", CellRule.Rel(1e-2)).Column("lambda_1e-5", CellRule.Rel(1e-2))
            .Column("min_sign_dictionary", CellRule.Rel(1e-9)).Column("spline_ridge", CellRule.Rel(1e-9)).Column("ratio_to_minimum", CellRule.Rel(1e-2)).Column("ratio_to_ridge", CellRule.Rel(1e-2));
        for (int i = 0; i < ds.Length; i++)
        {
            var r = runs[0][i];
            t.Row(ds[i], r.DistanceToParity, r.Cost, runs[1][i].Cost, runs[2][i].Cost, 1 / r.Rho, SplineRidgeCost(ds[i]), r.Cost * r.Rho, r.Cost / SplineRidgeCost(ds[i]));
        }
        var f = new ReportTable.Builder("long_training_exponent").Column("fit", CellRule.Text).Column("slope", CellRule.Rel(1e-2)).Column("lo", CellRule.Rel(1e-2)).Column("hi", CellRule.Rel(1e-2));
        for (int j = 0; j < lambdas.Length; j++)
        {
            var fit = ExponentFits.LogLog(ds.Select(x => (double)x).ToArray(), runs[j].Select(r => r.Cost).ToArray());
            f.Row($"log C(g) ~ log d at λ = {lambdas[j]:0e0}", fit.Estimate, fit.Lo, fit.Hi);
        }
        var min = ExponentFits.LogLog(ds.Select(x => (double)x).ToArray(), runs[0].Select(r => 1 / r.Rho).ToArray());
        f.Row("log 1/ρ_d ~ log d (the minimum)", min.Estimate, min.Lo, min.Hi);
        return [t.Build(), f.Build()];
    }
}
