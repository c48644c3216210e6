using Hedgehog.Linq;
using NetClaims.Claims;
using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Norms;
using NetClaims.Reports;
using NetClaims.Solvers;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Properties.Ahs23;

/// <summary>
/// AHS Theorem 7 on what it is about: the VP solution itself. The minimum-R-norm interpolant ĝ of n χ-labelled samples
/// (column generation over the ternary directions {−1,0,1}^d priced exactly, then a continuous local search over unit
/// directions; dual certificate and searched gap) is measured on all 2^d vertices, and the theorem's chain is checked on
/// it step by step: E[ĝχ] = Σ u_k E[χσ_k] (the affine part is uncorrelated), |E[χσ_k]| ≤ ‖w_k‖·ρ_d for every neuron of
/// ĝ (ρ_d's sup attained at sign directions is numerical for general w, so it is checked on each neuron exactly), so
/// |E[ĝχ]| ≤ C(ĝ)·ρ_d ≤ C(h)·ρ_d for any interpolant h of the same samples (h = one ReLU per sample, built independently).
/// </summary>
internal static class VpClaims
{
    static readonly ClaimId Id = new("ahs23.thm7.vp-solution");

    static readonly Citation Source = new(Paper.Ahs, "Theorem 7 (its argument on the VP solution); §1.7",
        "statement and proof structure [SRC:blog]; lattice biases and the ternary dictionary [DER]; ρ_d attained at sign directions for general w [NUM], checked per neuron; certificate tolerances and the measured curves [NUM]");

    internal sealed record Case(int D, int N, int Seed)
    {
        public override string ToString() => $"d={D}, n={N}, sample seed {Seed}";
    }

    // n from d to d²/2: below the d² of the theorem, where the chain must leave the correlation small.
    // d ≤ 10 at ci (the search VP takes 0.2–3 s there); the deep profile goes to d = 12.
    static Hedgehog.Gen<Case> Cases(ClaimContext s) =>
        from d in Gen.Int32(Range.Constant(6, s.Profile.Deep ? 12 : 10))
        from n in Gen.Int32(Range.Constant(d, d * d / 2))
        from seed in Gen.Int32(Range.Constant(0, 1_000_000))
        select new Case(d, n, seed);

    internal sealed record Solved(VpResult Vp, VpOnCube Cube, double MemoriserCost, double Rho, double WorstNeuronRatio);

    internal static Solved Solve(RunCache? cache, int d, int n, int seed, VpDictionary dictionary = VpDictionary.Search) =>
        RunCache.Memo(cache, ("ahs23.vp", d, n, seed, dictionary), () =>
        {
            var (x, y) = VpSolver.ParitySamples(d, n, seed);
            var vp = VpSolver.Solve(d, x, y, dictionary: dictionary, faceRange: true);
            var h = Memorizers.OnePerSample(new SampleSet(d, x.Select(p => new[] { p }).ToArray(), y));
            double rho = NeuronCorrelation.Rho(new Dimension(d)).ToDouble();
            // max_k |E[χσ_k]|/(‖w_k‖ρ_d) over ĝ's neurons, each correlation summed over the whole cube.
            double worst = vp.Neurons.Select(nu => Math.Abs(nu.ParityCorrelation()) / (nu.Norm * rho)).DefaultIfEmpty(0).Max();
            return new Solved(vp, VpOnCube.Of(vp), h.Cost, rho, worst);
        });

    // LP accuracy: GLOP's tolerances are ~1e-7 here, so the certificate and the interpolation are held to 1e-6; the
    // correlation bound is an inequality between float means of ≤ 2^10 terms (each rounded to ~1e-16 of its size), held
    // with relative slack 1e-9 and absolute slack 1e-12 (for n ≤ d + 1 the affine part alone interpolates: C(ĝ) = 0).
    const double LpTol = 1e-6;

    // The continuous search's stopping tolerance (the solver's default): the VP over searched directions is within a
    // factor 1 + 1e-3 of the returned cost.
    const double SearchTol = 1e-3;

