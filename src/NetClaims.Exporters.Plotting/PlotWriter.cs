namespace NetClaims.Reports;

/// <summary>Draws <see cref="PlotSpec"/>s as PNG with ScottPlot (headless; log axes drawn as log10 with power-of-ten labels).</summary>
public static class PlotWriter
{
    /// <summary>Writes the PNG (atomically) and returns its path.</summary>
    public static string Write(string path, PlotSpec spec, ReportTable table)
    {
        var plot = new ScottPlot.Plot();
        var series = spec.Series(table);
        foreach (var (name, x, y) in series)
        {
            var xs = spec.LogLog ? x.Select(Math.Log10).ToArray() : x;
            var ys = spec.LogScaleY ? y.Select(Math.Log10).ToArray() : y;
            var s = plot.Add.Scatter(xs, ys);
            s.LegendText = name;
        }
        plot.Title(spec.Title);
        plot.XLabel(spec.LogLog ? $"{spec.X} (log scale)" : spec.X);
        plot.YLabel(spec.LogScaleY ? "value (log scale)" : "value");
        if (spec.LogLog) plot.Axes.Bottom.TickGenerator = LogTicks(series.SelectMany(s => s.X));
        if (spec.LogScaleY) plot.Axes.Left.TickGenerator = LogTicks(series.SelectMany(s => s.Y));
        plot.ShowLegend(ScottPlot.Edge.Right);
        AtomicFile.Write(path, tmp => plot.SavePng(tmp, 900, 560));
        return path;
    }

    // Ticks at 1, 2, 5 × 10^k inside the data range, placed at their log10 and labelled with the value itself.
    static ScottPlot.TickGenerators.NumericManual LogTicks(IEnumerable<double> values)
    {
        var v = values.Where(x => x > 0).ToArray();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        if (v.Length == 0) return ticks;
        double lo = v.Min(), hi = v.Max();
        for (int k = (int)Math.Floor(Math.Log10(lo)); k <= (int)Math.Ceiling(Math.Log10(hi)); k++)
            foreach (var m in new[] { 1.0, 2.0, 5.0 })
            {
                double t = m * Math.Pow(10, k);
                if (t >= lo / 1.5 && t <= hi * 1.5) ticks.AddMajor(Math.Log10(t), PlotSpec.Format(t));
            }
        return ticks;
    }
}
