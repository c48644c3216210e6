using NetClaims.Reports;

namespace NetClaims.Cli;

/// <summary>
/// On GitHub Actions (GITHUB_ACTIONS=true): appends the run's summary to GITHUB_STEP_SUMMARY and prints one
/// <c>::error</c> annotation per claim that did not pass, at the line that defines the claim.
/// </summary>
internal static class GitHubActions
{
    public static bool Active => Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true";

    public static void Publish(RunDocument doc, ClaimTarget target)
    {
        if (!Active) return;
        foreach (var line in CiOutput.Annotations(doc, target.Locate)) Console.WriteLine(line);
        if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            try
            {
                File.AppendAllText(summary, CiOutput.Summary(doc));
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"netclaims: warning: could not append the step summary to {summary}: {e.Message}");
            }
        }
    }
}
