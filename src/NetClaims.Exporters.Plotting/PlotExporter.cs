namespace NetClaims.Reports;

/// <summary>Every plot a claim's report declares, drawn from its table as plots/{claim}.{plot}.png.</summary>
public sealed class PlotExporter : IRunExporter
{
    /// <summary>Draws every plot a report declares from the report's own table data.</summary>
    public IReadOnlyList<ReportFigure> Export(string dir, RunDocument doc, IReadOnlyDictionary<string, ClaimReport> reports)
    {
        var figures = new List<ReportFigure>();
        foreach (var (id, report) in reports)
        {
            foreach (var spec in report.Plots)
            {
                var table = report.Tables.FirstOrDefault(t => t.Name == spec.Table)
                    ?? throw new FormatException($"{id}: plot {spec.Name} refers to a missing table '{spec.Table}'");
                var file = $"plots/{id}.{spec.Name}.png";
                PlotWriter.Write(Path.Combine(dir, file), spec, table);
                figures.Add(new ReportFigure(id, spec.Title, file));
            }
        }
        return figures;
    }
}
