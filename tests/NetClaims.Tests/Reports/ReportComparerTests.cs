using NetClaims.Reports;

namespace NetClaims.Tests.Reports;

public sealed class ReportComparerTests
{
    static string Render(double cost = 81.4744366744, string exact = "524288/6435") => ReportText.Render(ReportTextTests.Sample(cost, exact));

    [Fact]
    public void A_change_within_the_column_tolerance_matches()
    {
        // rel 1e-12 on 81.47…: a change of 2e-11 (relative 2.5e-13) is within tolerance.
        Assert.Empty(ReportComparer.Compare(Render(), Render(81.4744366744 + 2e-11)));
    }

    [Fact]
    public void A_change_beyond_tolerance_names_the_cell()
    {
        var diff = Assert.Single(ReportComparer.Compare(Render(), Render(81.48)));
        Assert.Equal("table cost, row 16, column cost", diff.Where);
        Assert.Equal("81.4744366744", diff.Approved);
        Assert.Equal("81.48", diff.Received);
    }

    [Fact]
    public void Exact_columns_compare_as_text()
    {
        var diff = Assert.Single(ReportComparer.Compare(Render(), Render(exact: "524288/6436")));
        Assert.Equal("column cost_exact", diff.Where.Split(", ")[^1]);
    }

    [Fact]
    public void NaN_never_matches_not_even_NaN()
    {
        var nan = Render(double.NaN);
        Assert.NotEmpty(ReportComparer.Compare(nan, nan));
        Assert.False(ReportComparer.CellsMatch(CellRule.Rel(1), "NaN", "NaN"));
    }

    [Fact]
    public void Changing_a_tolerance_is_a_difference()
    {
        var looser = Render().Replace("cost [rel 1E-12]", "cost [rel 1E-06]");
        var diff = Assert.Single(ReportComparer.Compare(Render(), looser));
        Assert.Contains("header", diff.Where);
    }

    [Fact]
    public void Added_or_removed_rows_and_text_are_differences()
    {
        var text = Render();
        var fewer = string.Join("\n", text.Split('\n').Where(l => !l.StartsWith("| 2 |", StringComparison.Ordinal)));
        Assert.Contains(ReportComparer.Compare(text, fewer), d => d.Rule == "structure");
        Assert.Contains(ReportComparer.Compare(text, text.Replace("a note", "another note")), d => d.Rule == "text");
    }
}
