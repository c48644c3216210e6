using NetClaims.Claims;
using NetClaims.Reports;

namespace NetClaims.Tests.Reports;

public sealed class SnapshotStoreTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("netclaims-snap-").FullName;
    readonly ClaimId id = new("test.sample");
    readonly string report = ReportText.Render(ReportTextTests.Sample());

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Missing_snapshot_writes_a_received_file_and_never_an_approved_one()
    {
        var store = new SnapshotStore(dir);
        var status = store.Compare(id, report);
        Assert.IsType<SnapshotStatus.Missing>(status);
        Assert.True(File.Exists(store.ReceivedPath(id)));
        Assert.False(File.Exists(store.ApprovedPath(id)));
    }

    [Fact]
    public void Match_removes_a_stale_received_file()
    {
        var store = new SnapshotStore(dir);
        File.WriteAllText(store.ApprovedPath(id), report);
        File.WriteAllText(store.ReceivedPath(id), "stale");
        Assert.IsType<SnapshotStatus.Match>(store.Compare(id, report));
        Assert.False(File.Exists(store.ReceivedPath(id)));
    }

    [Fact]
    public void Mismatch_keeps_the_approved_file_and_lists_cells()
    {
        var store = new SnapshotStore(dir);
        File.WriteAllText(store.ApprovedPath(id), report);
        var status = Assert.IsType<SnapshotStatus.Mismatch>(store.Compare(id, ReportText.Render(ReportTextTests.Sample(90))));
        Assert.Single(status.Differences);
        Assert.Equal(report, File.ReadAllText(store.ApprovedPath(id)));
        Assert.Contains("| 90 |", File.ReadAllText(store.ReceivedPath(id)));
    }

    [Fact]
    public void Corrupt_snapshot_is_reported_and_left_untouched()
    {
        var store = new SnapshotStore(dir);
        File.WriteAllText(store.ApprovedPath(id), "# test.sample\n\ngarbage | [\n");
        var status = Assert.IsType<SnapshotStatus.Corrupt>(store.Compare(id, report));
        Assert.Contains("corrupt snapshot", status.Message);
        Assert.Equal("# test.sample\n\ngarbage | [\n", File.ReadAllText(store.ApprovedPath(id)));
    }

    [Fact]
    public void Atomic_write_leaves_no_temporary_files()
    {
        AtomicFile.WriteAllText(Path.Combine(dir, "a", "b.md"), "x");
        Assert.Equal(["b.md"], Directory.GetFiles(Path.Combine(dir, "a")).Select(Path.GetFileName));
    }
}
