using NetClaims.Cube;
using NetClaims.Claims;
using NetClaims.Reports;

namespace NetClaims.Tests.Claims;

public sealed class ClaimRunnerTests
{
    static Claim Planted(bool holds, bool negativeFails, double reported = 1.0) => new(
        new ClaimId("test.runner"), new Citation("test", "here", "[DER]"), "planted", EvidenceTier.Exact,
        s => DimensionChecks.ForAll(s, 1, 8, d => CaseResult.Of(holds || d.Value < 3, "planted")),
        s => new ReportContent("planted", new ReportTable.Builder("t").Column("k", CellRule.Text).Column("x", CellRule.Rel(1e-9)).Row("a", reported).Build()),
        new NegativeControl("false variant", s => DimensionChecks.ForAll(s, 1, 8, d => CaseResult.Of(!negativeFails, "neg"))));

    [Fact]
    public void A_claim_passes_only_when_it_holds_and_its_negative_control_is_refuted()
    {
        Assert.True(ClaimRunner.Run(Planted(true, true), RunSettings.Default, null).Passed);
        var failing = ClaimRunner.Run(Planted(false, true), RunSettings.Default, null);
        Assert.Equal(Verdict.Fails, failing.Verdict);
        Assert.NotNull(failing.Replay);
        var unrefuted = ClaimRunner.Run(Planted(true, false), RunSettings.Default, null);
        Assert.Equal(Verdict.Holds, unrefuted.Verdict);
        Assert.False(unrefuted.NegativeRefuted);
        Assert.False(unrefuted.Passed);
        Assert.Contains("NOT refuted", RunReport.Problem(unrefuted));
    }

    [Fact]
    public void A_NaN_in_a_report_is_an_error()
    {
        var r = ClaimRunner.Run(Planted(true, true, double.NaN), RunSettings.Default, null);
        Assert.Equal(Verdict.Error, r.Verdict);
        Assert.Contains("non-finite", r.ReportError);
    }

    [Fact]
    public void Unknown_selectors_are_a_clear_error()
    {
        var all = new[] { Planted(true, true) };
        Assert.Single(ClaimRunner.Select(all, ["test"]));
        var e = Assert.Throws<NetClaims.Reports.UsageException>(() => ClaimRunner.Select(all, ["nope"]));
        Assert.Contains("unknown claim 'nope'", e.Message);
    }
}
