namespace NetClaims.Reports;

/// <summary>Bad input from the user (a path, an option, a token): one line on stderr and exit 2, before any work.</summary>


/// <summary>
/// A report folder, checked before any claim runs and written whole: the files go to a sibling staging folder that
/// replaces the old folder only once complete, so a full disk or a crash leaves the previous report intact, never a
/// mix of two runs, and no stale file of an older run survives. Only an empty folder or one that holds a NetClaims
/// report (report.json) is ever replaced.
/// </summary>
internal static class ReportFolder
{
    /// <summary>Refuses (<see cref="UsageException"/>) a path that cannot become a report folder; returns its full path.</summary>
    public static string Check(string dir, string option = "--out")
    {
        if (string.IsNullOrWhiteSpace(dir)) throw new UsageException($"{option} needs a folder");
        string full;
        try
        {
            full = Path.GetFullPath(dir);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"{option} {dir}: not a usable path ({e.Message.Split('\n')[0]})");
        }
        if (File.Exists(full)) throw new UsageException($"{option} {dir} is a file, not a folder");
        for (var p = Path.GetDirectoryName(full); p is not null; p = Path.GetDirectoryName(p))
            if (File.Exists(p)) throw new UsageException($"{option} {dir}: {p} is a file, so no folder can be made under it");
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !File.Exists(Path.Combine(full, "report.json")))
            throw new UsageException($"{option} {dir} exists and holds no NetClaims report (no report.json): refusing to replace it");
        var parent = Path.GetDirectoryName(full) ?? full;
        try
        {
            Directory.CreateDirectory(parent);
            var probe = Path.Combine(parent, $".netclaims-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} {dir}: cannot write in {parent} ({e.Message.Split('\n')[0]})");
        }
        return full;
    }

    /// <summary>Writes the folder with <paramref name="write"/> (given the staging path), then swaps it into place.</summary>
    public static void Replace(string dir, Action<string> write)
    {
        var full = Check(dir);
        var parent = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        var staging = Path.Combine(parent, $".{name}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var old = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            write(staging);
            if (Directory.Exists(full)) Directory.Move(full, old);
            Directory.Move(staging, full);
        }
        catch
        {
            // Whatever failed, the previous report stays (or is put back) and no staging folder is left behind.
            if (!Directory.Exists(full) && Directory.Exists(old)) Directory.Move(old, full);
            if (Directory.Exists(staging)) Directory.Delete(staging, true);
            throw;
        }
        if (Directory.Exists(old)) Directory.Delete(old, true);
    }
}
