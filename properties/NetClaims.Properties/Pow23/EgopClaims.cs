using Hedgehog.Linq;
using MathNet.Numerics.LinearAlgebra;
using NetClaims.Claims;
using NetClaims.LinearLayers;
using NetClaims.Reports;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Properties.Pow23;

/// <summary>
/// EGOP and index rank (docs/pow23.md §3.5): the EGOP of f = aᵀσ(Wx+b)+c lives in rowspace(D_aW), and a network built
/// as g∘V (V of rank r) has EGOP rank r with top eigenvectors spanning range(Vᵀ). The EGOP is estimated from central
/// differences of the network's forward pass — never from the gradient formula Wᵀ(a ⊙ 1[·]), which lies in the row
/// space by algebra — on generated nets and on trained linear-layer students.
/// </summary>
internal static class EgopClaims
{
    /// <summary>A network given by its weights (the prediction) and its forward pass (what is measured).</summary>
    internal sealed record Net(Matrix<double> W, Vector<double> A, Vector<double> B, Matrix<double>? V, int Seed, string Kind = "generated", Func<double[], double>? Forward = null)
    {
        public int R => V?.RowCount ?? 0;

        public double Evaluate(double[] x) => Forward?.Invoke(x) ?? A.DotProduct((W * Vector<double>.Build.DenseOfArray(x) + B).PointwiseMaximum(0));

        public override string ToString() => $"{Kind} K={W.RowCount} d={W.ColumnCount}{(V is null ? "" : $" index rank {R}")} seed={Seed}";
    }

    // A trained student (L − 1 linear layers + ReLU, rank-1 or rank-2 teacher, seed 1: the nets of pow23.s3-8.trained-sandwich's
    // report): its virtual matrix and outputs predict, its layer-by-layer forward pass is measured.
    static Net Trained(RunCache? cache, int r, int l)
    {
        var s = TrainedLinearLayerClaims.Student(cache, r, l, 1);
        var layers = s.Net.Layers.Select(m => m.ToArray()).ToArray();
        double[] b = s.Net.B.ToArray(), a = s.Net.A.ToArray();
        double c = s.Net.C;
        // The trained layers applied one after another (plain arrays: the forward pass is called ~10⁶ times).
        double Forward(double[] x)
        {
            var h = x;
            foreach (var w in layers)
            {
                var next = new double[w.GetLength(0)];
                for (int i = 0; i < next.Length; i++)
                {
                    double t = 0;
                    for (int j = 0; j < h.Length; j++) t += w[i, j] * h[j];
                    next[i] = t;
                }
                h = next;
            }
            double y = c;
            for (int k = 0; k < h.Length; k++) y += a[k] * Math.Max(0, h[k] + b[k]);
            return y;
        }
        return new Net(s.Net.Virtual, s.Net.A, s.Net.B, null, 1, $"trained L={l} r={r}", Forward);
    }

    static readonly (int R, int L)[] TrainedCases = [(1, 2), (1, 3), (1, 4), (1, 5), (2, 2), (2, 3), (2, 4), (2, 5)];

    // Either a generic net (K ≤ 8, d ≤ 6, sometimes with K < d or a duplicated row: rank-deficient D_aW) or g∘V with
    // V an r×d block of a random orthogonal matrix (1 ≤ r < d).
    static Hedgehog.Gen<Net> Nets =>
        from kind in Gen.Int32(Range.Constant(0, 1))
        from k in Gen.Int32(Range.Constant(1, 8))
        from d in Gen.Int32(Range.Constant(2, 6))
        from r in Gen.Int32(Range.Constant(1, 5))
        from seed in Gen.Int32(Range.Constant(0, 1_000_000))
        select Make(kind, k, d, Math.Min(r, d - 1), seed);

    internal static Net Make(int kind, int k, int d, int r, int seed)
    {
        var rng = new Random(seed);
        double G() => BalancedFactorization.Gaussian(rng);
        var a = Vector<double>.Build.Dense(k, _ => G());
        var b = Vector<double>.Build.Dense(k, _ => 0.5 * G());
        if (kind == 1)
        {
            var v = BalancedFactorization.RandomOrthogonal(d, rng).SubMatrix(0, r, 0, d);
            return new Net(Matrix<double>.Build.Dense(k, r, (_, _) => G()) * v, a, b, v, seed);
        }
        var w = Matrix<double>.Build.Dense(k, d, (_, _) => G());
        if (k >= 2) w.SetRow(k - 1, w.Row(0) * 2);
        return new Net(w, a, b, null, seed);
    }

