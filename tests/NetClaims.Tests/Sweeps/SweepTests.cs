using NetClaims.Cube;
using NetClaims.Claims;
using NetClaims.Properties;
using NetClaims.Sweeps;

namespace NetClaims.Tests.Sweeps;

/// <summary>The sweep runs seed-dependent claims at every seed and the others once; its folder resumes and refuses mixing.</summary>
public sealed class SweepTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("netclaims-sweep-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    static Claim Counting(string id, Func<ClaimContext, CheckOutcome> check) => new(new ClaimId(id), new Citation("test", "t", "[DER]"), "t", EvidenceTier.Exact,
        check, _ => new NetClaims.Reports.ReportContent("none"), new NegativeControl("f", s => DimensionChecks.ForEach(s, 1, 3, _ => CaseResult.Fail("no"))));

    [Fact]
    public void Seed_independent_claims_run_once_and_seed_dependent_ones_at_every_seed()
    {
        var enumerated = Counting("test.sweep-enum", s => DimensionChecks.ForEach(s, 1, 4, _ => CaseResult.Pass("ok")));
        var generated = Counting("test.sweep-gen", s => DimensionChecks.ForAll(s.WithTests(5), 1, 4, _ => CaseResult.Pass("ok")));
        var records = Sweep.Run([enumerated, generated], Sweep.Seeds(1, 6, false), RunSettings.Default, []);
        Assert.Single(records, r => r.Claim == "test.sweep-enum");
        Assert.Equal(6, records.Count(r => r.Claim == "test.sweep-gen"));
        var summary = SweepSummary.Of([enumerated, generated], records);
        Assert.False(summary[0].SeedDependent);
        Assert.True(summary[1].SeedDependent);
        Assert.All(summary, s => Assert.Equal(s.Runs, s.Refutations));
    }

    [Fact]
    public void A_sweep_folder_resumes_and_refuses_a_different_sweep()
    {
        var claim = ClaimCatalog.Get("ahs23.s1-6.correlation-subset");
        var config = new SweepConfig { Profile = "fast", Pilot = false, Claims = [claim.Id.Value] };
        var store = new SweepStore(dir, config);
        var first = Sweep.Run([claim], Sweep.Seeds(1, 2, false), RunSettings.Default.WithProfile(Profile.FastProfile), store.Existing, store.Append);
        Assert.Equal(2, first.Count);
        // A torn last line (killed mid-write) is dropped with a warning and run again.
        File.AppendAllText(Path.Combine(dir, "sweep.jsonl"), "{\"claim\": \"ahs23.s1-6.corr");
        var again = new SweepStore(dir, config);
        Assert.Single(again.Warnings);
        Assert.Equal(2, again.Existing.Count);
        int ran = 0;
        var more = Sweep.Run([claim], Sweep.Seeds(1, 3, false), RunSettings.Default.WithProfile(Profile.FastProfile), again.Existing, r => { ran++; again.Append(r); });
        Assert.Equal(1, ran);
        Assert.Equal(3, more.Count);
        Assert.Throws<NetClaims.Reports.UsageException>(() => new SweepStore(dir, config with { Claims = ["ahs23.s1-6.correlation"] }));
    }

    [Fact]
    public void Gate_seeds_and_pilot_seeds_never_meet()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sweep.Seeds(RunSettings.PilotSeedBase - 5, 10, pilot: false));
        Assert.All(Sweep.Seeds(1, 10, pilot: true), s => Assert.True(s > RunSettings.PilotSeedBase));
        // The fast profile draws a 31-bit seed; ci uses 0.
        Assert.True((ulong)int.MaxValue < RunSettings.PilotSeedBase);
    }

    [Fact]
    public void Clopper_pearson_upper_bounds_at_zero_and_some_failures()
    {
        // k = 0: 1 − α^(1/n) (Beta(1, n) quantile, hand derivation); k = n: 1.
        Assert.Equal(1 - Math.Pow(0.05, 1.0 / 100), SweepSummary.UpperBound(0, 100), 12);
        Assert.Equal(1.0, SweepSummary.UpperBound(5, 5));
        // k = 1, n = 100: 0.0466 (R: binom.test(1, 100, alternative = "less")$conf.int[2] = 0.04655).
        Assert.InRange(SweepSummary.UpperBound(1, 100), 0.0465, 0.0466);
    }
}
