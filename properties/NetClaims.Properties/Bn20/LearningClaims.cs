using System.Globalization;
using Hedgehog.Linq;
using NetClaims.Claims;
using NetClaims.RandomFeatures;
using NetClaims.Reports;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Properties.Bn20;

/// <summary>Random-features least squares by gradient descent on the outer weights (docs/bn20.md §2.3 c).</summary>
internal static class LearningClaims
{
    static readonly ClaimId Id = new("bn20.s2-3.rf-gradient-descent");

    const int Steps = 400;

    internal sealed record Case(int N, int Features, double Kappa, int Seed)
    {
        public override string ToString() => $"n = {N}, N = {Features} features, η = {Kappa.ToString(CultureInfo.InvariantCulture)}·2/λ_max, seed {Seed}";
    }

    static Hedgehog.Gen<Case> Cases(int kLo, int kHi) =>
        from n in Gen.Int32(Range.Constant(5, 40))
        from f in Gen.Int32(Range.Constant(1, 90))
        from k in Gen.Int32(Range.Constant(kLo, kHi))
        from seed in Gen.Int32(Range.Constant(0, 100_000))
        select new Case(n, f, k / 100.0, seed);

    static CaseResult Check(Case c, CaseContext ctx)
    {
        var data = SphereData.Sample(c.N, 5, 0.0, c.Seed);
        var phi = FeatureLeastSquares.Features(data.X, c.Features, c.Seed + 1);
        var run = FeatureLeastSquares.Run(phi, data.Y, c.Kappa, Steps);
        ctx.Classify(c.Features >= c.N, "over-parameterised (N ≥ n)");
        if (run.Losses.Any(l => !double.IsFinite(l))) return CaseResult.Fail($"the loss is not finite (η = {run.StepSize:G4})");
        // Monotone: every step's loss ≤ the previous one's, allowing relative rounding 1e-12 (a loss of O(1) computed
        // from O(n·N) products has rounding ~1e-15; 1e-12 leaves room without hiding any real increase).
        // Plus an absolute 1e-15·L(0): once the loss has reached rounding level (an interpolating fit) it only jitters.
        int up = Enumerable.Range(1, Steps).FirstOrDefault(t => run.Losses[t] > run.Losses[t - 1] * (1 + 1e-12) + 1e-15 * run.Losses[0]);
        if (up > 0) return CaseResult.Fail($"the loss rose at step {up}: {run.Losses[up - 1]:G17} → {run.Losses[up]:G17}");
        // Linear convergence to the minimum-norm least-squares solution Φ⁺y (computed by SVD, an independent path):
        // ‖a_T − a*‖ ≤ q^T‖a*‖ (relative slack 1e-6 for rounding), and L(a_T) − L* ≤ ½λ_max‖a_T − a*‖² (+1e-12).
        double bound = Math.Pow(run.Contraction, Steps) * run.InitialDistance;
        bool close = run.FinalDistance <= bound * (1 + 1e-6) + 1e-9 * (1 + run.InitialDistance);
        double gap = run.Losses[^1] - run.MinLoss;
        bool lossOk = gap <= 0.5 * run.LambdaMax * run.FinalDistance * run.FinalDistance * (1 + 1e-6) + 1e-12;
        return CaseResult.Of(close && lossOk,
            $"loss {run.Losses[0]:G4} → {run.Losses[^1]:G6} (least squares {run.MinLoss:G6}); ‖a_T − a*‖ = {run.FinalDistance:G4} ≤ q^T‖a*‖ = {bound:G4} (q = {run.Contraction:G6}, rank {run.Rank})");
    }

    public static Claim GradientDescent { get; } = new(
        Id, new Citation(Paper.Bn, "learning low-degree polynomials; docs/bn20.md §2.3 c", "GD on the recombination weights [SRC:abs]; the convex least-squares facts [DER]"),
        "Gradient descent on the outer weights of a fixed random ReLU feature model from zero, with step η = κ·2/λ_max(ΦᵀΦ/n), κ ∈ [0.05, 0.99], never increases the loss and converges linearly to the minimum-norm least-squares solution: ‖a_T − a*‖ ≤ q^T‖a*‖, q = max(|1 − ηλ_min⁺|, |1 − ηλ_max|) (T = 400).",
        EvidenceTier.Tolerance,
        s => Generated.ForAll(s, Cases(5, 99), Check, new CheckOptions<Case> { Show = c => c.ToString(), Coverage = [new CoverageRequirement("over-parameterised (N ≥ n)", 0.2)] }),
        _ => new ReportContent("one run (n = 30, N = 60, κ = 0.9, seed 1)", Table()),
        new NegativeControl("The loss decreases monotonically for any step below 4/λ_max (κ ∈ [1.05, 1.95]).",
            s => Generated.ForAll(s, Cases(105, 195), Check, new CheckOptions<Case> { Show = c => c.ToString() })));

    static ReportTable Table()
    {
        var data = SphereData.Sample(30, 5, 0.0, 1);
        var run = FeatureLeastSquares.Run(FeatureLeastSquares.Features(data.X, 60, 2), data.Y, 0.9, Steps);
        var t = new ReportTable.Builder("gd").Column("step", CellRule.Exact).Column("loss", CellRule.Rel(1e-8));
        foreach (var k in new[] { 0, 1, 10, 100, Steps }) t.Row(k, run.Losses[k]);
        t.Row("least squares", run.MinLoss);
        return t.Build();
    }
}