    static readonly ClaimId Id = new("pow23.s3-5.egop-rank");

    const int Samples = 4000;

    internal static CaseResult Check(Net n, CaseContext ctx, bool claimFullRank)
    {
        var e = Egop.EstimateByDifferences(n.Evaluate, n.W.ColumnCount, Samples, n.Seed);
        var da = Matrix<double>.Build.DenseOfMatrix(n.W);
        for (int k = 0; k < n.A.Count; k++) da.SetRow(k, n.W.Row(k) * n.A[k]);
        int rankDa = Schatten.Rank(da);
        double scale = e.C.FrobeniusNorm();
        ctx.Classify(rankDa < n.W.ColumnCount, "rank-deficient D_aW").Classify(n.V is not null, "g∘V").Classify(n.Forward is not null, "trained");
        if (scale == 0) return CaseResult.Pass("no unit is ever active on the box: C_f = 0");
        // range(C_f) ⊆ rowspace(D_aW): the part of C_f outside it vanishes (to rounding), whatever the samples. Central
        // differences are secant slopes Σ a_k c_k w_k (c_k ∈ [0, 1]), so they too lie in the row space up to rounding,
        // ≈ 1e-16·|f|/h = 1e-11·|f| per gradient, i.e. ≈ 1e-22 relative in C_f: 1e-10 is far above rounding.
        var svd = da.Svd(true);
        var rows = svd.VT.SubMatrix(0, rankDa, 0, n.W.ColumnCount).Transpose();
        var outside = Matrix<double>.Build.DenseIdentity(n.W.ColumnCount) - rows * rows.Transpose();
        double leak = (outside * e.C * outside).FrobeniusNorm() / scale;
        int rankC = e.EffectiveRank(1e-9);
        if (claimFullRank) return CaseResult.Of(rankC == n.W.ColumnCount, $"EGOP rank {rankC} of d = {n.W.ColumnCount}");
        if (leak > 1e-10 || rankC > rankDa) return CaseResult.Fail($"EGOP rank {rankC} > rank(D_aW) = {rankDa} or leaks {leak:G3} outside its row space");
        if (n.V is null) return CaseResult.Pass($"EGOP rank {rankC} ≤ rank(D_aW) = {rankDa}; leak {leak:G2}");
        // g∘V: rank r (when the net is not degenerate on the box) and top eigenvectors spanning range(Vᵀ).
        if (rankC < n.R) { ctx.Label("degenerate on the box"); return CaseResult.Pass($"EGOP rank {rankC} < r = {n.R}: some direction never fires"); }
        // The top-r eigenvectors move with the estimate's error E by sin θ ≤ ‖E‖/(λ_r − λ_{r+1}) (Davis–Kahan). Difference
        // gradients carry ≈ 1e-11 relative error (above), which enters C_f to first order: ‖E‖ ≲ 2e-11·λ_1. Allowing 50×
        // that, sin θ ≤ 1e-9·λ_1/(λ_r − λ_{r+1}) — about 1e-9 rad for a well-spread spectrum, while a wrong subspace has
        // sin θ of order 1. (A fixed 1e-6° failed at λ_r/λ_1 ≈ 1e-3 from rounding alone: run seed 323025812.)
        double gap = e.EigenValues[n.R - 1] - (n.R < e.EigenValues.Length ? e.EigenValues[n.R] : 0);
        double allowed = gap > 0 ? Math.Min(1, 1e-9 * e.EigenValues[0] / gap) : 1;
        double angle = Egop.PrincipalAngleDegrees(e.Top(n.R), n.V.Transpose());
        double sine = Math.Sin(angle * Math.PI / 180);
        ctx.Classify(allowed <= 1e-6, "angle bound ≤ 1e-6");
        return CaseResult.Of(rankC == n.R && sine <= allowed, $"EGOP rank {rankC} = r; principal angle {angle:G3}° (sin {sine:G3}, allowed {allowed:G3} = 1e-9·λ_1/(λ_r − λ_r+1))");
    }

