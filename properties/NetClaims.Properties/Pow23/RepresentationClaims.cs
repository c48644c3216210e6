using Hedgehog.Linq;
using MathNet.Numerics.LinearAlgebra;
using NetClaims.Claims;
using NetClaims.LinearLayers;
using NetClaims.Reports;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Properties.Pow23;

/// <summary>
/// Explicit deep representations (docs/pow23.md §3.3, §3.6): the Lemma's reduction to two layers (a deep net built from
/// the Φ_L-optimal scaling and a balanced factorisation computes the same function at cost Φ_L), the global-scale
/// identity, and the bounds on an index-rank-2 construction over L, with the projection onto the active subspace.
/// </summary>
internal static class RepresentationClaims
{
    internal sealed record Rep(Matrix<double> W, Vector<double> A, Vector<double> B, double C, int L, int Seed)
    {
        public override string ToString() =>
            $"L={L} K={W.RowCount} d={W.ColumnCount} seed={Seed}";
    }

    static Hedgehog.Gen<Rep> Reps =>
        from k in Gen.Int32(Range.Constant(1, 6))
        from d in Gen.Int32(Range.Constant(1, 5))
        from l in Gen.Int32(Range.Constant(2, 8))
        from seed in Gen.Int32(Range.Constant(0, 1_000_000))
        select Make(k, d, l, seed);

    static Rep Make(int k, int d, int l, int seed)
    {
        var rng = new Random(seed);
        double G() => BalancedFactorization.Gaussian(rng);
        return new Rep(Matrix<double>.Build.Dense(k, d, (_, _) => G()), Vector<double>.Build.Dense(k, _ => G()),
            Vector<double>.Build.Dense(k, _ => G()), G(), l, seed);
    }

    static readonly ClaimId LemmaId = new("pow23.s3-3.lemma-reduction");

    static CaseResult Lemma(Rep r, CaseContext ctx, bool unitScaling)
    {
        var phi = PhiL.Minimize(r.W, r.A.ToArray(), r.L);
        var s = unitScaling ? phi.Scales.Select(x => x == 0 ? 1 : x).ToArray() : Enumerable.Repeat(1.0, r.A.Count).ToArray();
        var deep = DeepLinearRelu.FromTwoLayer(r.W, r.A, r.B, r.C, r.L, s, r.Seed);
        var rng = new Random(r.Seed + 1);
        double worst = 0;
        for (int i = 0; i < 20; i++)
        {
            var x = Vector<double>.Build.Dense(r.W.ColumnCount, _ => 2 * rng.NextDouble() - 1);
            double two = r.A.DotProduct((r.W * x + r.B).PointwiseMaximum(0)) + r.C;
            worst = Math.Max(worst, Math.Abs(deep.Evaluate(x) - two) / (1 + Math.Abs(two)));
        }
        var (minimised, closed, first, second) = DeepLinearRelu.GlobalScale(r.W, r.A, r.L);
        ctx.Classify(r.L >= 4, "L ≥ 4").Classify(r.W.RowCount > r.W.ColumnCount, "K > d");
        bool sameFunction = worst <= 1e-9;
        bool costIsPhi = Math.Abs(deep.Cost - phi.Value) <= 1e-8 * (1 + phi.Value);
        bool scale = Math.Abs(minimised - closed) <= 1e-9 * (1 + closed) && Math.Abs(first - second) <= 1e-6 * (1 + first);
        return CaseResult.Of(sameFunction && costIsPhi && scale,
            $"max relative difference {worst:G2}; C_L = {deep.Cost:G10} vs Φ_L = {phi.Value:G10}; global scale: {minimised:G10} vs (‖a‖‖W‖_S)^(2/L) = {closed:G10}, terms {first:G6} / {second:G6}");
    }

