using NetClaims.Claims;
using NetClaims.Reports;

namespace NetClaims.Tests.Reports;

public sealed class ReportTextTests
{
    internal static NumericReport Sample(double cost = 81.4744366744, string exact = "524288/6435") =>
        new(new ClaimId("test.sample"), "a sample",
            [new("tier", "Exact")],
            [new ReportTable.Builder("cost").Column("d", CellRule.Exact).Column("cost_exact", CellRule.Exact)
                .Column("cost", CellRule.Rel(1e-12)).Column("err", CellRule.Abs(1e-9))
                .Row(16, exact, cost, 3e-13).Row(2, "8·√2", 11.313708499, 0.0).Build()],
            ["a note"]);

    [Fact]
    public void Render_then_parse_round_trips()
    {
        var text = ReportText.Render(Sample());
        var parsed = ReportText.Parse(text);
        var t = Assert.Single(parsed.Tables);
        Assert.Equal("cost", t.Name);
        Assert.Equal(["d", "cost_exact", "cost", "err"], t.Columns.Select(c => c.Name));
        Assert.Equal(CellRule.Rel(1e-12), t.Columns[2].Rule);
        Assert.Equal("524288/6435", t.Rows[0][1]);
        Assert.Empty(ReportComparer.Compare(text, text));
        Assert.Equal(new ClaimId("test.sample"), ReportText.ClaimOf(text));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("exact")]
    [InlineData("abs 1E-9")]
    [InlineData("rel 1E-12")]
    [InlineData("abs 1E-9 rel 1E-6")]
    public void Cell_rules_print_and_parse_back(string spec) => Assert.Equal(spec, CellRule.Parse(spec).ToString());

    [Theory]
    [InlineData("cost [rel 1E-12]", "cost")]
    [InlineData("cost [rel 1E-12]", "cost [within 3]")]
    [InlineData("cost [rel 1E-12]", "cost [rel -1]")]
    [InlineData(" 3E-13 |", "")]
    [InlineData("<!-- netclaims report v1", "<!-- something else")]
    public void Corrupt_reports_are_rejected_with_a_message(string from, string to)
    {
        var text = ReportText.Render(Sample());
        Assert.Contains(from, text);
        var e = Assert.Throws<FormatException>(() => ReportText.Parse(text.Replace(from, to), "snap"));
        Assert.StartsWith("snap", e.Message);
    }

    [Fact]
    public void Empty_or_foreign_files_are_rejected()
    {
        Assert.Throws<FormatException>(() => ReportText.Parse(""));
        Assert.Throws<FormatException>(() => ReportText.Parse("hello\nworld"));
    }
}
