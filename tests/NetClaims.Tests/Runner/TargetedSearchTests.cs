using Hedgehog.Linq;
using NetClaims.Claims;
using NetClaims.Properties;

namespace NetClaims.Tests.Runner;

/// <summary>
/// Targeted search on a claim with a known near-tight case: the single-neuron correlation bound ρ_d‖w‖ is attained at
/// sign vectors (docs/ahs23.md §1.4 D2), which random directions at d ≥ 6 come nowhere near.
/// </summary>
public sealed class TargetedSearchTests
{
    [Fact]
    public void Hill_climbing_raises_the_worst_ratio_towards_the_tight_case()
    {
        var claim = ClaimCatalog.Get("ahs23.s1-6.correlation");
        var outcome = Assert.IsType<CheckOutcome.Holds>(claim.RunCheck(RunSettings.Default));
        var st = outcome.Stats;
        Assert.NotNull(st.BestScore);
        Assert.NotNull(st.BestRandomScore);
        Assert.True(st.BestRandomScore < 0.8, $"random directions already reached {st.BestRandomScore}");
        Assert.True(st.BestScore > 0.99, $"targeted search reached only {st.BestScore}");
        Assert.True(st.BestScore <= 1 + 1e-9, $"score {st.BestScore} exceeds the bound");
    }

    [Fact]
    public void The_false_constant_is_refuted()
    {
        var claim = ClaimCatalog.Get("ahs23.s1-6.correlation");
        var fails = Assert.IsType<CheckOutcome.Fails>(claim.RunNegativeControl(RunSettings.Default));
        Assert.StartsWith("d=2", fails.Counterexample);
    }

    [Fact]
    public void A_targeted_failure_replays_from_its_token()
    {
        // A planted bound that only the climb can violate: score > 0.95 of ρ_d at d ≥ 6 "fails".
        var id = new ClaimId("test.targeted");
        var spec = new TargetSpec<double[]>("x", r => [r.NextDouble(), r.NextDouble()], (v, r) => [v[0] + 0.1 * (r.NextDouble() - 0.3), v[1]], Starts: 5, Climbers: 1, Steps: 200);
        var gen = from x in Hedgehog.Linq.Gen.Double(Hedgehog.Linq.Range.LinearDouble(0, 1)) select new[] { x, 0.0 };
        CheckOutcome Run(RunSettings s) => Generated.ForAll(new ClaimContext(id, ClaimRole.Check, s), gen, (v, ctx) => { ctx.Target(v[0]); return CaseResult.Of(v[0] < 3, $"x={v[0]:F3}"); }, new CheckOptions<double[]> { Target = spec });
        var fails = Assert.IsType<CheckOutcome.Fails>(Run(RunSettings.Default));
        Assert.Contains("targeted search", fails.Counterexample);
        Assert.Contains("@T_0", fails.Replay);
        var again = Assert.IsType<CheckOutcome.Fails>(Run(RunSettings.Default.WithSeed(77).WithReplay(fails.Replay)));
        Assert.Equal(fails.Counterexample + $" [replay {fails.Replay}]", again.Counterexample);
    }
}
