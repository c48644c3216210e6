using NetClaims.Reports;

namespace NetClaims.Claims;

/// <summary>
/// A theorem as an executable claim. One definition serves the CLI, the xunit gate and the report.
/// </summary>
/// <param name="Id">Stable id.</param>
/// <param name="Source">Paper, locator and provenance tags.</param>
/// <param name="Statement">The statement in one sentence.</param>
/// <param name="Tier">How the verdict is reached.</param>
/// <param name="Check">Runs generated inputs / constructions; must hold.</param>
/// <param name="Report">The numeric report over the claim's grid (approved into snapshots/).</param>
/// <param name="NegativeControl">A plausible false variant that the harness must refute.</param>
/// <param name="SourceFile">Where the claim is defined (filled in by the compiler; CI annotations point here).</param>
/// <param name="SourceLine">The line of the definition (filled in by the compiler).</param>
public sealed record Claim(
    ClaimId Id,
    Citation Source,
    string Statement,
    EvidenceTier Tier,
    Func<ClaimContext, CheckOutcome> Check,
    Func<ClaimContext, ReportContent> Report,
    NegativeControl NegativeControl,
    [System.Runtime.CompilerServices.CallerFilePath] string SourceFile = "",
    [System.Runtime.CompilerServices.CallerLineNumber] int SourceLine = 0)
{
    /// <summary>
    /// <see cref="SourceFile"/> relative to <paramref name="root"/> with '/' separators (a deterministic CI build maps
    /// source paths to <c>/_/…</c>, which is taken as relative already); null when unknown or outside the root.
    /// </summary>
    public string? SourcePath(string root)
    {
        if (string.IsNullOrEmpty(SourceFile)) return null;
        var f = SourceFile.Replace('\\', '/');
        if (f.StartsWith("/_/", StringComparison.Ordinal)) return f[3..];
        var rel = System.IO.Path.GetRelativePath(root, SourceFile).Replace('\\', '/');
        return rel.StartsWith("../", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(rel) ? null : rel;
    }

    /// <summary>The context in which the runner runs <paramref name="role"/> of this claim.</summary>
    public ClaimContext Context(ClaimRole role, RunSettings settings) => new(Id, role, settings);

    /// <summary>Runs the claim's check (it must hold).</summary>
    public CheckOutcome RunCheck(RunSettings settings) => Check(Context(ClaimRole.Check, settings));

    /// <summary>Runs the negative control (it must fail).</summary>
    public CheckOutcome RunNegativeControl(RunSettings settings) => NegativeControl.Check(Context(ClaimRole.Negative, settings));

    /// <summary>Runs the check or the negative control, as <paramref name="role"/> says.</summary>
    public CheckOutcome Run(ClaimRole role, RunSettings settings) => role switch
    {
        ClaimRole.Check => RunCheck(settings),
        ClaimRole.Negative => RunNegativeControl(settings),
        _ => throw new ArgumentOutOfRangeException(nameof(role), "a report is not a check"),
    };

    /// <summary>Runs the report and adds the claim's facts.</summary>
    public NumericReport BuildReport(RunSettings settings) => NumericReport.For(this, Report(Context(ClaimRole.Report, settings)));
}

/// <summary>A false variant of a claim; the gate passes only if its check <em>fails</em>.</summary>
/// <param name="Statement">The false statement, phrased as someone might plausibly believe it.</param>
/// <param name="Check">Checks the false statement; expected outcome: <see cref="CheckOutcome.Fails"/>.</param>
public sealed record NegativeControl(string Statement, Func<ClaimContext, CheckOutcome> Check);