    public static Claim EgopRank { get; } = new(
        Id, new Citation(Paper.Pow, "EGOP, index rank; docs/pow23.md §3.5", "EGOP definition [REC]; range(C_f) ⊆ rowspace(D_aW) and the g∘V facts [DER]; mixed-variation definition [DER]"),
        "For f = aᵀσ(Wx+b)+c and x ~ U[−1,1]^d, the EGOP C_f (Monte-Carlo, 4000 samples, gradients by central differences of the forward pass) has no component outside rowspace(D_aW) (so rank C_f ≤ rank D_aW) — on generated nets and on trained linear-layer students (D_aW of the virtual matrix); a network g∘V with V of rank r has EGOP rank r and its top r eigenvectors span range(Vᵀ) (sine of the principal angle ≤ 1e-9·λ_1/(λ_r − λ_{r+1}), the Davis–Kahan bound for the difference estimate's rounding).",
        EvidenceTier.Tolerance,
        s => Generated.All(
            () => Generated.ForEach(s, TrainedCases, (c, ctx) => Check(Trained(s.Cache, c.R, c.L), ctx, false), new CheckOptions<(int R, int L)> { Show = c => $"trained student r={c.R} L={c.L}" }),
            () => Generated.ForAll(s.WithTests(60), Nets, (n, ctx) => Check(n, ctx, false), new CheckOptions<Net> { Show = n => n.ToString(), Coverage = [new CoverageRequirement("g∘V", 0.25), new CoverageRequirement("rank-deficient D_aW", 0.2)] })),
        _ => new ReportContent("EGOP of the digest's index-rank-2 example (V 2×6, K = 10, 20 000 samples, seed 1)", Table())
            .WithNotes("digest [NUM]: eigenvalues (2.2238, 0.5250, 0, 0, 0, 0) for its own random draw; ours differ in the draw but not in the rank.",
                       "mixed_variation_S_q: ‖D_aW‖_{S_q} of this representation, an upper bound on MV(f; q) under the derived definition."),
        new NegativeControl("A generic ReLU network has a full-rank EGOP.",
            s => Generated.ForAll(s.WithTests(60), Nets, (n, ctx) => Check(n, ctx, true), new CheckOptions<Net> { Show = n => n.ToString() })));

    static ReportTable[] Table()
    {
        var rng = new Random(1);
        var v = BalancedFactorization.RandomOrthogonal(6, rng).SubMatrix(0, 2, 0, 6);
        var w = Matrix<double>.Build.Dense(10, 2, (_, _) => BalancedFactorization.Gaussian(rng)) * v;
        var a = Vector<double>.Build.Dense(10, _ => BalancedFactorization.Gaussian(rng));
        var b = Vector<double>.Build.Dense(10, _ => 0.5 * BalancedFactorization.Gaussian(rng));
        var net = new Net(w, a, b, null, 1);
        var e = Egop.EstimateByDifferences(net.Evaluate, 6, 20_000, 1);
        var t = new ReportTable.Builder("eigenvalues").Column("i", CellRule.Exact).Column("eigenvalue", CellRule.Abs(1e-9));
        for (int i = 0; i < e.EigenValues.Length; i++) t.Row(i + 1, e.EigenValues[i]);
        var s = new ReportTable.Builder("summary").Column("quantity", CellRule.Text).Column("value", CellRule.Within(new Tolerance(1e-9, 1e-9)))
            .Row("effective_rank_1e-9", e.EffectiveRank(1e-9))
            .Row("principal_angle_degrees_vs_Vt", Egop.PrincipalAngleDegrees(e.Top(2), v.Transpose()))
            .Row("frobenius_standard_error", e.StandardError)
            .Row("mixed_variation_S_1", Egop.MixedVariationOf(w, a, 1))
            .Row("mixed_variation_S_2/3", Egop.MixedVariationOf(w, a, 2.0 / 3));
        return [t.Build(), s.Build()];
    }
}
