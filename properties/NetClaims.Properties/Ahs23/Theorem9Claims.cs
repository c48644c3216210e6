using Hedgehog.Linq;
using NetClaims.Claims;
using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Networks;
using NetClaims.Norms;
using NetClaims.Reports;
using NetClaims.Statistics;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Properties.Ahs23;

/// <summary>
/// The ingredients of AHS Theorem 9 (THEOREMS.md §1.8): (i) a data-independent norm bound — g* interpolates every
/// sample set, so the VP value is at most 1/ρ_d; (ii) the norm-bounded class has Rademacher complexity
/// ≲ 2B(√d + √d)/√n, checked by Monte-Carlo on finite sets of random nets of cost B.
/// </summary>
internal static class Theorem9Claims
{
    static readonly Citation Source = new(Paper.Ahs, "Theorem 9; THEOREMS.md §1.8",
        "n = O(d³/ε²) with clipping [SRC:blog]; loss and δ details [UNSURE]; the two ingredients below are [DER]");

    // ---- (i) VP ≤ 1/ρ_d ----

    static readonly ClaimId VpId = new("ahs23.thm9.vp-bound");

    static Hedgehog.Gen<SampleSpec> SampleSets =>
        from d in Gen.Int32(Range.Constant(4, 12))
        from n in Gen.Int32(Range.Constant(1, 48))
        from seed in Gen.Int32(Range.Constant(0, 1_000_000))
        select new SampleSpec(d, n, seed);

    static CaseResult Vp(SampleSpec x, CaseContext ctx, bool falseVariant)
    {
        var d = new Dimension(x.D);
        var s = SampleSet.Random(x.D, x.N, x.Seed);
        var chi = s.WithParityLabels();
        var ev = new CubeEvaluator(AveragedRelu.Build(d));
        // g* on each sample, exactly: it must equal χ there, which makes g* a feasible point of the VP.
        bool feasible = Enumerable.Range(0, s.N).All(i => ev.ExactValue(chi.Points[i][0]).Equals(new Fractions.Fraction(chi.Labels[i])));
        double bound = 1 / NeuronCorrelation.Rho(d).ToDouble();
        double vpUpper = bound;
        bool distinct = chi.Points.Select(p => p[0]).Distinct().Count() == s.N;
        if (distinct)
        {
            vpUpper = Math.Min(vpUpper, Memorizers.OnePerSample(chi).Cost);
            ctx.Classify(vpUpper < bound, "a memoriser beats g*");
        }
        ctx.Classify(x.N >= 2 * x.D, "n ≥ 2d");
        if (!feasible) return CaseResult.Fail("g* does not interpolate the samples");
        return falseVariant
            ? CaseResult.Of(vpUpper > bound, $"VP ≤ {vpUpper:G8}, 1/ρ_d = {bound:G8}")
            : CaseResult.Pass($"g* interpolates all {s.N} samples: VP ≤ 1/ρ_d = {bound:G8}; best construction {vpUpper:G8}");
    }

    public static Claim VpBound { get; } = new(
        VpId, Source,
        "For every set of samples labelled by χ, the minimum-R-norm interpolant of the samples costs at most 1/ρ_d: g* interpolates all of {±1}^d (checked exactly on the samples, 4 ≤ d ≤ 12, n ≤ 48).",
        EvidenceTier.Exact,
        s => Generated.ForAll(VpId, "check", SampleSets, s, (x, ctx) => Vp(x, ctx, false),
            new CheckOptions<SampleSpec> { Show = x => x.ToString(), Coverage = [new CoverageRequirement("a memoriser beats g*", 0.1)] }),
        _ => new ReportContent("1/ρ_d, the data-independent bound, against a memoriser of n = d samples", VpTable()),
        new NegativeControl("Some sample set forces the VP value above 1/ρ_d.",
            s => Generated.ForAll(VpId, "negative", SampleSets, s, (x, ctx) => Vp(x, ctx, true), new CheckOptions<SampleSpec> { Show = x => x.ToString() })));

    static ReportTable VpTable()
    {
        var t = new ReportTable.Builder("vp").Column("d", CellRule.Exact).Column("1/rho_d", CellRule.Rel(1e-12)).Column("one_per_sample_n=d", CellRule.Rel(1e-9));
        foreach (var d in new[] { 8, 10, 12, 16 })
        {
            var s = SampleSet.Random(d, d, 1);
            t.Row(d, 1 / NeuronCorrelation.Rho(new Dimension(d)).ToDouble(), Memorizers.OnePerSample(s).Cost);
        }
        return t.Build();
    }

    // ---- (ii) Rademacher complexity of the norm ball ----

