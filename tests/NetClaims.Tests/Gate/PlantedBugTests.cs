using MathNet.Numerics.LinearAlgebra;
using NetClaims.Claims;
using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Exact;
using NetClaims.LinearLayers;
using NetClaims.Properties;
using NetClaims.Properties.Ahs23;
using NetClaims.Properties.Bn20;
using NetClaims.Properties.Jnm20;
using NetClaims.Properties.Ldc24;
using NetClaims.Properties.Pow23;
using NetClaims.Properties.Zlc24;
using NetClaims.Solvers;
using NetClaims.Statistics;
using NetClaims.Training;

namespace NetClaims.Tests.Gate;

/// <summary>
/// Every check that review found unable to fail, with one planted bug it now catches: the planted measurement (or
/// construction, or constant) is what a plausible regression would produce, and the claim's own judge must reject it.
/// </summary>
[Trait("kind", "planted")]
public sealed class PlantedBugTests
{
    static bool Fails(CaseResult r) => !r.Ok;

    static ExponentFit Fit(double slope) => new(slope, slope - 0.01, slope + 0.01, 0.95, 5, "planted");

    [Fact]
    public void Blades_cost_catches_a_closed_form_with_the_wrong_binomial()
    {
        // The construction sums Q from its own blade (AveragedBlades.NormaliserBySum); the planted closed form uses
        // C(d, ⌊d/2⌋ + 1) instead of C(d, ⌊d/2⌋) — a plausible off-by-one.
        var c = ConstructionCatalog.Get(AveragedBlades.Name);
        var planted = c with
        {
            ClosedFormCost = d => SurdSum.Of(new Fractions.Fraction(4) * new Fractions.Fraction(System.Numerics.BigInteger.One << d.Value, IntegerMath.Binomial(d.Value, d.Value / 2 + 1)), d.Value),
        };
        var claim = ConstructionClaims.Cost("test.planted-blades-cost", new Citation("t", "t", "[DER]"), planted, 8, FalseCost.Equal("f", _ => SurdSum.Zero));
        Assert.IsType<CheckOutcome.Fails>(claim.RunCheck(RunSettings.Default));
        Assert.IsType<CheckOutcome.Holds>(ClaimCatalog.Get("ahs23.thm4.blades.cost").RunCheck(RunSettings.Default));
    }

    [Fact]
    public void Blades_cost_negative_control_is_refuted_by_a_certified_comparison_not_by_irrationality()
    {
        var fails = Assert.IsType<CheckOutcome.Fails>(ClaimCatalog.Get("ahs23.thm4.blades.cost").RunNegativeControl(RunSettings.Default));
        Assert.Contains("certified C >", fails.Counterexample);
    }

    [Fact]
    public void Sampled_blades_catch_a_width_a_quarter_of_the_bernstein_width()
    {
        var planted = SampledBladesClaims.Measure(12345, widthScale: 0.25);
        Assert.True(Fails(SampledBladesClaims.Judge(planted, new CaseContext())));
        Assert.False(Fails(SampledBladesClaims.Judge(SampledBladesClaims.Measure(12345), new CaseContext())));
    }

    [Fact]
    public void Memoriser_cost_growth_catches_an_inflated_one_per_sample_cost()
    {
        var g = Theorem7Claims.Measure(3);
        Assert.False(Fails(Theorem7Claims.GrowthCase(g, new CaseContext())));
        Assert.True(Fails(Theorem7Claims.GrowthCase(g with { One = g.One.Select(x => 1.1 * x).ToArray() }, new CaseContext())));
    }

    [Fact]
    public void Rademacher_catches_a_bound_with_the_wrong_rate()
    {
        var x = new SampleSpec(8, 256, 3);
        Assert.False(Fails(Theorem9Claims.Rad(x, new CaseContext(), Theorem9Claims.NormBound, "bound")));
        Assert.True(Fails(Theorem9Claims.Rad(x, new CaseContext(), y => Theorem9Claims.NormBound(y) / Math.Sqrt(y.N), "1/n bound")));
    }

    [Fact]
    public void Vp_negative_control_is_refuted_by_the_whole_cube_only()
    {
        Assert.False(Fails(Theorem9Claims.VpSlack(new SampleSpec(6, 20, 1), new CaseContext())));
        Assert.True(Fails(Theorem9Claims.VpSlack(new SampleSpec(6, 64, 1), new CaseContext())));
    }

    [Fact]
    public void Egop_catches_a_forward_pass_that_leaves_the_row_space()
    {
        // A rank-deficient net (duplicated row), and the same net with a skip connection its weights do not show.
        var n = EgopClaims.Make(0, 3, 4, 1, 7);
        Assert.False(Fails(EgopClaims.Check(n, new CaseContext(), false)));
        var leaky = n with { Forward = x => n.Evaluate(x) + 0.05 * x[0] };
        Assert.True(Fails(EgopClaims.Check(leaky, new CaseContext(), false)));
    }

