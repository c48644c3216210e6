using NetClaims.Claims;
using NetClaims.Properties;
using NetClaims.Reports;

namespace NetClaims.Tests.Runner;

public sealed class PaperOutputTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("netclaims-paper-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    [Theory]
    [InlineData("81.4744366744", "81.4744366744")]
    [InlineData("8192/429·√13", @"\frac{8192}{429}\sqrt{13}")]
    [InlineData("22", "22")]
    [InlineData("-√5", null)]
    [InlineData("5·√7", @"5\sqrt{7}")]
    [InlineData("true", null)]
    [InlineData("averaged-blades", null)]
    public void Cells_become_latex_values(string cell, string? expected) => Assert.Equal(expected, Latex.Value(cell));

    [Fact]
    public void Every_number_of_a_passing_claim_becomes_a_macro_and_plots_are_png()
    {
        var results = new[] { "ahs23.thm4.blades.cost", "ahs23.s7.cost-order" }
            .Select(id => ClaimRunner.Run(ClaimCatalog.Get(id), RunSettings.Default, null)).ToArray();
        RunReport.Write(dir, results, new RunDocument(), [new PlotExporter()]);
        var tex = File.ReadAllText(Path.Combine(dir, "netclaims.tex"));
        // 4√16·|Q_16| = 16·2^16/C(16,8)·… = 524288/6435 = 81.4744366744 (docs/ahs23.md §1.3 table: 81.474437).
        Assert.Contains(@"\netclaim{ahs23.thm4.blades.cost.cost.d16}{81.4744366744}", tex);
        Assert.Contains(@"\netclaim{ahs23.thm4.blades.cost.cost-exact.d16}{\frac{524288}{6435}}", tex);
        Assert.Contains(@"\providecommand{\nc}", tex);
        var png = Path.Combine(dir, "plots", "ahs23.s7.cost-order.costs-loglog.png");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, File.ReadAllBytes(png)[..4]);
        Assert.Contains("![parity interpolants", File.ReadAllText(Path.Combine(dir, "report.md")));
    }

    [Theory]
    [InlineData(true, false, "scale=loglog")]
    [InlineData(false, true, "scale=logy")]
    [InlineData(false, false, "scale=linear")]
    public void Plot_specs_round_trip_through_their_report_line(bool logLog, bool logY, string scale)
    {
        var spec = new PlotSpec("p", "a title", "t", "step", ["ratio", "other"], logLog, logY);
        Assert.Contains(scale, spec.ToString());
        Assert.True(PlotSpec.TryParse(spec.ToString(), out var back));
        Assert.Equal((spec.Name, spec.Table, spec.X, spec.LogLog, spec.LogY, spec.Title), (back.Name, back.Table, back.X, back.LogLog, back.LogY, back.Title));
        Assert.Equal(spec.Y, back.Y);
    }

    [Fact]
    public void A_log_y_plot_is_drawn_and_drops_non_positive_values()
    {
        var table = new ReportTable.Builder("decay").Column("step", CellRule.Exact).Column("ratio", CellRule.Rel(1e-9))
            .Row(1, 0.05).Row(2, 0.003).Row(3, 0.0).Build();
        var spec = new PlotSpec("decay", "residual", "decay", "step", ["ratio"], LogLog: false, LogY: true);
        var series = spec.Series(table).Single();
        Assert.Equal(2, series.X.Length);
        var png = PlotWriter.Write(Path.Combine(dir, "decay.png"), spec, table);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, File.ReadAllBytes(png)[..4]);
    }

    [Fact]
    public void Claims_that_did_not_pass_contribute_no_numbers()
    {
        var r = ClaimRunner.Run(ClaimCatalog.Get("ahs23.thm4.blades.cost"), RunSettings.Default, null);
        var record = r.ToRecord() with { NegativeControl = NegativeOutcome.NotRefuted };
        var tex = Latex.Macros(new RunDocument { Claims = [record] }, new Dictionary<string, ClaimReport> { [record.Id] = ClaimReport.Of(r.Report!) });
        Assert.DoesNotContain(@"\netclaim{ahs23", tex);
    }
}
