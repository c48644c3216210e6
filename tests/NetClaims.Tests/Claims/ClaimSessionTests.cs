using NetClaims.Claims;
using NetClaims.Cube;
using NetClaims.Properties;
using NetClaims.Reports;

namespace NetClaims.Tests.Claims;

/// <summary>The core's extension points: a run over claims with a listener, validators before any work, claim sources.</summary>
public sealed class ClaimSessionTests
{
    static Claim Counting(string id, Action ran, string provenance = "[DER]") => new(
        new ClaimId(id), new Citation("test", "here", provenance), "holds", EvidenceTier.Exact,
        s => { ran(); s.Log($"{s.Id} working"); return DimensionChecks.ForEach(s, 1, 3, _ => CaseResult.Pass("ok")); },
        _ => new ReportContent("none"),
        new NegativeControl("false", s => DimensionChecks.ForEach(s, 1, 3, _ => CaseResult.Fail("no"))));

    sealed class Recorder : IClaimListener
    {
        public List<string> Events { get; } = [];
        public void RunStarting(IReadOnlyList<Claim> claims, RunSettings settings) => Events.Add($"run {claims.Count}");
        public void ClaimStarting(Claim claim, int index, int count) => Events.Add($"start {claim.Id} {index}/{count}");
        public void Progress(Claim claim, string line) => Events.Add($"progress {claim.Id}: {line}");
        public void ClaimFinished(ClaimResult result, int index, int count) => Events.Add($"done {result.Claim.Id} {result.Passed}");
    }

    [Fact]
    public void A_run_tells_its_listener_every_event_in_order_including_the_checks_own_progress_lines()
    {
        int ran = 0;
        var rec = new Recorder();
        var run = ClaimRunner.RunAll([Counting("t.a", () => ran++), Counting("t.b", () => ran++)], RunSettings.Default, null, rec);
        Assert.True(run.Complete);
        Assert.Equal(2, ran);
        Assert.Equal(["run 2", "start t.a 0/2", "progress t.a: t.a working", "done t.a True", "start t.b 1/2", "progress t.b: t.b working", "done t.b True"], rec.Events);
    }

    [Fact]
    public void Validators_refuse_a_run_before_any_claim_runs()
    {
        int ran = 0;
        var dup = Assert.Throws<UsageException>(() => ClaimRunner.RunAll([Counting("t.a", () => ran++), Counting("t.a", () => ran++)], RunSettings.Default, null));
        Assert.Contains("t.a is declared 2 times", dup.Message);
        var untagged = Assert.Throws<UsageException>(() => ClaimRunner.RunAll([Counting("t.c", () => ran++, "from the paper")], RunSettings.Default, null));
        Assert.Contains("no provenance tag", untagged.Message);
        var unknown = Assert.Throws<UsageException>(() => ClaimRunner.RunAll([Counting("t.d", () => ran++, "[SRC:abs] and [GUESS]")], RunSettings.Default, null));
        Assert.Contains("unknown provenance tag [GUESS]", unknown.Message);
        Assert.Equal(0, ran);
    }

    [Fact]
    public void Under_ci_a_claim_without_an_approved_snapshot_is_refused_before_work_and_elsewhere_it_runs()
    {
        var dir = Directory.CreateTempSubdirectory("netclaims-validate-").FullName;
        try
        {
            int ran = 0;
            var store = new SnapshotStore(dir);
            var ci = RunSettings.Default.WithProfile(Profile.CiProfile);
            var e = Assert.Throws<UsageException>(() => ClaimRunner.RunAll([Counting("t.e", () => ran++)], ci, store));
            Assert.Contains("no approved snapshot", e.Message);
            Assert.Equal(0, ran);
            var fast = ClaimRunner.RunAll([Counting("t.e", () => ran++)], RunSettings.Default.WithProfile(Profile.FastProfile), store);
            Assert.IsType<SnapshotStatus.Missing>(Assert.Single(fast.Results).Snapshot);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Every_catalogue_claim_passes_the_default_validators_with_the_repository_snapshots()
    {
        var problems = ClaimValidators.Problems(ClaimValidators.Default, ClaimCatalog.All, RunSettings.Default.WithProfile(Profile.CiProfile), SnapshotStore.Locate());
        Assert.Empty(problems);
    }

    [Fact]
    public void Cancelling_a_run_returns_the_results_so_far_as_incomplete()
    {
        using var cts = new CancellationTokenSource();
        var claims = new[] { Counting("t.f", () => { }), Counting("t.g", cts.Cancel), Counting("t.h", () => { }) };
        var run = ClaimRunner.RunAll(claims, RunSettings.Default.WithCancellation(cts.Token), null);
        Assert.False(run.Complete);
        Assert.Equal("t.f", Assert.Single(run.Results).Claim.Id.Value);
    }

    [Fact]
    public void Discovery_finds_the_catalogue_through_its_public_source_class()
    {
        var source = ClaimSource.FromAssembly(typeof(ClaimCatalog).Assembly);
        Assert.Equal(ClaimCatalog.All.Select(c => c.Id), source.Claims.Select(c => c.Id));
        Assert.Contains(typeof(Claim).Assembly, source.Assemblies);
        Assert.Contains(typeof(Dimension).Assembly, source.Assemblies);
    }

    [Fact]
    public void An_assembly_without_claims_is_a_usage_error()
    {
        var e = Assert.Throws<UsageException>(() => ClaimSource.FromAssembly(typeof(MathNet.Numerics.Constants).Assembly));
        Assert.Contains("declares no claims", e.Message);
    }
}
