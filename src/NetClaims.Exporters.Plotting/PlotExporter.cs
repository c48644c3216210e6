namespace NetClaims.Reports;

/// <summary>Every plot a claim's report declares, drawn from its table as plots/{claim}.{plot}.png.</summary>
public sealed class PlotExporter : IRunExporter
{
    public IReadOnlyList<ReportFigure> Export(string dir, RunDocument doc, IReadOnlyDictionary<string, string> reports)
    {
        var figures = new List<ReportFigure>();
        foreach (var (id, md) in reports)
        {
            var parsed = ReportText.Parse(md, id);
            foreach (var spec in parsed.Plots)
            {
                var table = parsed.Tables.FirstOrDefault(t => t.Name == spec.Table)
                    ?? throw new FormatException($"{id}: plot {spec.Name} refers to a missing table '{spec.Table}'");
                var file = $"plots/{id}.{spec.Name}.png";
                PlotWriter.Write(Path.Combine(dir, file), spec, table);
                figures.Add(new ReportFigure(id, spec.Title, file));
            }
        }
        return figures;
    }
}
