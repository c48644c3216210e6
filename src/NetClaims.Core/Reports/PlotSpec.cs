using System.Globalization;

namespace NetClaims.Reports;

/// <summary>
/// A plot drawn from one of a report's own tables (so a merged or re-read report can redraw it): x column, y columns,
/// linear, log-log or log-y axes. Written into the report as <c>- plot NAME: table=…; x=…; y=a,b; scale=loglog; title=…</c>.
/// </summary>
public sealed record PlotSpec(string Name, string Title, string Table, string X, IReadOnlyList<string> Y, bool LogLog, bool LogY = false)
{
    /// <summary>Whether the y axis is logarithmic (log-log or log-y).</summary>
    public bool LogScaleY => LogLog || LogY;

    /// <summary>The plot line as written in the report.</summary>
    public override string ToString() =>
        $"- plot {Name}: table={Table}; x={X}; y={string.Join(",", Y)}; scale={(LogLog ? "loglog" : LogY ? "logy" : "linear")}; title={Title}";

    /// <summary>Reads a plot line of a report, or returns false.</summary>
    public static bool TryParse(string line, out PlotSpec spec)
    {
        spec = null!;
        if (!line.StartsWith("- plot ", StringComparison.Ordinal)) return false;
        int colon = line.IndexOf(':');
        if (colon < 0) return false;
        var fields = line[(colon + 1)..].Split(';').Select(f => f.Trim().Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!fields.TryGetValue("table", out var table) || !fields.TryGetValue("x", out var x) || !fields.TryGetValue("y", out var y)) return false;
        spec = new PlotSpec(line[7..colon].Trim(), fields.GetValueOrDefault("title", ""), table, x, y.Split(','), fields.GetValueOrDefault("scale") == "loglog", fields.GetValueOrDefault("scale") == "logy");
        return true;
    }

    /// <summary>The series (x, y) per y column, from a parsed table; non-numeric or non-positive (log-log) points are dropped.</summary>
    public IReadOnlyList<(string Name, double[] X, double[] Y)> Series(ReportTable table)
    {
        int xi = Index(table, X);
        return Y.Select(name =>
        {
            int yi = Index(table, name);
            var pts = table.Rows
                .Select(r => (ok: ReportComparer.TryNumber(r[xi], out var xv) & ReportComparer.TryNumber(r[yi], out var yv), xv, yv))
                .Where(p => p.ok && (!LogLog || p.xv > 0) && (!LogScaleY || p.yv > 0)).ToArray();
            return (name, pts.Select(p => p.xv).ToArray(), pts.Select(p => p.yv).ToArray());
        }).ToArray();
    }

    static int Index(ReportTable t, string column)
    {
        for (int i = 0; i < t.Columns.Count; i++) if (t.Columns[i].Name == column) return i;
        throw new FormatException($"plot refers to column '{column}' that table '{t.Name}' does not have");
    }

    /// <summary>A number as plot data writes it (round-trip, invariant culture).</summary>
    public static string Format(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