    static CaseResult Check(RunCache? cache, Case c, CaseContext ctx)
    {
        var s = Solve(cache, c.D, c.N, c.Seed);
        var (vp, cube) = (s.Vp, s.Cube);
        ctx.Classify(c.N >= c.D * c.D / 4, "n ≥ d²/4").Measure("correlation", cube.Correlation);
        string detail = $"C(ĝ) = {vp.Cost:G8}, C(h) = {s.MemoriserCost:G8}, E[ĝχ] = {cube.Correlation:G6}, C(ĝ)ρ_d = {vp.Cost * s.Rho:G6}, {vp.Statement}, max_k |E[χσ_k]|/(‖w_k‖ρ_d) = {s.WorstNeuronRatio:G6}";
        if (!vp.Certified(LpTol)) return CaseResult.Fail($"the VP is not certified optimal over {vp.ExactDictionary}: " + detail);
        // The continuous search's own gap is reported (lower_bound in the table), not required: the chain holds for any
        // interpolant, and a search that needs more rounds (seen at d = 12, n = 72) is no error of the theorem.
        ctx.Measure("searched_violation", Math.Max(0, vp.SearchedViolation));
        if (s.WorstNeuronRatio > 1 + 1e-9) return CaseResult.Fail("a neuron of ĝ correlates with χ more than ‖w‖·ρ_d (ρ_d's sup is not at sign directions): " + detail);
        var (x, y) = VpSolver.ParitySamples(c.D, c.N, c.Seed);
        for (int i = 0; i < x.Length; i++)
            if (Math.Abs(vp.Evaluate(x[i]) - y[i]) > LpTol) return CaseResult.Fail($"ĝ(x_{i}) = {vp.Evaluate(x[i]):G8} ≠ {y[i]}: " + detail);
        if (vp.Cost > s.MemoriserCost * (1 + LpTol)) return CaseResult.Fail("the VP costs more than an interpolant of the same samples: " + detail);
        return CaseResult.Of(Math.Abs(cube.Correlation) <= vp.Cost * s.Rho * (1 + 1e-9) + 1e-12, detail);
    }

    // The false variant: a kernel method's n/d sample complexity — the interpolant already learns χ (E[ĝχ] ≥ 1/2)
    // from 2d samples on. Theorem 7 says it cannot below d²; the cases stay at n ≤ d²/4.
    static CaseResult LearnsFromLinearlyManySamples(RunCache? cache, Case c)
    {
        int n = Math.Max(2 * c.D, Math.Min(c.N, c.D * c.D / 4));
        var s = Solve(cache, c.D, n, c.Seed);
        return CaseResult.Of(s.Cube.Correlation >= 0.5, $"n = {n}: E[ĝχ] = {s.Cube.Correlation:G6}");
    }

