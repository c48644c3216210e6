using Fractions;
using Hedgehog.Linq;
using NetClaims.Claims;
using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Networks;
using NetClaims.Norms;
using NetClaims.Reports;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Properties.Ahs23;

/// <summary>
/// AHS Theorem 5 (THEOREMS.md §1.5): sampling m = Õ(d^{3/2}/ε²) blades of the Theorem-4 average gives an ε-approximate
/// parity interpolant with R-norm O(d). Two claims: the cost of every sample is exactly 4√d|Q| (Exact), and with m from
/// the Bernstein formula the max error over the whole cube is ≤ ε with probability ≥ 1 − δ (Statistical).
/// </summary>
internal static class SampledBladesClaims
{
    const double Delta = 0.1;

    static readonly Citation Source = new(Paper.Ahs, "Theorem 5; THEOREMS.md §1.5",
        "width Õ(d^{3/2}/ε²) [SRC:blog]; the sampling construction and the Bernstein width formula are [DER+NUM]");

    internal sealed record Sample(int D, double Epsilon, int M, int Seed)
    {
        public override string ToString() => $"d={D} ε={Epsilon} m={M} seed={Seed}";
    }

    static CubeCheck Evaluate(Sample s) =>
        new CubeEvaluator(SampledBlades.Build(new Dimension(s.D), s.M, s.Seed)).Check(Parity.Full(new Dimension(s.D)));

    // ---- cost: exact for every sample ----

    static readonly ClaimId CostId = new("ahs23.thm5.sampled-blades.cost");

    static Hedgehog.Gen<Sample> CostSamples =>
        from d in Gen.Int32(Range.Constant(2, 12))
        from m in Gen.Int32(Range.Constant(1, 300))
        from seed in Gen.Int32(Range.Constant(0, 1_000_000))
        select new Sample(d, 0, m, seed);

    static CaseResult CostCase(Sample s, Func<Dimension, int, Fraction> factor)
    {
        var d = new Dimension(s.D);
        var cost = NetworkCost.Exact(SampledBlades.Build(d, s.M, s.Seed));
        var expected = Exact.SurdSum.Of(factor(d, s.M), d.Value);
        return CaseResult.Of(cost.Equals(expected), $"C(g_m) = {cost}, expected {expected}");
    }

    static Fraction FourAbsQ(Dimension d, int m) => 4 * Fraction.Abs(AveragedBlades.Q(d));

    public static Claim Cost { get; } = new(
        CostId, Source,
        "Every sampled network g_m = (Q/m)Σ_j χ(v_j)s(⟨v_j,x⟩−β), whatever its width m and its directions, costs exactly 4√d·|Q|, the cost of the full Theorem-4 average (2 ≤ d ≤ 12, 1 ≤ m ≤ 300).",
        EvidenceTier.Exact,
        s => Generated.ForAll(CostId, "check", CostSamples, s, (x, _) => CostCase(x, FourAbsQ), new CheckOptions<Sample> { Show = x => x.ToString() }),
        _ => new ReportContent("cost of sampled networks (seed 1) against 4√d|Q|", CostTable()),
        new NegativeControl("A sample of m of the 2^d blades costs the matching fraction of the average: C(g_m) = 4√d|Q|·m/2^d.",
            s => Generated.ForAll(CostId, "negative", CostSamples, s,
                (x, _) => CostCase(x, (d, m) => FourAbsQ(d, m) * new Fraction(m) / new Fraction(System.Numerics.BigInteger.One << d.Value)),
                new CheckOptions<Sample> { Show = x => x.ToString() })));

    static ReportTable CostTable()
    {
        var t = new ReportTable.Builder("cost").Column("d", CellRule.Exact).Column("m", CellRule.Exact)
            .Column("cost_exact", CellRule.Exact).Column("closed_form_4√d·abs(Q)", CellRule.Exact).Column("equal", CellRule.Exact);
        foreach (var d in new[] { 4, 8, 12 })
            foreach (var m in new[] { 1, 10, 100 })
            {
                var dim = new Dimension(d);
                var c = NetworkCost.Exact(SampledBlades.Build(dim, m, 1));
                var e = AveragedBlades.ClosedFormCost(dim);
                t.Row(d, m, c, e, c.Equals(e));
            }
        return t.Build();
    }

