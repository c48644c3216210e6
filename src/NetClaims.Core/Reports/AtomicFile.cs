namespace NetClaims.Reports;

/// <summary>Writes files so that a crash or Ctrl-C never leaves a half-written file: temp file in the same folder, then rename.</summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string content) => Write(path, tmp => File.WriteAllText(tmp, content));

    /// <summary>Lets <paramref name="write"/> fill a temporary file beside <paramref name="path"/>, then renames it over
    /// <paramref name="path"/>; on any failure the temporary file is removed and <paramref name="path"/> is untouched.
    /// </summary>
    public static void Write(string path, Action<string> write)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            write(tmp);
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }
}
