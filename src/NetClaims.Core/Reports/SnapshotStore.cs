using NetClaims.Claims;

namespace NetClaims.Reports;

/// <summary>The state of a claim's report against its approved snapshot.</summary>
public abstract record SnapshotStatus(SnapshotState State)
{
    /// <summary>Every cell within its column's tolerance.</summary>
    public sealed record Match() : SnapshotStatus(SnapshotState.Match);

    /// <summary>Some cells differ.</summary>
    /// <param name="Differences">The differing cells.</param>
    /// <param name="ReceivedPath">Where the new report was written.</param>
    public sealed record Mismatch(IReadOnlyList<ReportDifference> Differences, string ReceivedPath) : SnapshotStatus(SnapshotState.Mismatch);

    /// <summary>No approved snapshot.</summary>
    /// <param name="ReceivedPath">Where the new report was written.</param>
    public sealed record Missing(string ReceivedPath) : SnapshotStatus(SnapshotState.Missing);

    /// <summary>The approved snapshot cannot be read.</summary>
    /// <param name="Message">What is wrong with it.</param>
    public sealed record Corrupt(string Message) : SnapshotStatus(SnapshotState.Corrupt);

    /// <summary>No comparison was asked for.</summary>
    public sealed record NotAvailable() : SnapshotStatus(SnapshotState.NotAvailable);

    /// <summary>The state's word (match, mismatch, …).</summary>
    public string Word => State.Word();

    /// <summary>Whether the snapshot does not fail the claim (a match, or no comparison asked for).</summary>
    public bool IsOk => this is Match or NotAvailable;
}

/// <summary>
/// Approved reports under snapshots/: <c>{claim-id}.approved.md</c>; on a mismatch the new report is written beside
/// it as <c>{claim-id}.received.md</c>. Approval replaces the approved file atomically and removes the received one.
/// </summary>
public sealed class SnapshotStore(string directory)
{
    /// <summary>The snapshots folder.</summary>
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>Where the claim's approved report lives.</summary>
    public string ApprovedPath(ClaimId id) => Path.Combine(Directory, id.Value + ".approved.md");

    /// <summary>Where a report that does not match is written.</summary>
    public string ReceivedPath(ClaimId id) => Path.Combine(Directory, id.Value + ".received.md");

    /// <summary>The snapshots/ folder of the nearest folder at or above <paramref name="start"/> that has one (a user's claims project).</summary>
    public static SnapshotStore? Nearest(string start)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            if (System.IO.Directory.Exists(Path.Combine(d.FullName, "snapshots"))) return new SnapshotStore(Path.Combine(d.FullName, "snapshots"));
        return null;
    }

    /// <summary>Finds snapshots/ of the repository that contains the working directory or this program (or NETCLAIMS_SNAPSHOTS).</summary>
    public static SnapshotStore? Locate()
    {
        var env = Environment.GetEnvironmentVariable("NETCLAIMS_SNAPSHOTS");
        if (!string.IsNullOrEmpty(env)) return System.IO.Directory.Exists(env) ? new SnapshotStore(env) : null;
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "Verify.sln")) && System.IO.Directory.Exists(Path.Combine(d.FullName, "snapshots")))
                    return new SnapshotStore(Path.Combine(d.FullName, "snapshots"));
        }
        return null;
    }

    /// <summary>
    /// The one comparison of a rendered report with an approved file, cell by cell with the approved header's
    /// tolerances, writing nothing: what <see cref="Compare"/>, <c>netclaims approve</c> and the xunit gate's approver
    /// all decide by. The received path in the status is the approved path's <c>.received.md</c> sibling.
    /// </summary>
    public static SnapshotStatus Judge(string approvedPath, string rendered)
    {
        var received = approvedPath.EndsWith(".approved.md", StringComparison.Ordinal)
            ? approvedPath[..^".approved.md".Length] + ".received.md" : approvedPath + ".received";
        if (!File.Exists(approvedPath)) return new SnapshotStatus.Missing(received);
        try
        {
            var diffs = ReportComparer.Compare(File.ReadAllText(approvedPath), rendered, approvedPath);
            return diffs.Count == 0 ? new SnapshotStatus.Match() : new SnapshotStatus.Mismatch(diffs, received);
        }
        catch (FormatException e)
        {
            return new SnapshotStatus.Corrupt($"corrupt snapshot: {e.Message}");
        }
    }

    /// <summary>Compares a rendered report with the approved one (<see cref="Judge"/>); writes the received file
    /// unless they match, and removes a stale received file when they do.</summary>
    public SnapshotStatus Compare(ClaimId id, string rendered)
    {
        var status = Judge(ApprovedPath(id), rendered);
        var received = ReceivedPath(id);
        if (status is SnapshotStatus.Match)
        {
            if (File.Exists(received)) File.Delete(received);
        }
        else AtomicFile.WriteAllText(received, rendered);
        return status;
    }

    /// <summary>
    /// Approves a report: a report within tolerance of its snapshot is left alone (approval never churns digits, and
    /// a stale received file is removed); anything else replaces the approved file atomically. Says what changed.
    /// Refused when CI=true.
    /// </summary>
    public string ApproveIfChanged(ClaimId id, string rendered)
    {
        var status = Judge(ApprovedPath(id), rendered);
        if (status is SnapshotStatus.Match)
        {
            var received = ReceivedPath(id);
            if (File.Exists(received)) File.Delete(received);
            return "unchanged";
        }
        Approve(id, rendered);
        return status switch
        {
            SnapshotStatus.Missing => "new",
            SnapshotStatus.Mismatch m => $"{m.Differences.Count} difference(s) from the previous snapshot",
            SnapshotStatus.Corrupt c => $"replaces a corrupt snapshot ({c.Message})",
            _ => status.Word,
        };
    }

    /// <summary>Writes the report as approved (atomically) and removes any received file. Refused when CI=true.</summary>
    public void Approve(ClaimId id, string rendered)
    {
        if (Ci.IsCi) throw new UsageException("refusing to approve snapshots when CI=true: approve locally and commit snapshots/");
        AtomicFile.WriteAllText(ApprovedPath(id), rendered);
        var received = ReceivedPath(id);
        if (File.Exists(received)) File.Delete(received);
    }
}

/// <summary>The CI switch: a truthy CI variable (true, 1, yes, on) makes runs deterministic and forbids approval.</summary>
internal static class Ci
{
    public static bool IsCi => IsTruthy(Environment.GetEnvironmentVariable("CI"));

    public static bool IsTruthy(string? value) =>
        value?.Trim().ToLowerInvariant() is "true" or "1" or "yes" or "on" or "y" or "t";
}
