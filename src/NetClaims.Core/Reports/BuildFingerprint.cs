using System.Reflection;
using System.Security.Cryptography;

namespace NetClaims.Reports;

/// <summary>
/// What a run's verdicts depend on besides its seed and profile: the bytes of the assemblies that hold the machinery
/// and the claims, and the explicit examples replayed on every run. Two runs with the same fingerprint, profile and a
/// complete, unsharded, unreplayed report ran the same checks; the gate tests use that to reuse a fresh
/// <c>verify</c> report instead of running every claim a second time.
/// </summary>
internal static class BuildFingerprint
{
    public static string Of(IEnumerable<Assembly> assemblies, string? examplesDirectory)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var a in assemblies.DistinctBy(a => a.FullName).OrderBy(a => a.GetName().Name, StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(a.GetName().Name + "\n"));
            // Location is empty for single-file or in-memory assemblies: then there is nothing to compare, and no reuse.
            if (string.IsNullOrEmpty(a.Location)) return "none";
            sha.AppendData(File.ReadAllBytes(a.Location));
        }
        if (examplesDirectory is not null && Directory.Exists(examplesDirectory))
            foreach (var f in Directory.GetFiles(examplesDirectory, "*.tokens").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal))
            {
                sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(f) + "\n"));
                sha.AppendData(File.ReadAllBytes(f));
            }
        return "sha256:" + Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();
    }
}