    // ---- approximation: P(max error ≤ ε) ≥ 1 − δ ----

    static readonly ClaimId ApproxId = new("ahs23.thm5.sampled-blades.approx");

    static Hedgehog.Gen<Sample> ApproxSamples(Func<Dimension, double, int> width, double[] epsilons) =>
        from d in Gen.Int32(Range.Constant(8, 12))
        from e in Gen.Int32(Range.Constant(0, epsilons.Length - 1))
        from seed in Gen.Int32(Range.Constant(0, 1_000_000))
        let eps = epsilons[e]
        select new Sample(d, eps, width(new Dimension(d), eps), seed);

    static CaseResult ApproxCase(Sample s, CaseContext ctx)
    {
        var check = Evaluate(s);
        double err = check.MaxAbsError.ToDouble();
        if (double.IsNaN(err)) return CaseResult.Fail("max error is NaN");
        ctx.Classify(err <= s.Epsilon, "within ε").Label($"ε={s.Epsilon}").Target(err / s.Epsilon);
        return CaseResult.Pass($"max_x |g_m − χ| = {err:G6} (ε = {s.Epsilon})");
    }

    static CheckOptions<Sample> ApproxOptions => new()
    {
        Show = x => x.ToString(),
        ScoreName = "max error / ε",
        Coverage = [new CoverageRequirement("within ε", 1 - Delta, 0.95)],
    };

    public static Claim Approx { get; } = new(
        ApproxId, Source,
        "With m = ⌈2(|Q|−1+(|Q|+1)ε/3)(d ln 2 + ln(2/δ))/ε²⌉ sampled blades, max_x |g_m(x) − χ(x)| ≤ ε over the whole cube with probability ≥ 1 − δ, δ = 0.1 (d ∈ [8, 12], ε ∈ {1/2, 1/4}; the frequency of 'within ε' must not be significantly below 0.9 at 95% confidence).",
        EvidenceTier.Statistical,
        s => Generated.ForAll(ApproxId, "check", ApproxSamples((d, e) => SampledBlades.BernsteinWidth(d, e, Delta), [0.5, 0.25]), s, ApproxCase, ApproxOptions),
        _ => new ReportContent("max error over the cube for 20 seeds per (d, ε), exact arithmetic", ApproxTable())
            .WithNotes("max errors are exact rationals printed as doubles; the same seeds 1–20 every run, so the table is deterministic.",
                       "failures: seeds whose max error exceeds ε; the digest saw none in 120 runs [NUM]."),
        new NegativeControl("m = O(d) blades suffice: with m = 5d, max error ≤ 1/4 with probability ≥ 0.9.",
            s => Generated.ForAll(ApproxId, "negative", ApproxSamples((d, _) => 5 * d.Value, [0.25]), s, ApproxCase, ApproxOptions)));

    static ReportTable ApproxTable()
    {
        var t = new ReportTable.Builder("approx").Column("config", CellRule.Text).Column("m", CellRule.Exact)
            .Column("median_max_error", CellRule.Rel(1e-9)).Column("worst_max_error", CellRule.Rel(1e-9)).Column("failures_of_20", CellRule.Exact);
        foreach (var d in new[] { 8, 10, 12 })
            foreach (var eps in new[] { 0.5, 0.25 })
            {
                int m = SampledBlades.BernsteinWidth(new Dimension(d), eps, Delta);
                var errs = Enumerable.Range(1, 20).Select(seed => Evaluate(new Sample(d, eps, m, seed)).MaxAbsError.ToDouble()).Order().ToArray();
                t.Row($"d={d} ε={eps}", m, (errs[9] + errs[10]) / 2, errs[^1], errs.Count(e => e > eps));
            }
        return t.Build();
    }
}
