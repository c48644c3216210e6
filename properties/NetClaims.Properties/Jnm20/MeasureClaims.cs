using NetClaims.Claims;
using NetClaims.Networks;
using NetClaims.Norms;
using NetClaims.Reports;

namespace NetClaims.Properties.Jnm20;

/// <summary>The checkable identities behind Jiang et al.'s capacity measures (docs/jnm20.md §6, [DER]) on generated nets.</summary>
internal static class MeasureClaims
{
    static readonly Citation Source = new(Paper.Jnm, "measure definitions; docs/jnm20.md §6", "definitions [REC]; identities [DER]");

    // ---- Euler ----

    static readonly ClaimId EulerId = new("jnm20.s6.euler-identity");

    static CaseResult Euler(FloatNetCase c, CaseContext ctx)
    {
        var net = c.Net;
        foreach (var x in c.Points)
        {
            double f = net.Evaluate(x), inner = CapacityMeasures.EulerInner(net, x);
            // Independent path: d/dt f((1 + t)·(W, a)) at t = 0 by central differences (biases held fixed), h = 1e-6;
            // f is piecewise quadratic in t, so the difference is exact up to rounding unless a kink lies within h.
            double h = 1e-6;
            DenseTwoLayerRelu Scaled(double s) => new(net.W.Select(w => w.Select(v => v * s).ToArray()).ToArray(), net.B, net.A.Select(v => v * s).ToArray(), net.C);
            double fd = (Scaled(1 + h).Evaluate(x) - Scaled(1 - h).Evaluate(x)) / (2 * h);
            if (Math.Abs(fd - inner) > 1e-6 * (1 + Math.Abs(inner))) return CaseResult.Fail($"⟨w, ∇_w f⟩ = {inner:G12} but the directional difference is {fd:G12}");
            if (Math.Abs(inner - 2 * f) > 1e-12 * (1 + Math.Abs(f))) return CaseResult.Fail($"⟨w, ∇_w f⟩ = {inner:G12} ≠ 2f = {2 * f:G12} at x = ({string.Join(", ", x)})");
        }
        ctx.Classify(net.B.Any(b => b != 0), "has biases");
        return CaseResult.Pass("⟨w, ∇_w f⟩ = 2f at every point");
    }

    public static Claim EulerIdentity { get; } = new(
        EulerId, Source,
        "A bias-free two-layer ReLU net is positively 2-homogeneous in its weights: ⟨w, ∇_w f(x)⟩ = 2f(x) (hand gradient, relative 1e-12; cross-checked against a central difference along the weights, 1e-6).",
        EvidenceTier.Tolerance,
        s => Generated.ForAll(s, NetGen.Cases(biases: false), Euler, new CheckOptions<FloatNetCase> { Show = c => c.ToString() }),
        _ => new ReportContent("Fisher–Rao normalisation", new ReportTable.Builder("convention").Column("weight_layers_D", CellRule.Exact).Column("fisher_rao_factor", CellRule.Exact)
            .Row(2, 9).Build()).WithNotes("Fisher–Rao uses ((D+1)²/m)Σ⟨w, ∇_wℓ⟩² (Liang et al.'s convention [REC]); here D = 2 weight layers, so the factor is 9."),
        new NegativeControl("The identity survives hidden biases (not counted as weights).",
            s => Generated.ForAll(s, NetGen.Cases(biases: true), Euler, new CheckOptions<FloatNetCase> { Show = c => c.ToString() })));

    // ---- invariance and the spectral sanity inequality ----

    static readonly ClaimId InvarianceId = new("jnm20.s6.measure-invariance");

    static CaseResult Invariance(FloatNetCase c, CaseContext ctx, bool frobenius)
    {
        var net = c.Net;
        var scaled = PathNorm.Rescaled(net, c.Scales);
        var empty = Array.Empty<double[]>();
        if (net.A.All(a => a == 0) || net.W.All(w => w.All(v => v == 0))) return CaseResult.Pass("zero network: measures are degenerate");
        var before = CapacityMeasures.Of(net, net, empty, []);
        var after = CapacityMeasures.Of(scaled, net, empty, []);
        if (frobenius) return CaseResult.Of(Math.Abs(before.LogProdFrobenius - after.LogProdFrobenius) <= 1e-12 * (1 + Math.Abs(before.LogProdFrobenius)),
            $"log ∏‖W_i‖_F² = {before.LogProdFrobenius:G12} → {after.LogProdFrobenius:G12}");
        bool pathOk = Math.Abs(before.PathNorm - after.PathNorm) <= 1e-12 * (1 + before.PathNorm);
        // Spectral sanity: Σ_j ‖W_j‖_F²/‖W_j‖₂² ≥ D = 2, i.e. spec ≥ log(2·∏‖W_j‖₂²) (each ratio ≥ 1).
        double floor = CapacityMeasures.SpectralFloor(net);
        bool specOk = before.SpectralComplexity >= floor - 1e-12 * (1 + Math.Abs(floor));
        ctx.Classify(c.Scales.Any(t => Math.Abs(t - 1) > 0.5), "a scale far from 1");
        return CaseResult.Of(pathOk && specOk, $"path.norm {before.PathNorm:G12} → {after.PathNorm:G12}; spec {before.SpectralComplexity:G8} ≥ {floor:G8}");
    }

    public static Claim MeasureInvariance { get; } = new(
        InvarianceId, Source,
        "path.norm (every weight squared, all-ones input: Σ_k a_k²(‖w_k‖² + b_k²)) is invariant under positive per-unit rescaling (relative 1e-12), and the spectral complexity satisfies Σ_j ‖W_j‖_F²/‖W_j‖₂² ≥ D, i.e. spec ≥ log(D·∏‖W_j‖₂²) (D = 2, no margin).",
        EvidenceTier.Tolerance,
        s => Generated.ForAll(s, NetGen.Cases(biases: true), (c, ctx) => Invariance(c, ctx, false), new CheckOptions<FloatNetCase> { Show = c => c.ToString() }),
        _ => new ReportContent("measures of a fixed net and its rescaling by t = (2, 0.5)", Fixed()),
        new NegativeControl("The Frobenius product log ∏‖W_i‖_F² is rescaling-invariant too.",
            s => Generated.ForAll(s, NetGen.Cases(biases: true), (c, ctx) => Invariance(c, ctx, true), new CheckOptions<FloatNetCase> { Show = c => c.ToString() })));

    static ReportTable Fixed()
    {
        var net = new DenseTwoLayerRelu([[1, 1], [1, 0]], [-0.5, -1], [2, -1]);
        var scaled = PathNorm.Rescaled(net, [2, 0.5]);
        var t = new ReportTable.Builder("measures").Column("net", CellRule.Text).Column("log_prod_frobenius", CellRule.Rel(1e-12)).Column("spectral", CellRule.Rel(1e-12)).Column("path_norm", CellRule.Rel(1e-12));
        foreach (var (name, n) in new[] { ("original", net), ("rescaled", scaled) })
        {
            var m = CapacityMeasures.Of(n, net, [], []);
            t.Row(name, m.LogProdFrobenius, m.SpectralComplexity, m.PathNorm);
        }
        return t.Build();
    }
}
