using NetClaims.Claims;
using NetClaims.Properties;
using NetClaims.Reports;
using NetClaims.Tests.Support;

namespace NetClaims.Tests.Gate;

/// <summary>
/// The gate: one test per registered claim (read from the catalogue, never hand-copied). Each claim must hold, its
/// negative control must be refuted, and its numeric report must match the approved snapshot within tolerance. When a
/// fresh <c>verify</c> report of the same build exists (<see cref="VerifiedRun"/>), its verdicts are taken instead of
/// running each claim a second time; the report is still compared with the snapshot here.
/// </summary>
[Trait("kind", "gate")]
public sealed class ClaimGateTests(Xunit.Abstractions.ITestOutputHelper output)
{
    public static TheoryData<string> ClaimIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in ClaimCatalog.All) data.Add(c.Id.Value);
        return data;
    }

    // One cache for the gate's whole test run (the run's lifetime): claims that measure the same networks share them.
    static readonly RunCache GateCache = new();

    [Theory]
    [MemberData(nameof(ClaimIds))]
    public void Claim_holds_negative_control_is_refuted_and_report_matches_snapshot(string id)
    {
        var claim = ClaimCatalog.Get(id);
        if (VerifiedRun.For(claim.Id) is { } verified)
        {
            // The README's first command ran this very code moments ago: take its verdicts, compare its report here.
            output.WriteLine($"{id}: verdicts from the fresh verify report (seed {verified.Seed}); report compared with snapshots/ here");
            Assert.True(verified.Record.Verdict == Verdict.Holds, $"{id} does not hold in the verify report: {RunReport.Problem(verified.Record)}" +
                (verified.Record.Replay is { } rt ? $"\nreplay with: {ReplayToken.Parse(rt).Command}" : ""));
            Assert.True(verified.Record.NegativeControl == NegativeOutcome.Refuted, $"{id}: the negative control '{claim.NegativeControl.Statement}' was not refuted in the verify report");
            SnapshotApprovals.Verify(claim.Id, verified.Report);
            return;
        }
        output.WriteLine($"{id}: running the claim ({VerifiedRun.Reason ?? "no fresh verify report of it"})");
        var result = ClaimRunner.Run(claim, RunSettings.Default.WithCache(GateCache), snapshots: null);

        Assert.True(result.Verdict == Verdict.Holds, $"{id} does not hold: {RunReport.Problem(result)}" +
            (result.Replay is { } t ? $"\nreplay with: {ReplayToken.Parse(t).Command}" : ""));
        Assert.True(result.NegativeRefuted, $"{id}: the negative control '{claim.NegativeControl.Statement}' was not refuted: {result.Negative}");
        Assert.NotNull(result.Report);
        SnapshotApprovals.Verify(claim.Id, ReportText.Render(result.Report!));
    }

    [Fact]
    public void Every_claim_has_a_source_a_statement_and_a_negative_control()
    {
        Assert.NotEmpty(ClaimCatalog.All);
        Assert.Equal(ClaimCatalog.All.Count, ClaimCatalog.All.Select(c => c.Id).Distinct().Count());
        foreach (var c in ClaimCatalog.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Statement), c.Id.Value);
            Assert.Matches(@"\[(SRC|DER|NUM|REC|SEED|UNSURE)", c.Source.Provenance);
            Assert.False(string.IsNullOrWhiteSpace(c.NegativeControl.Statement), c.Id.Value);
        }
    }

    [Fact]
    public void Every_claim_has_an_approved_snapshot_and_no_snapshot_is_orphaned()
    {
        var approved = Directory.GetFiles(SnapshotApprovals.Directory, "*.approved.md").Select(Path.GetFileName).ToHashSet();
        foreach (var c in ClaimCatalog.All) Assert.Contains(c.Id.Value + ".approved.md", approved);
        Assert.Equal(ClaimCatalog.All.Count, approved.Count);
    }
}