    public static Claim LemmaReduction { get; } = new(
        LemmaId, new Citation(Paper.Pow, "Lemma (reduction to two layers); docs/pow23.md §3.3", "[SEED; DER]; the global-scale identity [DER]"),
        "For a two-layer representation (W, a, b, c) and L ≥ 2, the deep network built from the Φ_L-optimal per-unit scaling and a balanced factorisation of D_sW computes the same function (rel 1e-9 at 20 points) with cost C_L = Φ_L(W, a) (rel 1e-8); and min over a global scale of the cost equals (‖a‖₂‖W‖_{S_{2/(L−1)}})^{2/L}, the two terms being equal at the optimum.",
        EvidenceTier.Tolerance,
        s => Generated.ForAll(s.WithTests(60), Reps, (r, ctx) => Lemma(r, ctx, true), new CheckOptions<Rep> { Show = r => r.ToString(), Coverage = [new CoverageRequirement("L ≥ 4", 0.3)] }),
        _ => new ReportContent("is F(log s) convex? midpoint test on random pairs", ConvexityTable())
            .WithNotes("violations: pairs (t1, t2) with F((t1+t2)/2) > (F(t1)+F(t2))/2 + 1e-12·scale among 2000 random pairs per L (seeded); L = 2 is convex (separable). A violation count of 0 is evidence, not a proof, of convexity."),
        new NegativeControl("No per-unit rescaling is needed: balancing the factors of W alone (s = 1) already costs Φ_L.",
            s => Generated.ForAll(s.WithTests(60), Reps, (r, ctx) => Lemma(r, ctx, false), new CheckOptions<Rep> { Show = r => r.ToString() })));

    static ReportTable ConvexityTable()
    {
        var t = new ReportTable.Builder("convexity").Column("L", CellRule.Exact).Column("pairs", CellRule.Exact).Column("violations", CellRule.Exact);
        var rng = new Random(7);
        var w = Matrix<double>.Build.Dense(6, 4, (_, _) => BalancedFactorization.Gaussian(rng));
        var a = Enumerable.Range(0, 6).Select(_ => BalancedFactorization.Gaussian(rng)).ToArray();
        foreach (var l in new[] { 2, 3, 4, 6, 10 })
        {
            int violations = 0;
            for (int i = 0; i < 2000; i++)
            {
                var t1 = a.Select(_ => 3 * (2 * rng.NextDouble() - 1)).ToArray();
                var t2 = a.Select(_ => 3 * (2 * rng.NextDouble() - 1)).ToArray();
                double f1 = PhiL.Objective(w, a, l, t1), f2 = PhiL.Objective(w, a, l, t2);
                double fm = PhiL.Objective(w, a, l, t1.Zip(t2, (x, y) => (x + y) / 2).ToArray());
                if (fm > (f1 + f2) / 2 + 1e-12 * (1 + Math.Abs(f1) + Math.Abs(f2))) violations++;
            }
            t.Row(l, 2000, violations);
        }
        return t.Build();
    }

    // ---- §3.6 bounds over L on an index-rank-2 construction, and the projection onto the active subspace ----

    static readonly ClaimId LimitId = new("pow23.s3-6.bounds-over-l");

    static readonly int[] Ls = [2, 3, 4, 6, 8, 12, 16, 24, 32, 64];

    // f = g∘V with V (2×6, orthonormal rows), W = B·V (K = 10): index rank 2.
    static (Matrix<double> W, double[] A, Matrix<double> V) IndexRankTwo(int seed)
    {
        var rng = new Random(seed);
        var q = BalancedFactorization.RandomOrthogonal(6, rng);
        var v = q.SubMatrix(0, 2, 0, 6);
        var b = Matrix<double>.Build.Dense(10, 2, (_, _) => BalancedFactorization.Gaussian(rng));
        return (b * v, Enumerable.Range(0, 10).Select(_ => BalancedFactorization.Gaussian(rng)).ToArray(), v);
    }

