using System.Diagnostics;

namespace NetClaims.Benchmarks;

/// <summary>Runs a peer script from <c>peers/</c> with the first python that can (the PATH's python3, then Debian's).</summary>
internal static class Peers
{
    /// <summary>The script's standard output, or null when no python3 ran it successfully (e.g. NumPy/SciPy missing).</summary>
    public static string? Run(string script, string arguments)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "peers", script);
        foreach (var python in new[] { "python3", "/usr/bin/python3" })
        {
            try
            {
                var psi = new ProcessStartInfo(python, $"\"{path}\" {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true };
                using var p = Process.Start(psi)!;
                var output = p.StandardOutput.ReadToEnd();
                p.StandardError.ReadToEnd();
                p.WaitForExit();
                if (p.ExitCode == 0) return output;
            }
            catch (System.ComponentModel.Win32Exception) { }
        }
        return null;
    }
}