    static readonly ClaimId RadId = new("ahs23.thm9.rademacher");

    const double B = 1.0;
    const int Nets = 60, Width = 8, Draws = 200;

    static Hedgehog.Gen<SampleSpec> RadCases =>
        from d in Gen.Int32(Range.Constant(4, 16))
        from n in Gen.Int32(Range.Constant(32, 512))
        from seed in Gen.Int32(Range.Constant(0, 1_000_000))
        select new SampleSpec(d, n, seed);

    // K random nets of cost exactly B: unit-norm w, |b| ≤ √d, |u_k| = B/Width with random signs, evaluated on n cube samples.
    static (double Mean, double StdErr) Estimate(SampleSpec x)
    {
        var rng = new Random(x.Seed);
        var s = SampleSet.Random(x.D, x.N, x.Seed);
        var points = Enumerable.Range(0, s.N).Select(s.Vector).ToArray();
        var outputs = new double[Nets][];
        for (int k = 0; k < Nets; k++)
        {
            var units = Enumerable.Range(0, Width).Select(_ =>
            {
                var w = Enumerable.Range(0, x.D).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
                double norm = Math.Sqrt(w.Sum(v => v * v));
                return (W: w.Select(v => v / norm).ToArray(), Bias: (rng.NextDouble() * 2 - 1) * Math.Sqrt(x.D), U: (rng.Next(2) == 0 ? -1 : 1) * B / Width);
            }).ToArray();
            outputs[k] = points.Select(p => units.Sum(u => u.U * Math.Max(0, System.Numerics.Tensors.TensorPrimitives.Dot<double>(u.W, p) + u.Bias))).ToArray();
        }
        return Rademacher.Estimate(outputs, Draws, rng);
    }

    static CaseResult Rad(SampleSpec x, CaseContext ctx, Func<SampleSpec, double> bound, bool upper)
    {
        var (mean, se) = Estimate(x);
        if (double.IsNaN(mean)) return CaseResult.Fail("Rademacher estimate is NaN");
        double b = bound(x);
        ctx.Target(mean / b).Classify(x.N >= 256, "n ≥ 256");
        // 3 standard errors: a one-sided 99.9% margin for the Monte-Carlo noise of the estimate.
        return upper
            ? CaseResult.Of(mean + 3 * se <= b, $"estimate {mean:G6} ± {se:G3}, bound {b:G6}")
            : CaseResult.Of(mean - 3 * se <= b, $"estimate {mean:G6} ± {se:G3}, bound {b:G6}");
    }

    static double NormBound(SampleSpec x) => 2 * B * (Math.Sqrt(x.D) + Math.Sqrt(x.D)) / Math.Sqrt(x.N);

    public static Claim RademacherBound { get; } = new(
        RadId, Source,
        "On n cube samples, finite sets of random ReLU nets of cost C(g) = B with |b| ≤ √d have Monte-Carlo Rademacher complexity (+3 standard errors) below 2B(√d + √d)/√n (4 ≤ d ≤ 16, 32 ≤ n ≤ 512).",
        EvidenceTier.Statistical,
        s => Generated.ForAll(RadId, "check", RadCases, s.WithTests(40), (x, ctx) => Rad(x, ctx, NormBound, true),
            new CheckOptions<SampleSpec> { Show = x => x.ToString(), ScoreName = "estimate / bound", Coverage = [new CoverageRequirement("n ≥ 256", 0.2)] }),
        _ => new ReportContent("Monte-Carlo Rademacher estimates (seed 1) against the norm bound", RadTable())
            .WithNotes("estimate: mean over 200 sign draws of sup over 60 random nets of cost 1; se: its standard error. Deterministic for the fixed seed."),
        new NegativeControl("The norm-bounded class has Rademacher complexity O(B/n) (a 1/n rate, not 1/√n).",
            s => Generated.ForAll(RadId, "negative", RadCases, s.WithTests(40), (x, ctx) => Rad(x, ctx, y => B / y.N, false),
                new CheckOptions<SampleSpec> { Show = x => x.ToString() })));

    static ReportTable RadTable()
    {
        var t = new ReportTable.Builder("rademacher").Column("case", CellRule.Text).Column("estimate", CellRule.Rel(1e-9))
            .Column("se", CellRule.Rel(1e-9)).Column("bound", CellRule.Rel(1e-12));
        foreach (var (d, n) in new[] { (8, 64), (8, 256), (16, 64), (16, 256) })
        {
            var x = new SampleSpec(d, n, 1);
            var (mean, se) = Estimate(x);
            t.Row(x.ToString(), mean, se, NormBound(x));
        }
        return t.Build();
    }
}
