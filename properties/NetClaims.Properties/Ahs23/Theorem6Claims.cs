using Fractions;
using Hedgehog.Linq;
using NetClaims.Claims;
using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Exact;
using NetClaims.Networks;
using NetClaims.Norms;
using NetClaims.Reports;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Properties.Ahs23;

/// <summary>
/// AHS Theorem 6 (docs/ahs23.md §1.6) on generated networks, decided exactly: for every network g,
/// C(g)·ρ_d ≥ E[gχ] (so ‖g‖_R ≥ E[gχ]/ρ_d), and when ‖g − χ‖₂ ≤ 1/2 also C(g) ≥ d/16 and the sharp
/// C(g) ≥ (1 − ‖g − χ‖₂)/ρ_d. Networks: random small nets, perturbed g*, and scaled g* (near-tight).
/// </summary>
internal static class Theorem6Claims
{
    internal sealed record NetCase(string Kind, TwoLayerRelu Net)
    {
        public override string ToString() => $"{Kind} d={Net.Dim} width={Net.Width}";
    }

    static readonly ClaimId Id = new("ahs23.thm6.rnorm-vs-correlation");

    static readonly Citation Source = new(Paper.Ahs, "Theorem 6; docs/ahs23.md §1.6",
        "d/16 statement [SRC:blog]; the sharp (1 − ‖g−χ‖)/ρ_d and the correlation chain are [DER+NUM]");

    internal static Hedgehog.Gen<NetCase> Nets =>
        from kind in Gen.Int32(Range.Constant(0, 2))
        from d in Gen.Int32(Range.Constant(2, 8))
        from width in Gen.Int32(Range.Constant(0, 8))
        from ws in Gen.Int32(Range.Constant(0, -3, 3)).Array(Range.Singleton(8 * 8))
        from bs in Gen.Int32(Range.Constant(0, -8, 8)).Array(Range.Singleton(8))
        from us in Gen.Int32(Range.Constant(0, -40, 40)).Array(Range.Singleton(8))
        from seed in Gen.Int32(Range.Constant(0, 1_000_000))
        from c in Gen.Int32(Range.Constant(50, 150))
        select Build(kind, new Dimension(d), width, ws, bs, us, seed, c);

    // 0: random net (integer inner weights, biases k/4, outputs k/20); 1: g* with every output weight × (1 + k/200),
    // |k| ≤ 10; 2: c·g* with c = k/100 ∈ [1/2, 3/2] (then ‖g − χ‖₂ = |1 − c| ≤ 1/2).
    static NetCase Build(int kind, Dimension d, int width, int[] ws, int[] bs, int[] us, int seed, int c)
    {
        if (kind == 0)
        {
            var units = Enumerable.Range(0, width).Select(i => new ReluUnit(
                InnerWeight.Dense(ws.Skip(i * 8).Take(d.Value).ToArray()), new Fraction(bs[i], 4), new Fraction(us[i], 20))).ToArray();
            return new NetCase("random", new TwoLayerRelu(d, units));
        }
        var gstar = AveragedRelu.Build(d);
        if (kind == 2) return new NetCase($"{c}/100·g*", gstar.Scaled(new Fraction(c, 100)));
        var rng = new Random(seed);
        var perturbed = gstar.Units.Select(u => u with { Out = u.Out * new Fraction(200 + rng.Next(-10, 11), 200) }).ToArray();
        return new NetCase("perturbed g*", new TwoLayerRelu(d, perturbed));
    }

