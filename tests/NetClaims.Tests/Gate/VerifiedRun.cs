using NetClaims.Claims;
using NetClaims.Properties;
using NetClaims.Reports;
using NetClaims.Tests.Support;

namespace NetClaims.Tests.Gate;

/// <summary>
/// A fresh <c>verify</c> report the gate may reuse instead of running every claim a second time (CI runs both of the
/// README's commands). Reused only when <c>artifacts/report/report.json</c> is complete, unsharded, not a replay, of the
/// same profile, and its build fingerprint equals this test run's (the same NetClaims and claim assemblies, byte for
/// byte, and the same explicit examples). The snapshot comparison is not reused: the stored rendered report is compared
/// with snapshots/ again here. <c>NETCLAIMS_GATE_RERUN=1</c> turns reuse off.
/// </summary>
internal static class VerifiedRun
{
    static readonly Lazy<(RunDocument Doc, string Dir)?> Fresh = new(Load);

    public static string? Reason { get; private set; }

    static (RunDocument, string)? Load()
    {
        if (Ci.IsTruthy(Environment.GetEnvironmentVariable("NETCLAIMS_GATE_RERUN"))) { Reason = "NETCLAIMS_GATE_RERUN is set"; return null; }
        var dir = Path.Combine(SnapshotApprovals.RepositoryRoot(), "artifacts", "report");
        var path = Path.Combine(dir, "report.json");
        if (!File.Exists(path)) { Reason = "no artifacts/report/report.json"; return null; }
        RunDocument doc;
        try { doc = RunDocument.FromJson(File.ReadAllText(path), path); }
        catch (UsageException e) { Reason = e.Message; return null; }
        var fingerprint = BuildFingerprint.Of(ClaimCatalog.Assemblies, Path.Combine(SnapshotApprovals.Directory, "examples"));
        if (doc.Build is null) { Reason = "the report is partial, sharded or a replay"; return null; }
        if (doc.Build != fingerprint) { Reason = "the report was made by other code or other explicit examples"; return null; }
        if (doc.Profile != RunSettings.Default.Profile.Name) { Reason = $"the report ran profile {doc.Profile}, this run {RunSettings.Default.Profile.Name}"; return null; }
        if (doc.Harness != ReplayToken.HarnessVersion) { Reason = "another harness version"; return null; }
        return (doc, dir);
    }

    /// <summary>The claim's record and rendered report from a fresh verify run, or null (then the gate runs the claim).</summary>
    public static (ClaimRecord Record, string Report, ulong Seed)? For(ClaimId id)
    {
        if (Fresh.Value is not { } fresh) return null;
        var record = fresh.Doc.Claims.FirstOrDefault(c => c.Id == id.Value);
        var md = Path.Combine(fresh.Dir, "claims", id.Value + ".md");
        if (record is null || !File.Exists(md)) return null;
        return (record, File.ReadAllText(md), fresh.Doc.Seed);
    }
}
