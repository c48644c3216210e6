using System.Collections.Concurrent;
using System.Globalization;
using Hedgehog.Linq;
using NetClaims.Claims;
using NetClaims.Reports;
using NetClaims.Statistics;
using NetClaims.Training;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Properties.Zlc24;

/// <summary>
/// Gradient descent on teacher–student ReLU networks (docs/zlc24.md §5): the closed-form Gaussian kernel, the T⁻³ rate of
/// the over-parameterised student, exponential convergence at m = k, and the end state (alignment, groups summing to
/// their teacher). Setting of the digest: d = 4, teachers e₁, e₂, W₀ = 1e-3·N(0, I), η = 0.1.
/// </summary>
internal static class TeacherStudentClaims
{
    static string G(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    // ---- the kernel ----

    static readonly ClaimId KernelId = new("zlc24.s5.kernel");

    internal sealed record Pair(double[] U, double[] V, int Seed)
    {
        public override string ToString() => $"u = ({string.Join(", ", U)}), v = ({string.Join(", ", V)})";
    }

    static Hedgehog.Gen<Pair> Pairs =>
        from d in Gen.Int32(Range.Constant(2, 8))
        from u in Gen.Int32(Range.Constant(0, -20, 20)).Array(Range.Singleton(d))
        from v in Gen.Int32(Range.Constant(0, -20, 20)).Array(Range.Singleton(d))
        from seed in Gen.Int32(Range.Constant(0, 100_000))
        where u.Any(t => t != 0) && v.Any(t => t != 0)
        select new Pair(u.Select(t => t / 10.0).ToArray(), v.Select(t => t / 10.0).ToArray(), seed);

    static CaseResult KernelCase(Pair p, double denominator)
    {
        double k = TeacherStudent.Kappa(p.U, p.V, denominator);
        var (mc, se) = TeacherStudent.KappaMonteCarlo(p.U, p.V, 20_000, p.Seed);
        // 5.5 standard errors of a 20 000-sample mean (plus 1e-12 for κ = 0 exactly, e.g. opposite vectors): two-sided
        // normal tail 3.8e-8 per case, so 100 cases stay within the per-claim false-failure budget 2.5e-5.
        if (Math.Abs(k - mc) > 5.5 * se + 1e-12) return CaseResult.Fail($"κ = {G(k)} but Monte Carlo gives {G(mc)} ± {G(se)}");
        // The gradient against central differences (h = 1e-6; κ is smooth away from u = 0; tolerance 1e-6·(1 + |g|)).
        var g = new double[p.U.Length];
        TeacherStudent.AddGradKappa(p.U, p.V, 1, g);
        for (int i = 0; i < g.Length; i++)
        {
            var up = (double[])p.U.Clone(); up[i] += 1e-6;
            var dn = (double[])p.U.Clone(); dn[i] -= 1e-6;
            double fd = (TeacherStudent.Kappa(up, p.V, denominator) - TeacherStudent.Kappa(dn, p.V, denominator)) / 2e-6;
            if (Math.Abs(fd - g[i]) > 1e-6 * (1 + Math.Abs(g[i])) && Math.Abs(TeacherStudent.Cosine(p.U, p.V)) < 1 - 1e-9)
                return CaseResult.Fail($"∂κ/∂u_{i} = {G(g[i])} but central differences give {G(fd)}");
        }
        return CaseResult.Pass($"κ = {G(k)}, Monte Carlo {G(mc)} ± {G(se)}");
    }

    public static Claim Kernel { get; } = new(
        KernelId, new Citation(Paper.Zlc, "closed forms; docs/zlc24.md §5 b", "arc-cosine kernel and gradient [REC+NUM]"),
        "κ(u,v) = E σ(⟨u,x⟩)σ(⟨v,x⟩) = ‖u‖‖v‖(sin θ + (π − θ)cos θ)/(2π) for x ~ N(0, I_d) (within 5.5 standard errors of a 20 000-sample Monte Carlo), and ∇_uκ = ((π − θ)v + ‖v‖ sin θ·u/‖u‖)/(2π) matches central differences within 1e-6 (d = 2…8, entries in [−2, 2]).",
        EvidenceTier.Statistical,
        s => Generated.ForAll(s, Pairs, (p, _) => KernelCase(p, 2 * Math.PI), new CheckOptions<Pair> { Show = p => p.ToString() }),
        _ => new ReportContent("special values (closed form)", SpecialValues()),
        new NegativeControl("The kernel's constant is 1/π: κ = ‖u‖‖v‖(sin θ + (π − θ)cos θ)/π.",
            s => Generated.ForAll(s, Pairs, (p, _) => KernelCase(p, Math.PI), new CheckOptions<Pair> { Show = p => p.ToString() })));

    static ReportTable SpecialValues()
    {
        double[] e1 = [1, 0, 0], e2 = [0, 1, 0], m1 = [-1, 0, 0], two = [2, 0, 0];
        return new ReportTable.Builder("kappa").Column("case", CellRule.Text).Column("kappa", CellRule.Abs(1e-12)).Column("expected", CellRule.Text)
            .Row("θ = 0, ‖u‖ = 2", TeacherStudent.Kappa(two, two), "‖u‖²/2 = 2")
            .Row("θ = π/2", TeacherStudent.Kappa(e1, e2), "1/(2π)")
            .Row("θ = π", TeacherStudent.Kappa(e1, m1), "0").Build();
    }

    // ---- gradient descent ----

    const int D = 4, K = 2;
    const double Eta = 0.1;

    // One GD run per (m, init seed, steps) per run of the harness: the check, the negative control and the report share it.
    internal static TeacherStudentRun Run(RunCache? cache, int m, int seed, long steps) =>
        RunCache.Memo(cache, ("zlc24.gd", m, seed, steps), () => TeacherStudent.Run(D, m, K, Eta, steps, seed));

    internal sealed record Over(int M, int Seed)
    {
        public override string ToString() => $"m = {M}, init seed {Seed}";
    }

    static Hedgehog.Gen<Over> OverParameterised =>
        from m in Gen.Int32(Range.Constant(4, 6))
        from seed in Gen.Int32(Range.Constant(0, 10_000))
        select new Over(m, seed);

    static readonly ClaimId RateId = new("zlc24.s5.rate");

    // One over-parameterised run per gate run: m = 4, 5 or 6 and the init seed, both from the data seed.
    internal static Over OverFor(int seed) => new(4 + seed % 3, seed);

    // [−3.3, −2.5]: the slope over [3·10⁴, 10⁵] never falls below −3.01 in the pilot
    // (`netclaims sweep --pilot --seeds 100 --claim zlc24.s5.rate`), but slowly aligning inits are still pre-asymptotic
    // there: a tail towards −2.8 that loses about a factor 3 of frequency per 0.05 (6.5% beyond −2.9, 2.2% beyond −2.85,
    // none beyond −2.80), so a true claim leaves the band with probability ≈ 1e-5. Linear convergence makes log L fall
    // linearly in T, so its log-log slope over a decade keeps steepening past −5: the false variant's band.
    static readonly Band CubicBand = Pilots.Register(RateId.Value, "slope", -2.9742, 0.03639, 112, new Band(-3.3, -2.5, "T⁻³, pre-asymptotic tail allowed"), Band.AtMost(-5, "linear convergence"));

    static CaseResult RateCase(RunCache? cache, Over o, CaseContext ctx, bool linear)
    {
        var r = Run(cache, o.M, o.Seed, 100_000);
        var fit = TeacherStudent.Slope(r, 30_000, 100_000);
        ctx.Measure("slope", fit.Estimate);
        string detail = $"{o}: L(1e5) = {G(r.FinalLoss)}; log-log slope over T ∈ [3e4, 1e5] = {fit.Estimate:F3}";
        if (!double.IsFinite(fit.Estimate)) return CaseResult.Fail("non-finite slope: " + detail);
        return linear ? CaseResult.Of(fit.Estimate < -5, detail) : CaseResult.Of(CubicBand.Contains(fit.Estimate), detail);
    }

    public static Claim Rate { get; } = new(
        RateId, new Citation(Paper.Zlc, "main theorem; docs/zlc24.md §5 a, c", "O(T⁻³) [SRC:abs]; the assertion band [NUM]"),
        "Over-parameterised students (m = 4…6 > k = 2, d = 4, orthonormal teachers, W₀ = 1e-3·N(0, I), η = 0.1; one random initialisation per run) converge at T⁻³: the log-log slope of the population loss over T ∈ [3·10⁴, 10⁵] lies in [−3.3, −2.5] (never below −3.01 in the pilot sweep; the upper end leaves room for slowly aligning inits, which are still pre-asymptotic in this window).",
        EvidenceTier.Statistical,
        s => Generated.Statistic(s, OverFor, (o, ctx) => RateCase(s.Cache, o, ctx, false), new StatisticOptions { Show = x => OverFor(x).ToString() }),
        s => new ReportContent("population loss over GD steps (init seed 1)", CurveTable(s.Cache))
            .WithPlot(new PlotSpec("loss-curves", "population loss vs T for m = 2, 4, 6 (log-log)", "curves", "T", ["m2", "m4", "m6"], LogLog: true)),
        new NegativeControl("Over-parameterised GD converges linearly (exponentially fast).",
            s => Generated.Statistic(s, OverFor, (o, ctx) => RateCase(s.Cache, o, ctx, true), new StatisticOptions { Show = x => OverFor(x).ToString() })));

    static ReportTable[] CurveTable(RunCache? cache)
    {
        long[] ts = [10, 100, 1000, 10_000, 30_000, 100_000];
        var runs = new[] { 2, 4, 6 }.Select(m => Run(cache, m, 1, 100_000)).ToArray();
        double At(TeacherStudentRun r, long t) => r.Curve.Where(p => p.Step <= t).MaxBy(p => p.Step).Loss;
        var c = new ReportTable.Builder("curves").Column("T", CellRule.Exact).Column("m2", CellRule.Rel(1e-6)).Column("m4", CellRule.Rel(1e-6)).Column("m6", CellRule.Rel(1e-6));
        foreach (var t in ts) c.Row(t, At(runs[0], t), At(runs[1], t), At(runs[2], t));
        var s = new ReportTable.Builder("slopes").Column("m", CellRule.Exact).Column("slope_3e4_1e5", CellRule.Rel(1e-6));
        foreach (var (m, r) in new[] { (4, runs[1]), (6, runs[2]) }) s.Row(m, TeacherStudent.Slope(r, 30_000, 100_000).Estimate);
        return [c.Build(), s.Build()];
    }

    // ---- m = k ----

    static readonly ClaimId ExactId = new("zlc24.s5.exact-parameterization");

    // 10⁶ (exponential) vs 10³ (what T⁻³ allows) is the claim's own threshold; the pilot sweep
    // (`netclaims sweep --pilot --seeds 100 --claim zlc24.s5.exact-parameterization`) confirms its false-failure rate.
    static readonly Band ExponentialBand = Pilots.Register(ExactId.Value, "log10 L(1000)/L(100)", -8.8139, 0.5354, 111, Band.AtMost(-6, "a drop of more than 10⁶"), Band.AtLeast(-4, "T⁻³ allows 10⁻³, the false variant 10⁻⁴"));

    // The closed-form loss is a sum of (m + k)² = 16 kernel terms of size ≤ 1 that cancel at the optimum, so its rounding
    // is ≲ 16·2.2e-16 ≈ 4e-15 and a computed loss below 1e-14 (it can come out 0, or negative) is indistinguishable from
    // 0: it is read as 1e-14. (Run seed 13 of the gate sweep hit L(1000) = 0 exactly, and log10 0 = −∞ failed the case.)
    const double LossRoundingFloor = 1e-14;

    static CaseResult ExactCase(RunCache? cache, int seed, CaseContext ctx, bool cubic)
    {
        var r = Run(cache, K, seed, 1000);
        double l100 = Math.Max(LossRoundingFloor, r.Curve.Where(p => p.Step <= 100).MaxBy(p => p.Step).Loss);
        double l1000 = Math.Max(LossRoundingFloor, r.FinalLoss);
        ctx.Measure("log10 L(1000)/L(100)", Math.Log10(l1000 / l100));
        string detail = $"init seed {seed}: L(100) = {G(l100)}, L(1000) = {G(r.FinalLoss)}{(r.FinalLoss < LossRoundingFloor ? $" (below rounding, read as {LossRoundingFloor:G1})" : "")}";
        // T⁻³ from T = 100 to 1000 would leave L(1000) ≈ L(100)·10⁻³; exponential convergence drops it by more than 10⁶
        // (the digest's run: 5.4e-4 → 3.5e-13; over random inits L(1000) ranged 3e-12…1.4e-10 with L(100) ~ 1e-3…1e-2).
        return cubic ? CaseResult.Of(l1000 >= 1e-4 * l100, detail) : CaseResult.Of(l1000 < 1e-6 * l100, detail);
    }

    public static Claim Exact { get; } = new(
        ExactId, new Citation(Paper.Zlc, "docs/zlc24.md §5 a, c", "exact parameterisation converges fast [SRC:abs, via Xu–Du]; the threshold [NUM]"),
        "With m = k = 2 (exact parameterisation; d = 4, η = 0.1, W₀ = 1e-3·N(0, I); three random initialisations per run) the population loss falls by more than 10⁶ from T = 100 to T = 1000 (T⁻³ would allow only 10³): exponential convergence.",
        EvidenceTier.Statistical,
        s => Generated.Statistic(s, seed => seed, (seed, ctx) => ExactCase(s.Cache, seed, ctx, false), new StatisticOptions { Replicates = 3, Show = x => $"init seed {x}" }),
        s => new ReportContent("m = k = 2 (init seed 1)", new ReportTable.Builder("exact").Column("T", CellRule.Exact).Column("loss", CellRule.Rel(1e-6))
            .Row(100, Run(s.Cache, K, 1, 1000).Curve.Where(p => p.Step <= 100).MaxBy(p => p.Step).Loss).Row(1000, Run(s.Cache, K, 1, 1000).FinalLoss).Build()),
        new NegativeControl("The exactly parameterised student also converges only at T⁻³ (L(1000) ≥ 10⁻⁴·L(100)).",
            s => Generated.Statistic(s, seed => seed, (seed, ctx) => ExactCase(s.Cache, seed, ctx, true), new StatisticOptions { Replicates = 3, Show = x => $"init seed {x}" })));

    // ---- end state ----

    static readonly ClaimId AlignId = new("zlc24.s5.alignment");

    // "Balanced" in this parameterisation (second layer fixed to 1, as in Xu–Du): every student's norm is of the order of
    // its group's equal share ‖v‖/|G| (the seed slides' Θ(k‖v‖/m)) — no student starves or takes the whole teacher —
    // while the exact minimum-ℓ2 split (all shares equal) is not what GD finds: the split is set by the initialisation
    // (max/min share within a group from 1.00 to ~4 over seeds, converging to a seed-dependent limit as the init scale
    // shrinks from 1e-2 to 1e-5). Share = ‖w_j‖·|G|/‖v‖; its smallest value over all students is the statistic, with the
    // lower end pre-registered from `netclaims sweep --pilot --seeds 100 --claim zlc24.s5.alignment`.
    const double ShareMean = 0.75561, ShareSd = 0.1617;

    static readonly Band BalancedBand = Pilots.Register(AlignId.Value, "smallest share ‖w‖·|G|/‖v‖", ShareMean, ShareSd, 111,
        Band.AtLeast(Math.Max(0.05, ShareMean - FalseFailure.PilotZ * ShareSd), "pilot mean − 5 sd"), Band.AtMost(0.05, "the false variant: some student starves (below 5% of its share)"));

    static CaseResult AlignCase(RunCache? cache, Over o, CaseContext ctx, bool starves) => AlignJudge(o, Run(cache, o.M, o.Seed, 100_000), ctx, starves);

    internal static CaseResult AlignJudge(Over o, TeacherStudentRun r, CaseContext ctx, bool starves)
    {
        var al = r.Alignment();
        var norms = r.Students.Select(w => Math.Sqrt(w.Sum(t => t * t))).ToArray();
        var groups = Enumerable.Range(0, K).Select(i => Enumerable.Range(0, o.M).Where(j => al[j].Teacher == i).ToArray()).ToArray();
        double smallestShare = groups.Select((g, i) => g.Length == 0 ? 0 : g.Min(j => norms[j]) * g.Length / Math.Sqrt(r.Teachers[i].Sum(t => t * t))).Min();
        ctx.Measure("smallest share ‖w‖·|G|/‖v‖", smallestShare);
        string detail = $"{o}: groups {string.Join(",", al.Select(a => a.Teacher))}; min cos {al.Min(a => a.Cosine):F6}; norms {string.Join(", ", norms.Select(n => n.ToString("F3", CultureInfo.InvariantCulture)))}; smallest share {smallestShare:G4} (band {BalancedBand})";
        if (starves) return CaseResult.Of(smallestShare < 0.05, detail);
        if (groups.Any(g => g.Length == 0)) return CaseResult.Fail("a teacher has no student: " + detail);
        // Aligned: cos ≥ 0.999; each group sums to its teacher within 1e-4 (the loss at T = 1e5 is ~1e-12, so the residual
        // function is ~1e-6 in L2 and the group sums match to ~1e-8 in the digest's runs).
        double sumErr = groups.Select((g, i) => Math.Sqrt(Enumerable.Range(0, D).Sum(t => Math.Pow(g.Sum(j => r.Students[j][t]) - r.Teachers[i][t], 2)))).Max();
        return CaseResult.Of(al.All(a => a.Cosine >= 0.999) && sumErr <= 1e-4 && BalancedBand.Contains(smallestShare), detail + $"; max ‖Σ_G w − v‖ = {G(sumErr)}");
    }

    public static Claim Alignment { get; } = new(
        AlignId, new Citation(Paper.Zlc, "docs/zlc24.md §5 a, c", "alignment, grouping and balancing [SRC:abs]; balance read as norms Θ(‖v‖/|G|) [SEED; DER]; thresholds [NUM]"),
        $"After 10⁵ GD steps (m = 4…6, k = 2, d = 4, η = 0.1; one random initialisation per run) every student is aligned with one teacher (cos ≥ 0.999), every teacher has a group, each group's students sum to their teacher within 1e-4, and the group is balanced in this parameterisation (second layer fixed to 1): every student's norm is at least {BalancedBand.Lo:G3} of its group's equal share ‖v‖/|G| (pre-registered from a pilot sweep). The exact minimum-ℓ2 split (equal norms) is not claimed: the split is set by the initialisation.",
        EvidenceTier.Statistical,
        s => Generated.Statistic(s, OverFor, (o, ctx) => AlignCase(s.Cache, o, ctx, false), new StatisticOptions { Show = x => OverFor(x).ToString() }),
        s => new ReportContent("end state (init seed 1)", EndTable(s.Cache)),
        new NegativeControl("GD does not balance the students: in some group a student starves, ending below 5% of its equal share ‖v‖/|G|.",
            s => Generated.Statistic(s, OverFor, (o, ctx) => AlignCase(s.Cache, o, ctx, true), new StatisticOptions { Show = x => OverFor(x).ToString() })));

    static ReportTable EndTable(RunCache? cache)
    {
        var t = new ReportTable.Builder("students").Column("m", CellRule.Exact).Column("student", CellRule.Exact).Column("teacher", CellRule.Exact).Column("cosine", CellRule.Abs(1e-6)).Column("norm", CellRule.Rel(1e-6));
        foreach (var m in new[] { 4, 6 })
        {
            var r = Run(cache, m, 1, 100_000);
            var al = r.Alignment();
            for (int j = 0; j < m; j++) t.Row(m, j, al[j].Teacher, al[j].Cosine, Math.Sqrt(r.Students[j].Sum(x => x * x)));
        }
        return t.Build();
    }
}