    static CaseResult Limit(int seed, CaseContext ctx)
    {
        var (w, a, v) = IndexRankTwo(seed);
        double prevUpperGap = double.PositiveInfinity;
        foreach (var l in Ls)
        {
            var phi = PhiL.Minimize(w, a, l).Value;
            var b = PhiL.Bounds(w, a, l);
            double lower = Math.Max(b.LowerSchatten, b.LowerPath);
            if (phi < lower * (1 - 1e-6) || phi > b.Upper * (1 + 1e-6)) return CaseResult.Fail($"L={l}: Φ_L = {phi:G8} outside [{lower:G8}, {b.Upper:G8}]");
            double gap = Math.Abs(b.Upper - b.Rank);
            if (l >= 8 && gap > prevUpperGap * (1 + 1e-12)) return CaseResult.Fail($"L={l}: the upper bound moved away from rank {b.Rank}");
            if (l >= 8) prevUpperGap = gap;
        }
        // Projection onto the active subspace: rows w_k ↦ VᵀV w_k keep the function's rank ≤ 2 and never lengthen a row.
        var noisy = w + Matrix<double>.Build.Dense(w.RowCount, w.ColumnCount, (_, _) => 0.1 * BalancedFactorization.Gaussian(new Random(seed + 3)));
        var projected = noisy * v.Transpose() * v;
        bool shorter = Enumerable.Range(0, w.RowCount).All(k => projected.Row(k).L2Norm() <= noisy.Row(k).L2Norm() * (1 + 1e-12));
        ctx.Classify(Schatten.Rank(noisy) > 2, "noise raised the rank");
        return CaseResult.Of(shorter && Schatten.Rank(projected) <= 2, $"bounds hold for L = {string.Join(",", Ls)}; projected rank {Schatten.Rank(projected)}");
    }

    public static Claim BoundsOverL { get; } = new(
        LimitId, new Citation(Paper.Pow, "main theorem and the L → ∞ limit; docs/pow23.md §3.6", "sandwich [SEED]; proofs and the limit [DER]; paper's limit statement [REC]"),
        "For index-rank-2 representations (W = B·V, V 2×6 orthonormal, K = 10) the sandwich max(lower bounds) ≤ Φ_L ≤ rank^{(L−2)/L}·path^{2/L} holds for L = 2…64, the upper bound approaches the index rank as L grows, and projecting the rows onto the active subspace never lengthens them and caps the rank at 2.",
        EvidenceTier.Tolerance,
        s => Generated.ForAll(s.WithTests(10), Gen.Int32(Range.Constant(1, 1_000_000)), (seed, ctx) => Limit(seed, ctx), new CheckOptions<int> { Show = x => $"construction seed {x}" }),
        _ => new ReportContent("Φ_L and its bounds over L (index-rank-2 construction, seed 1; W = I_3, a = 1)", LimitTable())
            .WithPlot(new PlotSpec("bounds-over-L", "Φ_L and its bounds vs L (index rank 2)", "over_L", "L", ["phi", "lower_schatten", "lower_path", "upper"], LogLog: false)),
        new NegativeControl("R_L(f) ≤ R_2(f)^{2/L}: Φ_L never exceeds the path norm to the power 2/L.",
            s => Generated.ForAll(s.WithTests(10), Gen.Int32(Range.Constant(1, 1_000_000)), (seed, _) =>
            {
                var (w, a, _) = IndexRankTwo(seed);
                var phi = PhiL.Minimize(w, a, 4).Value;
                var b = PhiL.Bounds(w, a, 4);
                return CaseResult.Of(phi <= b.LowerPath * (1 + 1e-6), $"L=4: Φ_L = {phi:G8}, path^(2/L) = {b.LowerPath:G8}");
            }, new CheckOptions<int> { Show = x => $"construction seed {x}" })));

    static ReportTable LimitTable()
    {
        var (w, a, _) = IndexRankTwo(1);
        var t = new ReportTable.Builder("over_L").Column("L", CellRule.Exact).Column("phi", CellRule.Rel(1e-6)).Column("lower_schatten", CellRule.Rel(1e-9))
            .Column("lower_path", CellRule.Rel(1e-9)).Column("upper", CellRule.Rel(1e-9)).Column("identity_phi", CellRule.Rel(1e-6));
        var id = Matrix<double>.Build.DenseIdentity(3);
        foreach (var l in Ls)
        {
            var b = PhiL.Bounds(w, a, l);
            t.Row(l, PhiL.Minimize(w, a, l).Value, b.LowerSchatten, b.LowerPath, b.Upper, PhiL.Minimize(id, [1, 1, 1], l).Value);
        }
        return t.Build();
    }
}
