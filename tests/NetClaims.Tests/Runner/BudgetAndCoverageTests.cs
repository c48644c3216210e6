using NetClaims.Cube;
using Hedgehog.Linq;
using NetClaims.Claims;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Tests.Runner;

public sealed class BudgetTests
{
    static readonly ClaimId Id = new("test.budget");

    static CheckOutcome Slow(Profile p, int? minimum = null) =>
        Generated.ForAll(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default.WithProfile(p with { CheckBudget = TimeSpan.FromMilliseconds(50) }).WithTests(100)), Gen.Int32(Range.Constant(1, 10)), (_, _) => { Thread.Sleep(20); return CaseResult.Pass("slow"); }, new CheckOptions<int> { MinimumCases = minimum });

    [Fact]
    public void A_claim_past_its_time_budget_reports_what_it_checked_instead_of_hanging()
    {
        var holds = Assert.IsType<CheckOutcome.Holds>(Slow(Profile.FastProfile));
        Assert.True(holds.Stats.SkippedBudget > 0);
        Assert.True(holds.Stats.Evaluated < 100);
        Assert.True(holds.Stats.Incomplete);
        Assert.Contains("time budget", holds.Summary);
        Assert.Contains("INCOMPLETE", holds.Summary);
    }

    [Fact]
    public void Under_the_ci_profile_a_budget_cut_below_the_declared_minimum_fails_instead_of_passing()
    {
        var fails = Assert.IsType<CheckOutcome.Fails>(Slow(Profile.CiProfile));
        Assert.StartsWith("incomplete:", fails.Counterexample);
        Assert.Null(fails.Replay);
        Assert.True(fails.Stats.Incomplete);
        // A claim that declares a minimum it reached before the budget holds (complete), even under ci.
        var holds = Assert.IsType<CheckOutcome.Holds>(Slow(Profile.CiProfile, minimum: 1));
        Assert.False(holds.Stats.Incomplete);
    }

    [Fact]
    public void An_enumeration_cut_by_the_budget_is_incomplete_too()
    {
        var tight = Profile.CiProfile with { CheckBudget = TimeSpan.FromMilliseconds(30) };
        var outcome = DimensionChecks.ForEach(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default.WithProfile(tight)), 1, 20, _ => { Thread.Sleep(20); return CaseResult.Pass("slow"); });
        Assert.StartsWith("incomplete:", Assert.IsType<CheckOutcome.Fails>(outcome).Counterexample);
    }

    [Fact]
    public void Shrinking_is_bounded_in_time()
    {
        // With no shrink budget the first failing case is reported as found (still a valid counterexample, with a token).
        var noShrink = Profile.CiProfile with { ShrinkBudget = TimeSpan.Zero };
        var outcome = DimensionChecks.ForAll(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default.WithProfile(noShrink)), 1, 60, d => CaseResult.Of(d.Value < 7, "planted"));
        var fails = Assert.IsType<CheckOutcome.Fails>(outcome);
        Assert.NotNull(fails.Replay);
        Assert.DoesNotContain("shrunk", fails.Counterexample);
    }
}

public sealed class CoverageTests
{
    static readonly ClaimId Id = new("test.coverage");

    static CheckOutcome Run(double required) =>
        Generated.ForAll(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default), Gen.Int32(Range.Constant(0, 99)), (k, ctx) => { ctx.Classify(k < 2, "rare"); return CaseResult.Pass("ok"); }, new CheckOptions<int> { Coverage = [new CoverageRequirement("rare", required)] });

    [Fact]
    public void A_label_that_is_covered_far_less_than_required_makes_the_claim_vacuous()
    {
        var fails = Assert.IsType<CheckOutcome.Fails>(Run(0.20));
        Assert.StartsWith("vacuous:", fails.Counterexample);
        Assert.Null(fails.Replay);
    }

    [Fact]
    public void A_satisfied_requirement_holds_and_reports_the_distribution()
    {
        var holds = Assert.IsType<CheckOutcome.Holds>(Run(0.005));
        var c = Assert.Single(holds.Stats.Coverage);
        Assert.False(c.Vacuous);
        Assert.Equal(holds.Stats.Labels.GetValueOrDefault("rare"), c.Count);
    }

    [Fact]
    public void Clopper_pearson_upper_bound_matches_the_closed_form_at_zero_successes()
    {
        // k = 0 of n: the one-sided upper bound is 1 − (1 − confidence)^(1/n) (hand derivation from Beta(1, n)).
        var r = CoverageResult.Check(new CoverageRequirement("x", 0.1, 0.95), 0, 100);
        Assert.InRange(r.UpperBound, 1 - Math.Pow(0.05, 0.01) - 1e-12, 1 - Math.Pow(0.05, 0.01) + 1e-12);
        Assert.True(r.Vacuous);
        Assert.True(CoverageResult.Check(new CoverageRequirement("x", 0.1), 0, 0).Vacuous);
        Assert.Equal(1.0, CoverageResult.Check(new CoverageRequirement("x", 0.1), 5, 5).UpperBound);
    }
}

public sealed class ProfileTests
{
    [Fact]
    public void Profiles_by_name_and_a_clear_error_otherwise()
    {
        Assert.Equal("deep", Profile.Resolve("deep").Name);
        Assert.True(Profile.DeepProfile.Tests > Profile.FastProfile.Tests);
        Assert.False(Profile.CiProfile.WritesFailures);
        Assert.False(Profile.CiProfile.RandomSeed);
        var e = Assert.Throws<NetClaims.Reports.UsageException>(() => Profile.Resolve("turbo"));
        Assert.Contains("known: ci, fast, deep", e.Message);
    }

    [Fact]
    public void Seeds_derive_from_run_seed_claim_generator_and_repetition()
    {
        var s = RunSettings.Default.WithSeed(7);
        var id = new ClaimId("a.b");
        var seeds = new[] { s.DeriveSeed(id, "check"), s.DeriveSeed(id, "negative"), s.DeriveSeed(id, "check", 1),
            s.DeriveSeed(new ClaimId("a.c"), "check"), s.WithSeed(8).DeriveSeed(id, "check") };
        Assert.Equal(seeds.Length, seeds.Distinct().Count());
        Assert.Equal(s.DeriveSeed(id, "check"), RunSettings.Default.WithSeed(7).DeriveSeed(id, "check"));
    }
}