    public static Claim Solution { get; } = new(
        Id, Source,
        "For n χ-labelled random vertices (6 ≤ d ≤ 10, 12 in the deep profile; d ≤ n ≤ d²/2), the minimum-R-norm interpolant ĝ (column generation over {−1,0,1}^d, certified: every ternary neuron's dual violation ≤ 1e-6·‖w‖, duality gap ≤ 1e-6; then a continuous direction search adds what it finds, its remaining gap reported) interpolates the samples, costs no more than one ReLU per sample, every neuron obeys |E[χσ_k]| ≤ ‖w_k‖·ρ_d, and Theorem 7's chain holds on the whole cube: |E[ĝχ]| ≤ C(ĝ)·ρ_d ≤ C(h)·ρ_d.",
        EvidenceTier.Tolerance,
        s => Generated.ForAll(s.WithTests(12), Cases(s), (c, ctx) => Check(s.Cache, c, ctx), new CheckOptions<Case> { Show = c => c.ToString(), Coverage = [new CoverageRequirement("n ≥ d²/4", 0.2)] }),
        s => new ReportContent("the VP solution on χ-labelled samples, measured on the whole cube (sample seed 1)", Curves(s.Cache))
            .WithPlot(new PlotSpec("distance-vs-n-over-d2", "‖ĝ − χ‖² of the VP solution (ternary + continuous search) against n/d²", "distance", "ratio", ["d8", "d10", "d12"], LogLog: false))
            .WithNotes("vp: n = round(r·d²) random vertices. cost = C(ĝ) over {−1,0,1}^d plus searched continuous directions, lower_bound = Σλy/(1 + largest violation found) (the VP over searched directions lies in [lower_bound, cost]); cost_sign = the VP over sign directions only (exact, rel 1e-6); memoriser = C(h) of one ReLU per sample. correlation = E[ĝχ] over all 2^d vertices, face_lo/face_hi = its range over the optimal face of the final master, correlation_sign = the same for the sign-only VP: restricting to sign directions overstates the correlation at small n. certified = optimal over {−1,0,1}^d (the search gap is cost − lower_bound). The search stops at relative violation 1e-3, so search-based values are compared at rel 1e-3 (costs) and abs 0.02 (cube measurements).",
                       "distance: ‖ĝ − χ‖² against ratio = n/d² for each d; Theorem 7 puts the transition at n ≍ d² (up to logs), a kernel-like learner at n ≍ d."),
        new NegativeControl("The minimum-R-norm interpolant learns parity from linearly many samples, like a kernel method: E[ĝχ] ≥ 1/2 once n ≥ 2d.",
            s => Generated.ForAll(s.WithTests(12), Cases(s), (c, _) => LearnsFromLinearlyManySamples(s.Cache, c), new CheckOptions<Case> { Show = c => c.ToString() })));

    static readonly double[] Ratios = [0.125, 0.25, 0.5, 1, 2];

    static ReportTable[] Curves(RunCache? cache)
    {
        const double SearchAbs = 0.02;
        var vp = new ReportTable.Builder("vp").Column("d", CellRule.Exact).Column("n", CellRule.Exact).Column("n/d^2", CellRule.Exact)
            .Column("cost", CellRule.Rel(SearchTol)).Column("lower_bound", CellRule.Rel(SearchTol)).Column("cost_sign", CellRule.Rel(LpTol))
            .Column("memoriser", CellRule.Rel(1e-12)).Column("correlation", CellRule.Abs(SearchAbs)).Column("face_lo", CellRule.Abs(SearchAbs))
            .Column("face_hi", CellRule.Abs(SearchAbs)).Column("correlation_sign", CellRule.Abs(1e-6))
            .Column("squared_distance", CellRule.Abs(SearchAbs)).Column("clipped_error", CellRule.Abs(SearchAbs)).Column("certified", CellRule.Exact);
        var distance = new ReportTable.Builder("distance").Column("ratio", CellRule.Exact)
            .Column("d8", CellRule.Abs(SearchAbs)).Column("d10", CellRule.Abs(SearchAbs)).Column("d12", CellRule.Abs(SearchAbs));
        var ds = new[] { 8, 10, 12 };
        var grid = new Dictionary<(int, double), double>();
        foreach (var d in ds)
            foreach (var r in Ratios)
            {
                // d = 12 stops at n = d² (the search at d = 12, n = 144 takes ~7 s here).
                if (d == 12 && r > 1) continue;
                int n = (int)Math.Round(r * d * d);
                var s = Solve(cache, d, n, 1);
                var sign = Solve(cache, d, n, 1, VpDictionary.Sign);
                var (lo, hi) = s.Vp.CorrelationRange ?? (double.NaN, double.NaN);
                vp.Row(d, n, r, s.Vp.Cost, s.Vp.LowerBound, sign.Vp.Cost, s.MemoriserCost, s.Cube.Correlation, lo, hi, sign.Cube.Correlation,
                    s.Cube.SquaredDistance, s.Cube.ClippedError, s.Vp.Certified(LpTol));
                grid[(d, r)] = s.Cube.SquaredDistance;
            }
        foreach (var r in Ratios.Where(r => r <= 1))
            distance.Row([r, .. ds.Select(d => (object)grid[(d, r)])]);
        return [vp.Build(), distance.Build()];
    }
}