    static CaseResult Check(NetCase g, CaseContext ctx, Func<int, SurdSum> closeBound, string boundName)
    {
        int d = g.Net.Dim.Value;
        var cost = NetworkCost.Exact(g.Net);
        var (corr, sq) = new CubeEvaluator(g.Net).Moments(Parity.Full(g.Net.Dim));
        var rho = NeuronCorrelation.Rho(g.Net.Dim);
        ctx.Label(g.Kind.Contains("g*") ? (g.Kind.StartsWith("perturbed", StringComparison.Ordinal) ? "perturbed g*" : "scaled g*") : "random");
        // C(g)·ρ_d ≥ E[gχ]: certified comparison of surds.
        if (SurdOrder.Compare(cost * rho, SurdSum.Rational(corr)) < 0)
            return CaseResult.Fail($"C(g) = {cost} but E[gχ]/ρ_d = {corr}/{rho}: the correlation chain is violated");
        if (cost.ToDouble() > 0) ctx.Target(corr.ToDouble() / (cost.ToDouble() * rho.ToDouble()));
        if (sq > new Fraction(1, 4)) return CaseResult.Pass($"‖g−χ‖² = {sq} > 1/4; C(g)ρ_d ≥ E[gχ] = {corr}");
        ctx.Label("L2-close");
        var dist = Proofs.ExactTerms.Sqrt(sq); // ‖g − χ‖₂ = √(p/q) = √(pq)/q
        bool sharp = SurdOrder.Compare(cost * rho + dist, SurdSum.Rational(Fraction.One)) >= 0;
        bool claimed = SurdOrder.Compare(cost, closeBound(d)) >= 0;
        return CaseResult.Of(sharp && claimed,
            $"‖g−χ‖² = {sq}: C(g) = {cost} ≈ {cost.ToDouble():G8}; (1 − ‖g−χ‖)/ρ_d {(sharp ? "≤" : ">")} C(g); {boundName} = {closeBound(d)} {(claimed ? "≤" : ">")} C(g)");
    }

    static CheckOptions<NetCase> Options => new()
    {
        Show = g => g.ToString(),
        ScoreName = "E[gχ] / (ρ_d·C(g))",
        Coverage = [new CoverageRequirement("L2-close", 0.2), new CoverageRequirement("random", 0.2)],
    };

    public static Claim Theorem6 { get; } = new(
        Id, Source,
        "For every two-layer ReLU network g on {±1}^d: C(g) ≥ E[gχ]/ρ_d; and if ‖g − χ‖₂ ≤ 1/2 then C(g) ≥ (1 − ‖g − χ‖₂)/ρ_d ≥ d/16 — decided exactly on generated nets (random, perturbed and scaled g*, 2 ≤ d ≤ 8).",
        EvidenceTier.Certified,
        s => Generated.ForAll(s, Nets, (g, ctx) => Check(g, ctx, d => SurdSum.Rational(new Fraction(d, 16)), "d/16"), Options),
        s => new ReportContent("the correlation bound on the parity constructions", Table(s.Cache))
            .WithNotes("ratio = E[gχ]/(ρ_d·C(g)) ≤ 1; g* attains 1 (it is the minimum-norm interpolant), the sawtooth is furthest from it."),
        new NegativeControl("Any g with ‖g − χ‖₂ ≤ 1/2 has ‖g‖_R ≥ 3d.",
            s => Generated.ForAll(s, Nets, (g, ctx) => Check(g, ctx, d => SurdSum.Rational(new Fraction(3 * d)), "3d"), Options with { Coverage = [] })));

    static ReportTable Table(RunCache? cache)
    {
        var names = new[] { SawtoothRidge.Name, AveragedBlades.Name, AveragedBlades.HalfWidthName, AveragedRelu.Name };
        var t = new ReportTable.Builder("bound").Column("d", CellRule.Exact).Column("1/rho_d", CellRule.Rel(1e-12)).Column("d/16", CellRule.Exact);
        foreach (var n in names) t.Column($"ratio_{n}", CellRule.Rel(1e-12));
        for (int d = 2; d <= 12; d++)
        {
            var dim = new Dimension(d);
            var rho = NeuronCorrelation.Rho(dim);
            var cells = new List<object?> { d, 1 / rho.ToDouble(), new Fraction(d, 16) };
            foreach (var n in names)
            {
                var c = ConstructionCatalog.Get(n);
                var net = c.Build(dim);
                var (corr, _) = new CubeEvaluator(net).Moments(Parity.Full(dim));
                cells.Add(corr.ToDouble() / (Evaluations.Cost(cache, c, dim).CostDouble * rho.ToDouble()));
            }
            t.Row([.. cells]);
        }
        return t.Build();
    }
}
