using NetClaims.Claims;
using NetClaims.Properties;
using NetClaims.Statistics;

namespace NetClaims.Tests.Statistics;

/// <summary>
/// The gate's false-failure budget, held at design time: every pre-registered band, under a normal law with its pilot's
/// mean and standard deviation, fails a true claim with probability ≤ 2.5e-5 and lets its false variant through no more
/// often; the budget is split over at most 40 chance-dependent (Statistical-tier) claims, so a run of the whole gate at a
/// random seed fails by chance with probability ≤ 1e-3.
/// </summary>
public sealed class StatisticalDesignTests
{
    public static TheoryData<string> Designs()
    {
        var data = new TheoryData<string>();
        foreach (var d in Pilots.All) data.Add($"{d.Claim} / {d.Statistic}");
        return data;
    }

    static PilotDesign Get(string key) => Pilots.All.Single(d => $"{d.Claim} / {d.Statistic}" == key);

    [Theory]
    [MemberData(nameof(Designs))]
    public void A_pre_registered_band_meets_the_per_claim_budget(string key)
    {
        var d = Get(key);
        Assert.True(d.Seeds >= 100, $"{key}: a pilot of {d.Seeds} seeds is too small to size a band");
        Assert.True(d.Sd > 0 && double.IsFinite(d.Mean), $"{key}: pilot mean {d.Mean}, sd {d.Sd}");
        Assert.True(d.CheckFalseFailure <= FalseFailure.PerClaim, $"{key}: P(check fails) = {d.CheckFalseFailure:G3} under N({d.Mean}, {d.Sd}²), band {d.Check}");
        Assert.True(d.NegativeAcceptance <= FalseFailure.PerClaim, $"{key}: P(false variant not refuted) = {d.NegativeAcceptance:G3}, band {d.Negative}");
    }

    [Fact]
    public void Every_statistical_claim_has_a_design_and_the_budget_covers_them_all()
    {
        var statistical = ClaimCatalog.All.Where(c => c.Tier == EvidenceTier.Statistical).Select(c => c.Id.Value).ToArray();
        Assert.True(statistical.Length <= FalseFailure.MaxSeedDependentClaims, $"{statistical.Length} statistical claims exceed the budget's {FalseFailure.MaxSeedDependentClaims}");
        // Claims whose level comes from theory alone (binomial, t or normal tails sized in code) need no pilot.
        string[] fromTheory = ["ahs23.thm5.sampled-blades.approx", "ahs23.thm9.rademacher", "bn20.s2-1.kernel-near-identity", "zlc24.s5.kernel"];
        var designed = Pilots.All.Select(d => d.Claim).ToHashSet();
        foreach (var id in statistical.Except(fromTheory)) Assert.Contains(id, designed);
    }

    [Fact]
    public void The_budget_is_one_false_failure_in_a_thousand_gate_runs()
    {
        Assert.Equal(2.5e-5, FalseFailure.PerClaim, 15);
        // z for the per-claim budget, two-sided: P(|Z| > z) = 2.5e-5 at z = 4.21480 (Python: statistics.NormalDist().inv_cdf(1 - 1.25e-5)).
        Assert.InRange(FalseFailure.Z(FalseFailure.PerClaim), 4.2147, 4.2149);
        Assert.True(FalseFailure.PilotZ > FalseFailure.Z(FalseFailure.PerClaim));
    }

    [Fact]
    public void The_binomial_floor_is_exact()
    {
        // P(Bin(60, 0.9) ≤ k): the floor is the largest k with probability ≤ 2.5e-5; k + 1 exceeds it.
        int k = FalseFailure.BinomialFloor(60, 0.9, 2.5e-5);
        Assert.True(MathNet.Numerics.Distributions.Binomial.CDF(0.9, 60, k) <= 2.5e-5);
        Assert.True(MathNet.Numerics.Distributions.Binomial.CDF(0.9, 60, k + 1) > 2.5e-5);
    }
}
