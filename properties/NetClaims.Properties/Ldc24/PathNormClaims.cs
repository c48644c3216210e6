using NetClaims.Claims;
using NetClaims.Norms;
using NetClaims.Reports;

namespace NetClaims.Properties.Ldc24;

/// <summary>Path-norm facts of Liu–Dadi–Cevher (docs/ldc24.md §4 c, [DER]) on generated nets.</summary>
internal static class PathNormClaims
{
    static readonly Citation Source = new(Paper.Ldc, "path norm; docs/ldc24.md §4 a, c", "network and path norm [SEED/REC]; the checked facts [DER]");

    static bool Close(double u, double v) => Math.Abs(u - v) <= 1e-12 * (1 + Math.Abs(u) + Math.Abs(v));

    // ---- rescaling ----

    static readonly ClaimId RescaleId = new("ldc24.s4.path-norm-rescaling");

    static CaseResult Rescale(FloatNetCase c, CaseContext ctx)
    {
        var scaled = PathNorm.Rescaled(c.Net, c.Scales);
        ctx.Classify(c.Net.Width >= 3, "width ≥ 3");
        foreach (var x in c.Points)
            if (!Close(c.Net.Evaluate(x), scaled.Evaluate(x)))
                return CaseResult.Fail($"f changes at x = ({string.Join(", ", x)}): {c.Net.Evaluate(x):G17} → {scaled.Evaluate(x):G17}");
        double before = PathNorm.L1(c.Net), after = PathNorm.L1(scaled);
        // Tolerance 1e-12 relative: a few float products and sums of O(10) numbers.
        return CaseResult.Of(Close(before, after), $"‖θ‖_P = {before:G12} → {after:G12}");
    }

    public static Claim Rescaling { get; } = new(
        RescaleId, Source,
        "Positive per-unit rescaling (a_k, w̃_k) → (a_k/t_k, t_k·w̃_k), t_k ∈ [0.1, 10], leaves the function f_θ and the path norm ‖θ‖_P = Σ|a_k|‖(w_k, b_k)‖₁ unchanged (float, relative 1e-12; width ≤ 6, d ≤ 5).",
        EvidenceTier.Tolerance,
        s => Generated.ForAll(s, NetGen.Cases(biases: true), Rescale, new CheckOptions<FloatNetCase> { Show = c => c.ToString() }),
        _ => new ReportContent("exponent table of the paper's rates (computed)", Exponents()),
        new NegativeControl("The invariance extends to negative scales (t₁ < 0).",
            s => Generated.ForAll(s, NetGen.Cases(biases: true, negativeScale: true), Rescale, new CheckOptions<FloatNetCase> { Show = c => c.ToString() })));

    static ReportTable Exponents()
    {
        // docs/ldc24.md §4 c: entropy exponent 2d/(d+2) < 2 and rate exponent (d+2)/(2d+2) > 1/2.
        var t = new ReportTable.Builder("exponents").Column("d", CellRule.Exact).Column("entropy_2d_over_d_plus_2", CellRule.Rel(1e-12)).Column("rate_d_plus_2_over_2d_plus_2", CellRule.Rel(1e-12));
        foreach (var d in new[] { 5, 10, 20, 100 }) t.Row(d, 2.0 * d / (d + 2), (d + 2.0) / (2 * d + 2));
        return t.Build();
    }

    // ---- the bounds ----

    static readonly ClaimId BoundsId = new("ldc24.s4.path-norm-bounds");

    static CaseResult Bounds(FloatNetCase c, CaseContext ctx, bool l2)
    {
        var net = c.Net;
        double p = l2 ? PathNorm.L2(net) : PathNorm.L1(net);
        // With the bias as an appended input, ‖x̃‖_∞ = max(‖x‖_∞, 1) = 1 for these points (‖x‖_∞ ≤ 1).
        for (int i = 0; i < c.Points.Length; i++)
        {
            double f = net.Evaluate(c.Points[i]);
            if (Math.Abs(f) > p * (1 + 1e-12) + 1e-12) return CaseResult.Fail($"|f(x)| = {Math.Abs(f):G12} > ‖θ‖ = {p:G12} at x = ({string.Join(", ", c.Points[i])})");
            for (int j = i + 1; j < c.Points.Length; j++)
            {
                double dist = c.Points[i].Zip(c.Points[j], (u, v) => Math.Abs(u - v)).Max();
                double df = Math.Abs(f - net.Evaluate(c.Points[j]));
                if (df > p * dist * (1 + 1e-12) + 1e-12) return CaseResult.Fail($"|f(x) − f(x′)| = {df:G12} > ‖θ‖·‖x − x′‖_∞ = {p * dist:G12}");
            }
        }
        ctx.Classify(net.D >= 3, "d ≥ 3");
        return CaseResult.Pass($"‖θ‖ = {p:G6}");
    }

    public static Claim PathBounds { get; } = new(
        BoundsId, Source,
        "|f_θ(x)| ≤ ‖θ‖_P·‖x̃‖_∞ and |f_θ(x) − f_θ(x′)| ≤ ‖θ‖_P·‖x − x′‖_∞ for ‖x‖_∞ ≤ 1 (Hölder and σ 1-Lipschitz with σ(0) = 0; relative 1e-12).",
        EvidenceTier.Tolerance,
        s => Generated.ForAll(s, NetGen.Cases(biases: true), (c, ctx) => Bounds(c, ctx, false), new CheckOptions<FloatNetCase> { Show = c => c.ToString() }),
        _ => new ReportContent("path norms of a fixed net", Fixed()),
        new NegativeControl("The ℓ2 path norm Σ|a_k|‖w̃_k‖₂ bounds f in ‖·‖_∞ just as well.",
            s => Generated.ForAll(s, NetGen.Cases(biases: true), (c, ctx) => Bounds(c, ctx, true), new CheckOptions<FloatNetCase> { Show = c => c.ToString() })));

    static ReportTable Fixed()
    {
        // f(x) = 2σ(x₁ + x₂ − 0.5) − σ(x₁ − 1): ‖θ‖_P = 2·2.5 + 1·2 = 7 (hand), ℓ2: 2·√2.25 + √2 (hand).
        var net = new Networks.DenseTwoLayerRelu([[1, 1], [1, 0]], [-0.5, -1], [2, -1]);
        return new ReportTable.Builder("fixed").Column("norm", CellRule.Text).Column("value", CellRule.Rel(1e-12))
            .Row("path_l1", PathNorm.L1(net)).Row("path_l2", PathNorm.L2(net)).Row("squared_paths", PathNorm.Squared(net)).Build();
    }
}
