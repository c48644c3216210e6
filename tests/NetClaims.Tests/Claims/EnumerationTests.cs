using NetClaims.Cube;
using NetClaims.Claims;

namespace NetClaims.Tests.Claims;

/// <summary>Enumerated checks: every value once, in order, the smallest failure first, independent of the run seed.</summary>
public sealed class EnumerationTests
{
    static readonly ClaimId Id = new("test.enumerated");

    [Fact]
    public void Every_d_in_the_range_is_checked_exactly_once()
    {
        var seen = new List<int>();
        var holds = Assert.IsType<CheckOutcome.Holds>(DimensionChecks.ForEach(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default), 3, 11, d => { seen.Add(d.Value); return CaseResult.Pass("ok"); }));
        Assert.Equal(Enumerable.Range(3, 9), seen);
        Assert.Equal(9, holds.Cases);
        Assert.False(holds.Stats.UsesSeed);
    }

    [Fact]
    public void The_first_failure_is_the_smallest_and_its_token_replays_only_it()
    {
        var fails = Assert.IsType<CheckOutcome.Fails>(DimensionChecks.ForEach(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default), 1, 20, d => CaseResult.Of(d.Value < 7, "planted")));
        Assert.StartsWith("d=7:", fails.Counterexample);
        Assert.EndsWith("@E_6", fails.Replay);
        var seen = new List<int>();
        var again = Assert.IsType<CheckOutcome.Fails>(DimensionChecks.ForEach(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default.WithReplay(fails.Replay)), 1, 20, d => { seen.Add(d.Value); return CaseResult.Of(d.Value < 7, "planted"); }));
        Assert.Equal([7], seen);
        Assert.Contains("[replay", again.Counterexample);
    }

    [Fact]
    public void The_outcome_does_not_depend_on_the_run_seed()
    {
        var a = DimensionChecks.ForEach(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default.WithSeed(1)), 1, 20, d => CaseResult.Of(d.Value != 13, "planted"));
        var b = DimensionChecks.ForEach(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default.WithSeed(987654)), 1, 20, d => CaseResult.Of(d.Value != 13, "planted"));
        Assert.Equal(((CheckOutcome.Fails)a).Replay, ((CheckOutcome.Fails)b).Replay);
    }

    [Fact]
    public void Shards_split_the_values_and_together_cover_them()
    {
        var all = new List<int>();
        for (int k = 1; k <= 3; k++)
        {
            var part = new List<int>();
            DimensionChecks.ForEach(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default.WithShard(new Shard(k, 3))), 1, 10, d => { part.Add(d.Value); return CaseResult.Pass("ok"); });
            all.AddRange(part);
        }
        Assert.Equal(Enumerable.Range(1, 10), all.Order());
    }

    [Fact]
    public void A_token_of_another_kind_or_out_of_range_is_an_error_not_a_pass()
    {
        var hedgehog = new ReplayToken(Id, ClaimRole.Check, "2_1_1_").ToString();
        Assert.IsType<CheckOutcome.Errored>(DimensionChecks.ForEach(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default.WithReplay(hedgehog)), 1, 5, _ => CaseResult.Pass("ok")));
        var outOfRange = new ReplayToken(Id, ClaimRole.Check, "E_99").ToString();
        Assert.IsType<CheckOutcome.Errored>(DimensionChecks.ForEach(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default.WithReplay(outOfRange)), 1, 5, _ => CaseResult.Pass("ok")));
    }
}
