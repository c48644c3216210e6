using NetClaims.Claims;

namespace NetClaims.Reports;

/// <summary>
/// A claim's numeric report: facts (compared as text), tables whose cells compare per column rule, and notes.
/// Rendered to Markdown by <see cref="ReportText"/>, approved once into snapshots/, compared on every run.
/// </summary>
public sealed record NumericReport(
    ClaimId Claim,
    string Title,
    IReadOnlyList<KeyValuePair<string, string>> Facts,
    IReadOnlyList<ReportTable> Tables,
    IReadOnlyList<string> Notes)
{
    /// <summary>Plots drawn from the tables (written with the report; not part of the comparison beyond their spec line).</summary>
    public IReadOnlyList<PlotSpec> Plots { get; init; } = [];

    /// <summary>A claim's report: its standard facts (statement, source, tier, negative control) and its measured content.</summary>
    public static NumericReport For(Claim claim, ReportContent content) =>
        new(claim.Id, content.Title,
            [
                new("statement", claim.Statement),
                new("source", claim.Source.ToString()),
                new("tier", claim.Tier.ToString()),
                new("negative control", claim.NegativeControl.Statement),
                .. claim.Source.Docs is { } docs ? new[] { new KeyValuePair<string, string>("docs", docs) } : [],
            ],
            content.Tables, content.Notes) { Plots = content.Plots };

    /// <summary>Every numeric cell; a NaN or infinity in a measurement column is reported so the claim can fail loudly.</summary>
    public IEnumerable<string> NonFiniteCells() =>
        from t in Tables
        from r in t.Rows
        from i in Enumerable.Range(0, t.Columns.Count)
        where t.Columns[i].Rule.Kind == CellRule.RuleKind.Numeric && r[i] is "NaN" or "inf" or "-inf"
        select $"{t.Name}[{r[0]}].{t.Columns[i].Name} = {r[i]}";
}

/// <summary>What a claim measures for its report: a title, tables and notes (the facts are added from the claim).</summary>
public sealed record ReportContent(string Title, IReadOnlyList<ReportTable> Tables, IReadOnlyList<string> Notes)
{
    /// <summary>A titled report made of tables, without notes.</summary>
    public ReportContent(string title, params ReportTable[] tables) : this(title, tables, []) { }

    /// <summary>The figures drawn from the tables by the plot exporter.</summary>
    public IReadOnlyList<PlotSpec> Plots { get; init; } = [];

    /// <summary>The same content with more notes (how each column is measured and why its tolerance).</summary>
    public ReportContent WithNotes(params string[] notes) => this with { Notes = [.. Notes, .. notes] };

    /// <summary>The same content with one more figure.</summary>
    public ReportContent WithPlot(PlotSpec plot) => this with { Plots = [.. Plots, plot] };
}

/// <summary>
/// A claim's report as outputs see it: its data (tables and plot specifications) and the text written to
/// <c>claims/{id}.md</c>. Built from the <see cref="NumericReport"/> in a run (no parsing), or read back once from the
/// text when a report folder is merged or re-rendered.
/// </summary>
/// <param name="ClaimId">The claim.</param>
/// <param name="Markdown">The rendered report (what snapshots compare).</param>
/// <param name="Tables">The report's tables.</param>
/// <param name="Plots">The figures the report declares.</param>
public sealed record ClaimReport(string ClaimId, string Markdown, IReadOnlyList<ReportTable> Tables, IReadOnlyList<PlotSpec> Plots)
{
    /// <summary>The report of a run, with its text rendered.</summary>
    public static ClaimReport Of(NumericReport report) => new(report.Claim.Value, ReportText.Render(report), report.Tables, report.Plots);

    /// <summary>A report read back from its text (merge, report): parsed once, here.</summary>
    internal static ClaimReport FromText(string claimId, string markdown)
    {
        var parsed = ReportText.Parse(markdown, claimId);
        return new ClaimReport(claimId, markdown, parsed.Tables, parsed.Plots);
    }
}
