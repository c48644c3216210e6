using NetClaims.Cube;
using NetClaims.Claims;

namespace NetClaims.Tests.Runner;

/// <summary>
/// The acceptance path for a planted failing claim: found, shrunk, replayed from its token, stored, and replayed
/// first on the next run; removed once it passes; a corrupt entry is skipped, never crashes the run.
/// </summary>
public sealed class FailureDatabaseTests : IDisposable
{
    static readonly ClaimId Id = new("test.planted-db");
    readonly string dir = Directory.CreateTempSubdirectory("netclaims-db-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    RunSettings Fast(ulong seed) => RunSettings.Default.WithProfile(Profile.FastProfile).WithSeed(seed).WithFailures(new FailureStore(dir));

    // Planted: false from d = 7 on while `broken`, true everywhere once fixed.
    static CheckOutcome Planted(RunSettings s, bool broken) =>
        DimensionChecks.ForAll(new ClaimContext(Id, ClaimRole.Check, s), 1, 40, d => CaseResult.Of(!broken || d.Value < 7, $"planted at d={d}"));

    [Fact]
    public void Found_shrunk_replayed_stored_and_replayed_first()
    {
        var first = Assert.IsType<CheckOutcome.Fails>(Planted(Fast(1), broken: true));
        Assert.StartsWith("d=7:", first.Counterexample);
        var stored = Assert.Single(new FailureStore(dir).All());
        Assert.Equal(first.Replay, stored.Token.ToString());

        var replay = Assert.IsType<CheckOutcome.Fails>(Planted(Fast(1).WithReplay(first.Replay), broken: true));
        Assert.StartsWith("d=7:", replay.Counterexample);

        // A different run seed: the stored case is replayed before any fresh search.
        var next = Assert.IsType<CheckOutcome.Fails>(Planted(Fast(2), broken: true));
        Assert.Contains("[stored failure", next.Counterexample);
        Assert.Equal(1, next.Stats.Replayed);
        Assert.Equal(0, next.Stats.Evaluated);
    }

    [Fact]
    public void A_stored_case_that_passes_again_is_removed()
    {
        Planted(Fast(1), broken: true);
        Assert.Single(new FailureStore(dir).All());
        var fixedRun = Assert.IsType<CheckOutcome.Holds>(Planted(Fast(3), broken: false));
        Assert.Equal(1, fixedRun.Stats.Fixed);
        Assert.Empty(new FailureStore(dir).All());
    }

    [Fact]
    public void The_ci_profile_reads_but_never_writes_the_database()
    {
        var ci = RunSettings.Default.WithProfile(Profile.CiProfile).WithFailures(new FailureStore(dir));
        Assert.IsType<CheckOutcome.Fails>(Planted(ci, broken: true));
        Assert.Empty(new FailureStore(dir).All());
    }

    [Fact]
    public void Corrupt_entries_are_reported_and_skipped()
    {
        Directory.CreateDirectory(Path.Combine(dir, Id.Value));
        File.WriteAllText(Path.Combine(dir, Id.Value, "bad.json"), "{ not json");
        File.WriteAllText(Path.Combine(dir, Id.Value, "bad2.json"), "{\"token\": \"nc1:test.planted-db/check@\"}");
        var store = new FailureStore(dir);
        var outcome = DimensionChecks.ForAll(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default.WithFailures(store)), 1, 5, _ => CaseResult.Pass("ok"));
        Assert.IsType<CheckOutcome.Holds>(outcome);
        Assert.Equal(2, store.Problems.Count);
        Assert.All(store.Problems, p => Assert.Contains("skipped corrupt failure-database entry", p));
    }

    [Fact]
    public void A_promoted_example_is_replayed_on_every_run_in_every_profile()
    {
        var first = Assert.IsType<CheckOutcome.Fails>(Planted(Fast(1), broken: true));
        var examples = new ExampleStore(Path.Combine(dir, "examples"));
        examples.Add(ReplayToken.Parse(first.Replay!), first.Counterexample);
        examples.Add(ReplayToken.Parse(first.Replay!), "twice is once");
        Assert.Single(File.ReadAllLines(examples.PathFor(Id)), l => l.StartsWith("nc1:", StringComparison.Ordinal));
        var ci = RunSettings.Default.WithExamples(examples);
        var again = Assert.IsType<CheckOutcome.Fails>(Planted(ci, broken: true));
        Assert.Contains("[explicit example", again.Counterexample);
    }

    [Fact]
    public void An_unreadable_example_line_fails_the_claim_under_ci_and_warns_elsewhere()
    {
        var examples = new ExampleStore(Path.Combine(dir, "examples"));
        Directory.CreateDirectory(examples.Directory);
        File.WriteAllText(examples.PathFor(Id), "# examples\nnc1:another.claim/check@E_1\n");
        var ci = Assert.IsType<CheckOutcome.Errored>(Planted(RunSettings.Default.WithExamples(examples), broken: false));
        Assert.Contains("not a token of", ci.Message);
        Assert.IsType<CheckOutcome.Holds>(Planted(Fast(1).WithExamples(examples), broken: false));
        Assert.Contains(examples.Problems, p => p.Contains("skipped bad example"));
    }
}
