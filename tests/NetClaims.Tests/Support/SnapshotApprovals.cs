using System.Runtime.CompilerServices;
using ApprovalTests;
using ApprovalTests.Approvers;
using ApprovalTests.Core;
using ApprovalTests.Core.Exceptions;
using ApprovalTests.Reporters;
using ApprovalTests.Writers;
using NetClaims.Claims;
using NetClaims.Reports;

namespace NetClaims.Tests.Support;

/// <summary>
/// ApprovalTests wired to NetClaims' numeric reports: files live in the repository's snapshots/ as
/// <c>{claim-id}.approved.md</c>, and the approver compares cells with the per-column tolerances of the approved
/// header (<see cref="ReportComparer"/>). On a mismatch ApprovalTests leaves <c>{claim-id}.received.md</c> and the test
/// fails listing the differing cells. Nothing is ever auto-approved (QuietReporter, no diff tool, CI or not).
/// </summary>
public static class SnapshotApprovals
{
    public static string Directory { get; } = FindSnapshots();

    public static void Verify(ClaimId id, string rendered) =>
        Approvals.Verify(new NumericApprover(new ApprovalTextWriter(rendered, "md"), new ClaimNamer(id)), new QuietReporter());

    /// <summary>
    /// Golden text files compared exactly (ApprovalTests' own file approver): the PTX of the GPU kernels, kept under
    /// tests/NetClaims.Tests/Training/Golden. A mismatch leaves a .received file beside the golden one.
    /// </summary>
    public static void VerifyGolden(string name, string text, string extension) =>
        Approvals.Verify(new FileApprover(new ApprovalTextWriter(text, extension), new GoldenNamer(name), true), new QuietReporter());

    static string FindSnapshots() => Path.Combine(RepositoryRoot(), "snapshots");

    public static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Verify.sln")))
                return d.FullName;
        throw new InvalidOperationException("cannot find the repository root (Verify.sln) above " + AppContext.BaseDirectory);
    }

    sealed class GoldenNamer(string name) : IApprovalNamer
    {
        public string SourcePath => Path.Combine(RepositoryRoot(), "tests", "NetClaims.Tests", "Training", "Golden");

        public string Name => name;
    }

    sealed class ClaimNamer(ClaimId id) : IApprovalNamer
    {
        public string SourcePath => Directory;

        public string Name => id.Value;
    }

    sealed class NumericApprover(IApprovalWriter writer, IApprovalNamer namer) : FileApprover(writer, namer, true)
    {
        public override ApprovalException? Approve(string approvedPath, string receivedPath)
        {
            // The same judgement as `netclaims verify` and `netclaims approve` (SnapshotStore.Judge).
            return SnapshotStore.Judge(approvedPath, File.ReadAllText(receivedPath)) switch
            {
                SnapshotStatus.Match => null,
                SnapshotStatus.Missing => new ApprovalMissingException(receivedPath, approvedPath),
                SnapshotStatus.Mismatch m => new CellMismatchException(receivedPath, approvedPath, m.Differences),
                SnapshotStatus.Corrupt c => new CellMismatchException(receivedPath, approvedPath, [new ReportDifference("whole file", "corrupt", c.Message, "format")]),
                var other => new ApprovalException(receivedPath, approvedPath) { },
            };
        }
    }

    /// <summary>A snapshot mismatch whose message lists the differing cells and the approval command.</summary>
    public sealed class CellMismatchException(string received, string approved, IReadOnlyList<ReportDifference> diffs) : ApprovalException(received, approved)
    {
        public IReadOnlyList<ReportDifference> Differences { get; } = diffs;

        public override string Message =>
            $"report differs from {Path.GetFileName(Approved)} in {Differences.Count} place(s):\n  " +
            string.Join("\n  ", Differences.Take(20).Select(d => d.ToString())) +
            $"\nreceived: {Received}\nif the new numbers are right: dotnet cake --target=Approve (or netclaims approve --claim {Path.GetFileName(Approved).Replace(".approved.md", "")})";
    }
}
