namespace NetClaims.Reports;

/// <summary>
/// An output of a run beyond the core's report.json, report.md, claims/*.md and netclaims.tex (those are always
/// written). Called once per report folder, inside the staging folder that replaces the old report only when complete,
/// so an exporter's files are never mixed with an older run's.
/// </summary>
public interface IRunExporter
{
    /// <summary>Writes this exporter's files under <paramref name="dir"/> (the staging folder) and returns the figures
    /// report.md should link, per claim.</summary>
    /// <param name="doc">The run's verdicts.</param>
    /// <param name="reports">Claim id → its report, as data (tables, plots) and as text.</param>
    IReadOnlyList<ReportFigure> Export(string dir, RunDocument doc, IReadOnlyDictionary<string, ClaimReport> reports);
}

/// <summary>A file an exporter wrote for a claim, linked from report.md as an image.</summary>
/// <param name="File">Relative to the report folder.</param>
/// <param name="ClaimId">The claim the figure belongs to.</param>
/// <param name="Title">The caption.</param>
public sealed record ReportFigure(string ClaimId, string Title, string File);
