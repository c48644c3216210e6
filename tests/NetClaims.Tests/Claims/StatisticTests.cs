using NetClaims.Claims;
using NetClaims.Statistics;
using NetClaims.Sweeps;

namespace NetClaims.Tests.Claims;

/// <summary>
/// A synthetic statistical claim with a known answer, run through the whole pipeline a real one uses: a pilot over the
/// reserved seed range pre-registers the band, a sweep of gate seeds measures the false-failure rate, a planted
/// regression (the rate made half as fast) fails at ≥ 99% of seeds, and the failure database neither locks a checkout
/// red after a chance failure nor forgets a real regression.
/// </summary>
public sealed class StatisticTests : IDisposable
{
    static readonly ClaimId Id = new("test.statistic");
    static readonly int[] Grid = [16, 64, 256, 1024];
    readonly string dir = Directory.CreateTempSubdirectory("netclaims-stat-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    // The mean of n uniform draws on [−1, 1] has E(x̄)² = 1/(3n): the log-log slope of the mean squared error in N is −1.
    // Planted: only 4√N draws are used, so the rate is N^{−1/2} (slope −1/2), "a rate made half as fast".
    static double Slope(int seed, bool planted)
    {
        var rng = new Random(seed);
        var mse = Grid.Select(n =>
        {
            int used = planted ? (int)(4 * Math.Sqrt(n)) : n;
            double sum = 0;
            for (int r = 0; r < 200; r++)
            {
                double mean = 0;
                for (int i = 0; i < used; i++) mean += 2 * rng.NextDouble() - 1;
                mean /= used;
                sum += mean * mean;
            }
            return sum / 200;
        }).ToArray();
        return ExponentFits.LogLog(Grid.Select(n => (double)n).ToArray(), mse).Estimate;
    }

    // Pre-registered once, from 200 pilot seeds: the same data seeds a run at that run seed would draw.
    static readonly Band Rate = PilotBand();

    static Band PilotBand()
    {
        var pilot = Sweep.Seeds(1, 200, pilot: true).Select(s => Slope(RunSettings.Default.WithSeed(s).DataSeed(Id, "data"), false)).ToArray();
        double mean = pilot.Average(), sd = Math.Sqrt(pilot.Sum(x => (x - mean) * (x - mean)) / (pilot.Length - 1));
        return Band.Pilot(-1, mean, sd, pilot.Length);
    }

    static Claim Make(bool planted) => new(
        Id, new Citation("test", "synthetic", "[DER]"), "the squared error of a mean falls like 1/N", EvidenceTier.Statistical,
        s => Generated.Statistic(s, seed => Slope(seed, planted), (slope, ctx) =>
        {
            ctx.Measure("slope", slope);
            return CaseResult.Of(Rate.Contains(slope), $"slope {slope:F3}, band {Rate}");
        }),
        _ => new NetClaims.Reports.ReportContent("none"),
        new NegativeControl("it falls like N^{-1/2}", s => Generated.Statistic(s, seed => Slope(seed, planted), (slope, _) => CaseResult.Of(Band.Around(-0.5, Rate.HalfWidth).Contains(slope), $"slope {slope:F3}"))));

    [Fact]
    public void The_pilot_band_contains_the_theory_and_separates_the_false_rate()
    {
        Assert.True(Rate.Contains(-1));
        Assert.True(Rate.HalfWidth < 0.25, $"band {Rate} too wide to refute −1/2");
    }

    [Fact]
    public void A_sweep_of_100_gate_seeds_has_no_false_failure_and_refutes_the_negative_control_every_time()
    {
        var records = Sweep.Run([Make(false)], Sweep.Seeds(1, 100, pilot: false), RunSettings.Default.WithProfile(Profile.FastProfile), []);
        var summary = Assert.Single(SweepSummary.Of([Make(false)], records));
        Assert.Equal(100, summary.Runs);
        Assert.Equal(0, summary.Failures);
        Assert.Equal(100, summary.Refutations);
        Assert.True(summary.SeedDependent);
        // Zero in 100: the one-sided 95% Clopper–Pearson bound is 1 − 0.05^(1/100) = 0.0295.
        Assert.InRange(summary.UpperBound95, 0.0295, 0.0296);
        Assert.Equal("slope", Assert.Single(summary.Measures).Name);
    }

    [Fact]
    public void A_planted_regression_fails_at_99_percent_of_seeds_or_more()
    {
        var records = Sweep.Run([Make(true)], Sweep.Seeds(1, 100, pilot: false), RunSettings.Default.WithProfile(Profile.FastProfile), []);
        Assert.True(records.Count(r => r.CheckFailed) >= 99, $"{records.Count(r => r.CheckFailed)} of 100 seeds caught it");
    }

    RunSettings Fast(ulong seed) => RunSettings.Default.WithProfile(Profile.FastProfile).WithSeed(seed).WithFailures(new FailureStore(dir)).WithTier(EvidenceTier.Statistical);

    [Fact]
    public void A_stored_real_regression_makes_the_next_run_fail_as_well()
    {
        var first = Assert.IsType<CheckOutcome.Fails>(Make(true).RunCheck(Fast(1)));
        Assert.Contains("@S_", first.Replay);
        Assert.Single(new FailureStore(dir).All());
        var next = Assert.IsType<CheckOutcome.Fails>(Make(true).RunCheck(Fast(2)));
        Assert.Contains("confirms the stored statistical failure", next.Counterexample);
        Assert.NotEmpty(new FailureStore(dir).All());
    }

    [Fact]
    public void A_stored_chance_failure_does_not_lock_the_checkout_red()
    {
        // What an unlucky seed leaves behind: a stored failure of a healthy claim.
        var store = new FailureStore(dir);
        store.Add(new ReplayToken(Id, ClaimRole.Check, "S_12345"), "slope −1.31 outside the band (an unlucky seed)");
        var next = Assert.IsType<CheckOutcome.Holds>(Make(false).RunCheck(Fast(3).WithFailures(store)));
        Assert.Equal(Generated.Confirmations, next.Stats.Confirmations);
        Assert.Contains(store.Problems, p => p.Contains("did not recur at 3 fresh seeds") && p.Contains("removed"));
        Assert.Empty(new FailureStore(dir).All());
        // The token itself still replays exactly that data seed, for whoever wants to look at it.
        var replay = Make(false).RunCheck(RunSettings.Default.WithReplay(new ReplayToken(Id, ClaimRole.Check, "S_12345").ToString()));
        Assert.Equal(1, replay.Stats.Replayed);
    }

    [Fact]
    public void Check_and_negative_control_judge_the_same_measurement_once_per_run()
    {
        int measured = 0;
        var s = RunSettings.Default.WithSeed(5).WithCache(new RunCache());
        CheckOutcome Run(ClaimRole role) => Generated.Statistic(new ClaimContext(Id, role, s), seed => { measured++; return seed; }, (x, _) => CaseResult.Pass($"{x}"));
        var a = Run(ClaimRole.Check);
        var b = Run(ClaimRole.Negative);
        Assert.Equal(1, measured);
        Assert.Equal(((CheckOutcome.Holds)a).Summary, ((CheckOutcome.Holds)b).Summary);
    }

    [Fact]
    public void A_non_statistical_claim_replays_its_stored_failure_verbatim()
    {
        var exact = RunSettings.Default.WithProfile(Profile.FastProfile).WithFailures(new FailureStore(dir)).WithTier(EvidenceTier.Exact);
        Assert.IsType<CheckOutcome.Fails>(Generated.Statistic(new ClaimContext(Id, ClaimRole.Check, exact.WithSeed(1)), seed => seed, (_, _) => CaseResult.Fail("always")));
        var next = Assert.IsType<CheckOutcome.Fails>(Generated.Statistic(new ClaimContext(Id, ClaimRole.Check, exact.WithSeed(2)), seed => seed, (_, _) => CaseResult.Fail("always")));
        Assert.Contains("[stored failure", next.Counterexample);
    }
}
