using NetClaims.Reports;

namespace NetClaims.Tests.Reports;

/// <summary>Outputs read the report's data, not its rendered text.</summary>
public sealed class ExporterDataTests
{
    static ClaimReport DataOnly()
    {
        var table = new ReportTable.Builder("curves").Column("d", CellRule.Exact).Column("cost", CellRule.Rel(1e-12))
            .Row(2, 1.5).Row(4, 3.25).Row(8, 7.125).Build();
        // No text at all: an output that re-parsed the Markdown would find nothing to draw or cite.
        return new ClaimReport("test.data", "", [table], [new PlotSpec("cost", "cost vs d", "curves", "d", ["cost"], LogLog: true)]);
    }

    [Fact]
    public void The_plot_exporter_draws_from_the_tables_and_plot_specs()
    {
        var dir = Directory.CreateTempSubdirectory("netclaims-export-").FullName;
        try
        {
            var figures = new PlotExporter().Export(dir, new RunDocument(), new Dictionary<string, ClaimReport> { ["test.data"] = DataOnly() });
            var f = Assert.Single(figures);
            Assert.True(new FileInfo(Path.Combine(dir, f.File)).Length > 1000);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void The_latex_macros_cite_the_table_cells()
    {
        var record = new NetClaims.Claims.ClaimRecord
        {
            Id = "test.data", Tier = "Exact", Source = "s", Statement = "t", Verdict = NetClaims.Claims.Verdict.Holds,
            NegativeControl = NetClaims.Claims.NegativeOutcome.Refuted, NegativeStatement = "f", Snapshot = NetClaims.Claims.SnapshotState.Match,
        };
        var tex = Latex.Macros(new RunDocument { Claims = [record] }, new Dictionary<string, ClaimReport> { ["test.data"] = DataOnly() });
        Assert.Contains(@"\netclaim{test.data.cost.d4}{3.25}", tex);
    }
}
