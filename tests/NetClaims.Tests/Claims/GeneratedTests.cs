using NetClaims.Cube;
using NetClaims.Claims;

namespace NetClaims.Tests.Claims;

/// <summary>A planted failing property: found, shrunk to the smallest failing d, and replayed from its token.</summary>
public sealed class GeneratedTests
{
    static readonly ClaimId Id = new("test.planted");

    // False for every d ≥ 7 (and true below): the smallest counterexample is d = 7.
    static CaseResult Planted(int d) => CaseResult.Of(d < 7, $"planted failure at d={d}");

    [Fact]
    public void A_failing_property_shrinks_to_the_smallest_failing_d()
    {
        var outcome = DimensionChecks.ForAll(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default), 1, 40, d => Planted(d.Value));
        var fails = Assert.IsType<CheckOutcome.Fails>(outcome);
        Assert.StartsWith("d=7: planted failure at d=7", fails.Counterexample);
        Assert.NotNull(fails.Replay);
    }

    [Fact]
    public void The_replay_token_reruns_exactly_the_shrunk_case()
    {
        var first = Assert.IsType<CheckOutcome.Fails>(DimensionChecks.ForAll(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default.WithSeed(99)), 1, 40, d => Planted(d.Value)));
        var seen = new List<int>();
        var replay = DimensionChecks.ForAll(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default.WithReplay(first.Replay)), 1, 40, d => { seen.Add(d.Value); return Planted(d.Value); });
        var again = Assert.IsType<CheckOutcome.Fails>(replay);
        Assert.Equal(first.Counterexample.Split(" (")[0], again.Counterexample.Split(" (")[0].Split(" [")[0]);
        Assert.Equal([7], seen.Distinct());
    }

    [Fact]
    public void A_token_for_another_claim_or_role_is_ignored()
    {
        var token = new ReplayToken(new ClaimId("test.other"), ClaimRole.Check, "1_2_3_").ToString();
        var outcome = DimensionChecks.ForAll(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default.WithReplay(token)), 1, 5, d => Planted(d.Value));
        Assert.IsType<CheckOutcome.Holds>(outcome);
    }

    [Fact]
    public void Same_seed_same_result_different_seed_still_finds_it()
    {
        var a = DimensionChecks.ForAll(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default.WithSeed(5)), 1, 40, d => Planted(d.Value));
        var b = DimensionChecks.ForAll(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default.WithSeed(5)), 1, 40, d => Planted(d.Value));
        Assert.Equal(((CheckOutcome.Fails)a).Replay, ((CheckOutcome.Fails)b).Replay);
        Assert.NotEqual(RunSettings.Default.WithSeed(5).DeriveSeed(Id, "check"), RunSettings.Default.WithSeed(6).DeriveSeed(Id, "check"));
    }

    [Fact]
    public void An_exception_is_an_error_not_a_counterexample()
    {
        var outcome = DimensionChecks.ForAll(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default), 1, 10, d => d.Value > 3 ? throw new InvalidOperationException("boom") : CaseResult.Pass("ok"));
        var e = Assert.IsType<CheckOutcome.Errored>(outcome);
        Assert.Contains("boom", e.Message);
    }

    [Fact]
    public void Holds_counts_its_cases()
    {
        var outcome = DimensionChecks.ForAll(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default.WithTests(37)), 1, 10, _ => CaseResult.Pass("ok"));
        Assert.Equal(37, Assert.IsType<CheckOutcome.Holds>(outcome).Cases);
    }
}

public sealed class GeneratedCancellationTests
{
    [Fact]
    public void A_cancelled_run_has_no_verdict()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            DimensionChecks.ForAll(new ClaimContext(new ClaimId("test.cancel"), ClaimRole.Check, RunSettings.Default.WithCancellation(cts.Token)), 1, 5, _ => CaseResult.Pass("ok")));
    }
}