    [Fact]
    public void Kernel_catches_features_drawn_at_the_wrong_bandwidth()
    {
        var x = new CorrectiveViewClaims.Sample(6, 6, 0.3, 1, 11);
        Assert.False(Fails(CorrectiveViewClaims.Kernel(x, new CaseContext(), 2)));
        Assert.True(Fails(CorrectiveViewClaims.Kernel(x, new CaseContext(), 2, featureScale: 0.7)));
    }

    [Fact]
    public void Corrective_decay_catches_a_step_with_too_few_features()
    {
        Assert.True(Fails(MemorizationClaims.Decay(MemorizationClaims.DecayMeasure(5, features: 4000), new CaseContext(), false)));
    }

    [Fact]
    public void Memorise_to_epsilon_catches_a_slow_decay()
    {
        double[] slow = [0.5, 0.25, 0.12, 0.06, 0.03, 0.015, 0.008, 0.004, 0.002, 0.001, 5e-4, 2e-4];
        Assert.True(Fails(EpsilonClaims.EpsCase(new EpsilonClaims.EpsRun(slow, 0.5, 0.7), new CaseContext())));
    }

    [Fact]
    public void One_step_contraction_catches_a_rate_made_half_as_fast()
    {
        double[] means = [0.1, 0.05, 0.025, 0.0125];
        Assert.False(Fails(MemorizationClaims.ContractionCase((means, Fit(-1.0)), new CaseContext(), false)));
        Assert.True(Fails(MemorizationClaims.ContractionCase((means, Fit(-0.5)), new CaseContext(), false)));
    }

    [Fact]
    public void Contraction_in_n_catches_a_square_root_dependence()
    {
        double[] means = [1, 2, 3, 4, 5];
        Assert.True(Fails(ContractionShapeClaims.Judge((means, Fit(0.5)), new CaseContext(), "n", [8, 16, 32, 64, 128], ContractionShapeClaims.NBands.Check)));
    }

    [Fact]
    public void Width_rate_catches_a_rate_made_half_as_fast()
    {
        var r = SmoothRepresentationClaims.Width(2);
        Assert.False(Fails(SmoothRepresentationClaims.WidthCase(r, new CaseContext(), SmoothRepresentationClaims.WidthBands.Check)));
        Assert.True(Fails(SmoothRepresentationClaims.WidthCase(r with { Fit = Fit(-0.5) }, new CaseContext(), SmoothRepresentationClaims.WidthBands.Check)));
    }

    [Fact]
    public void Corrective_rounds_catch_a_second_round_that_gains_nothing()
    {
        double[] v = [1, 0.5, 0.25, 0.12, 0.06, 0.03, 0.015];
        var same = new SmoothRepresentationClaims.RoundsResult(v, v, v, v, Fit(-1), Fit(-1), Fit(-0.74));
        Assert.True(Fails(SmoothRepresentationClaims.RoundsCase(same, new CaseContext(), false)));
    }

    [Fact]
    public void Scaling_catches_a_cost_that_grows_faster_than_its_band()
    {
        Assert.False(Fails(ScalingClaims.AveragedInBands(null, 20)));
        var planted = ScalingClaims.AveragedInBands(null, 20, (n, d) => n == AveragedBlades.Name ? ScalingClaims.Cost(null, n, d) * SurdSum.Rational(new Fractions.Fraction(11, 10)) : ScalingClaims.Cost(null, n, d));
        Assert.True(Fails(planted));
    }

    [Fact]
    public void Correlation_catches_an_inflated_rho_as_not_tight()
    {
        var fails = Assert.IsType<CheckOutcome.Fails>(CorrelationClaims.LemmaCheck(CorrelationClaims.Lemma.Context(ClaimRole.Check, RunSettings.Default), rhoScale: 1.03));
        Assert.StartsWith("not tight", fails.Counterexample);
    }

    [Fact]
    public void Phi_bounds_catch_a_minimiser_stopped_early()
    {
        var c = new LinearLayerClaims.Case(Schatten.ParseMatrix("1,2;3,-1;0,1"), [1, -2, 0.5], 4, 1);
        Assert.False(Fails(LinearLayerClaims.Phi(c, new CaseContext(), false)));
        Assert.True(Fails(LinearLayerClaims.Phi(c, new CaseContext(), false, (w, a, l) => PhiL.Minimize(w, a, l, maxIterations: 2))));
    }

