using System.Globalization;
using NetClaims.Claims;
using NetClaims.Reports;
using NetClaims.Training;

namespace NetClaims.Properties.Zlc24;

/// <summary>
/// Does the population T⁻³ survive training on n samples (docs/zlc24.md §5, issue 20)? GD with the same students,
/// teachers, initialisation and step on the empirical loss of n noise-free Gaussian samples. Measured here ([NUM]): the
/// empirical loss stops following T⁻³ and falls to rounding level (linear convergence: finitely many samples remove the
/// flat directions that slow the population loss down), while the population loss stops at a floor that falls steeply
/// with n; so T⁻³ lasts only until the trajectory reaches the floor of its sample.
/// </summary>
internal static class FiniteSampleClaims
{
    static readonly ClaimId Id = new("zlc24.s5.finite-sample");

    const int D = 4, M = 4, K = 2, Small = 32, Large = 512;
    const double Eta = 0.1;
    const long Steps = 30_000;
    static readonly int[] Seeds = [1, 2, 3, 4, 5];

    internal sealed record Samples(double[] PopulationSmall, double[] PopulationLarge, double[] EmpiricalSmall)
    {
        /// <summary>Geometric-mean population loss at n = 512 divided by that at n = 32.</summary>
        public double FloorRatio => Math.Exp(PopulationLarge.Average(Math.Log) - PopulationSmall.Average(Math.Log));
    }

    static SamplePoint At(IReadOnlyList<SamplePoint> curve, long t) => curve.Where(p => p.Step <= t).MaxBy(p => p.Step);

    static IReadOnlyList<SamplePoint> Run(RunCache? cache, int n, int seed) =>
        RunCache.Memo(cache, ("zlc24.finite", n, seed), () => FiniteSampleTeacherStudent.Run(D, M, K, n, Eta, Steps, seed, 100 + seed));

    // Sample seeds 101…105 with init seeds 1…5: a fixed set, so the claim is deterministic. A generated version (three
    // seeds per run, n = 32 against 256) failed 3 of 100 pilot runs: at n = 32 a run can stall with a student that no
    // sample activates (zero gradient), and the floors scatter over two decades, so its tails were too heavy for the
    // gate's false-failure budget at an affordable cost.
    static Samples Measure(RunCache? cache) => new(
        Seeds.Select(x => Run(cache, Small, x)[^1].Population).ToArray(),
        Seeds.Select(x => Run(cache, Large, x)[^1].Population).ToArray(),
        Seeds.Select(x => Run(cache, Small, x)[^1].Empirical).ToArray());

    // Thresholds: T⁻³ on the population reaches 1.2e-10 at T = 3·10⁴ (zlc24.s5.rate's report), so an empirical loss
    // ≤ 1e-12 there is beyond it; the floor ratio bound 0.05 is a factor 20 between n = 32 and 512 (a slope of −1.1 in n;
    // the pilot's floors fall like n^(−2…−3)).
    const double EmpiricalBound = 1e-12, FloorRatioBound = 0.05, PopulationGdAt30000 = 1.2e-10;

    static CaseResult Judge(RunCache? cache, bool cubicSurvives)
    {
        var s = Measure(cache);
        int below = s.EmpiricalSmall.Count(e => e <= EmpiricalBound);
        string detail = $"population loss at T = 3·10⁴: n=32 {Show(s.PopulationSmall)}, n=512 {Show(s.PopulationLarge)} (ratio of geometric means {s.FloorRatio:G3}); n=32 empirical loss {Show(s.EmpiricalSmall)} ({below} of 5 ≤ {EmpiricalBound:0e0})";
        // The false variant: T⁻³ survives — at n = 512 the population loss stays within 10× of the population-GD value.
        if (cubicSurvives) return CaseResult.Of(s.PopulationLarge.All(p => p <= 10 * PopulationGdAt30000), detail);
        return CaseResult.Of(below >= 4 && s.FloorRatio <= FloorRatioBound, detail);
    }

    static string Show(double[] v) => string.Join(", ", v.Select(x => x.ToString("G3", CultureInfo.InvariantCulture)));

    public static Claim FiniteSample { get; } = new(
        Id, new Citation(Paper.Zlc, "main theorem (population loss); docs/zlc24.md §5", "O(T⁻³) for the population loss [SRC:abs]; the finite-sample behaviour, its thresholds and the floors [NUM]"),
        $"GD on n noise-free Gaussian samples instead of the population (m = 4, k = 2, d = 4, W₀ = 1e-3·N(0, I), η = 0.1, 3·10⁴ steps; init seeds 1–5 with sample seeds 101–105) does not keep the population's T⁻³: at n = 32 the empirical loss ends below {EmpiricalBound:0e0} at 4 or more of the 5 seeds (T⁻³ on the population reaches only 1.2e-10 there), and the population loss stops at a floor that falls with n — its geometric mean at n = 512 is below {FloorRatioBound} of that at n = 32.",
        EvidenceTier.Tolerance,
        s => Generated.ForEach(s, ["seeds 1–5"], (_, _) => Judge(s.Cache, false), new CheckOptions<string> { Show = x => x }),
        s => new ReportContent("where T⁻³ stops: population and empirical loss on n samples (init seed 1, sample seed 101)", Tables(s.Cache))
            .WithPlot(new PlotSpec("finite-sample-curves", "population loss vs T on n samples and on the population (log-log)", "curves", "T", ["population_gd", "n32", "n128", "n512"], LogLog: true)),
        new NegativeControl("T⁻³ survives at n samples: at n = 512 the population loss after 3·10⁴ steps is within 10× of the population-GD value (≤ 1.2e-9) at every seed.",
            s => Generated.ForEach(s, ["seeds 1–5"], (_, _) => Judge(s.Cache, true), new CheckOptions<string> { Show = x => x })));

    static ReportTable[] Tables(RunCache? cache)
    {
        int[] ns = [32, 128, 512];
        var population = RunCache.Memo(cache, ("zlc24.gd", M, 1, Steps), () => TeacherStudent.Run(D, M, K, Eta, Steps, 1));
        var runs = ns.Select(n => Run(cache, n, 1)).ToArray();
        long[] ts = [10, 30, 100, 300, 1000, 3000, 10_000, 30_000];
        var c = new ReportTable.Builder("curves").Column("T", CellRule.Exact).Column("population_gd", CellRule.Rel(1e-6))
            .Column("n32", CellRule.Rel(1e-3)).Column("n128", CellRule.Rel(1e-3)).Column("n512", CellRule.Rel(1e-3))
            .Column("empirical_n32", CellRule.Abs(1e-20)).Column("empirical_n512", CellRule.Rel(1e-3));
        foreach (var t in ts)
            c.Row(t, population.Curve.Where(p => p.Step <= t).MaxBy(p => p.Step).Loss, At(runs[0], t).Population, At(runs[1], t).Population, At(runs[2], t).Population,
                At(runs[0], t).Empirical, At(runs[2], t).Empirical);
        var f = new ReportTable.Builder("floors").Column("seed", CellRule.Exact).Column("population_n32", CellRule.Rel(1e-3)).Column("population_n512", CellRule.Rel(1e-3)).Column("empirical_n32", CellRule.Abs(1e-20));
        var m = Measure(cache);
        for (int i = 0; i < Seeds.Length; i++) f.Row(Seeds[i], m.PopulationSmall[i], m.PopulationLarge[i], m.EmpiricalSmall[i]);
        return [c.Build(), f.Build()];
    }
}