    [Fact]
    public void Statistical_rate_catches_an_estimator_no_faster_than_the_kernel_rate()
    {
        var means = new[] { new double[] { 0.2, 0.15, 0.1, 0.08, 0.06, 0.04 }, new double[] { 0.2, 0.15, 0.1, 0.08, 0.06, 0.04 } };
        Assert.True(Fails(RateClaims.RateCase(new RateClaims.RateResult(means, [Fit(-0.4), Fit(-0.4)]), new CaseContext(), false)));
    }

    [Fact]
    public void Capacity_study_catches_a_path_norm_that_is_not_rescaling_invariant()
    {
        var nets = StudyClaims.Study(4);
        Assert.False(Fails(StudyClaims.Check(0, nets, new CaseContext(), false)));
        // The false variant (log ∏‖W‖_F² invariant) is refuted on the same nets: the check distinguishes invariant measures.
        Assert.True(Fails(StudyClaims.Check(0, nets, new CaseContext(), true)));
    }

    [Fact]
    public void Alignment_catches_a_starving_student()
    {
        double[] e1 = [1, 0, 0, 0], e2 = [0, 1, 0, 0];
        double[] Times(double c, double[] v) => v.Select(x => c * x).ToArray();
        var balanced = new TeacherStudentRun([new LossPoint(1, 1e-12)], [Times(0.5, e1), Times(0.5, e1), Times(0.6, e2), Times(0.4, e2)], [e1, e2], 0);
        var starving = balanced with { Students = [Times(0.99, e1), Times(0.01, e1), Times(0.6, e2), Times(0.4, e2)] };
        var o = new TeacherStudentClaims.Over(4, 1);
        Assert.False(Fails(TeacherStudentClaims.AlignJudge(o, balanced, new CaseContext(), false)));
        Assert.True(Fails(TeacherStudentClaims.AlignJudge(o, starving, new CaseContext(), false)));
    }

    // Planted VP measurements for the parity-learning claims: the cache is filled with what a regression would return.
    static VpCurvePoint Point(int d, int n, int seed, double corr, double vpError, double ridgeError, double kernelError, double trainedError) =>
        new(d, n, n / (double)(d * d), seed, VpDictionary.Ternary, "{−1,0,1}^d", 1, 1, true, corr, corr, corr, 1, vpError, 0.5, 1, 0.1,
            ridgeError, 2, kernelError, trainedError, 2);

    [Fact]
    public void A_VP_that_learns_from_half_d_squared_samples_fails_the_transition_claim()
    {
        // Planted: E[ĝχ] = 0.6 at n = d²/2 (e.g. a learner mix-up returning the ridge interpolant). Real: 0.04 at d = 8.
        var cache = new RunCache();
        RunCache.Memo(cache, ("ahs23.vp-points", 8, 32), () => new[] { 1, 2, 3 }.Select(s => Point(8, 32, s, 0.6, 0.1, 0.1, 0.4, 0.3)).ToArray());
        Assert.True(Fails(VpTransitionClaims.CheckWindow(cache, (8, 32, "d²/2"))));
        Assert.False(Fails(VpTransitionClaims.CheckWindow(new RunCache(), (8, 32, "d²/2"))));
    }

    [Fact]
    public void A_kernel_that_learns_like_the_VP_fails_the_learners_claim()
    {
        // Planted: the kernel's clipped error equals the VP's at n = 2d² (e.g. the kernel scored on its own samples only).
        var cache = new RunCache();
        RunCache.Memo(cache, ("ahs23.vp-points", 8, 128), () => new[] { 1, 2, 3 }.Select(s => Point(8, 128, s, 0.85, 0.02, 0.01, 0.03, 0.1)).ToArray());
        Assert.True(Fails(ParityLearnersClaims.Check(cache, (8, "2d²"))));
    }

    [Fact]
    public void A_width_above_the_Bernstein_width_or_a_blunt_bisection_fails_the_width_claim()
    {
        // Planted: m* above m_B (e.g. a blade evaluator that loses the Krawtchouk sign), and half of m* still succeeding.
        var cache = new RunCache();
        RunCache.Memo(cache, ("ahs23.blade-width", 10, 0.5), () => new BladeWidthResult(10, 0.5, 0.1, 200, 400, 0.9, 362, 0.85, 200, 0.1, 311, 10));
        Assert.True(Fails(BladeWidthClaims.CheckPoint(cache, (10, 0.5))));
        var blunt = new RunCache();
        RunCache.Memo(blunt, ("ahs23.blade-width", 10, 0.5), () => new BladeWidthResult(10, 0.5, 0.1, 200, 153, 0.91, 140, 0.84, 77, 0.8, 311, 10));
        Assert.True(Fails(BladeWidthClaims.CheckPoint(blunt, (10, 0.5))));
        Assert.False(Fails(BladeWidthClaims.CheckPoint(new RunCache(), (10, 0.5))));
    }
}
