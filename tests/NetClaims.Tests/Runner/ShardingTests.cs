using NetClaims.Cube;
using Hedgehog.Linq;
using NetClaims.Claims;
using NetClaims.Properties;
using NetClaims.Reports;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Tests.Runner;

/// <summary>Sharded runs merged equal the unsharded run; the merge refuses shards that do not belong together.</summary>
public sealed class ShardingTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("netclaims-shard-").FullName;

    public void Dispose() => Directory.Delete(root, true);

    static Claim Planted(string id, Func<int, bool> holds) => new(
        new ClaimId(id), new Citation("test", "planted", "[DER]"), "planted", EvidenceTier.Exact,
        s => Generated.ForAll(s, Gen.Int32(Range.Constant(1, 60)), (d, ctx) => { ctx.Classify(d > 30, "big"); return CaseResult.Of(holds(d), $"planted d={d}"); }, new CheckOptions<int> { Show = d => $"d={d}", Coverage = [new CoverageRequirement("big", 0.2)] }),
        _ => new ReportContent("planted", new ReportTable.Builder("t").Column("k", CellRule.Text).Column("x", CellRule.Rel(1e-9)).Row("a", 1.5).Build()),
        new NegativeControl("false", s => DimensionChecks.ForAll(s, 1, 9, d => CaseResult.Of(d.Value < 4, "neg"))));

    static readonly Claim[] Claims =
    [
        ClaimCatalog.Get("ahs23.s7.sawtooth-excess"),
        ClaimCatalog.Get("ahs23.s1-6.correlation"),
        ClaimCatalog.Get("ahs23.scaling.ridge"),
        Planted("test.shard-holds", _ => true),
        Planted("test.shard-fails", d => d < 23),
    ];

    static RunDocument Run(Shard shard, string dir)
    {
        var settings = RunSettings.Default.WithShard(shard);
        var results = Claims.Select(c => ClaimRunner.Run(c, settings, null)).ToArray();
        var meta = new RunDocument { Seed = 0, Profile = "ci", Shard = shard.ToString() };
        RunReport.Write(dir, results, meta);
        return meta with { Claims = results.Select(r => r.ToRecord()).ToArray() };
    }

    static string Comparable(ClaimRecord r, bool failing) =>
        System.Text.Json.JsonSerializer.Serialize(
            failing ? r with { Seconds = 0, Cases = 0, CheckCases = 0, Labels = new Dictionary<string, int>(), Coverage = [] } : r with { Seconds = 0 },
            RunDocument.Options);

    [Fact]
    public void Three_shards_merged_equal_the_unsharded_run()
    {
        var whole = Run(Shard.Whole, Path.Combine(root, "whole"));
        var dirs = Enumerable.Range(1, 3).Select(k => Path.Combine(root, $"shard{k}")).ToArray();
        var shards = dirs.Select((d, i) => Run(new Shard(i + 1, 3), d)).ToArray();
        Assert.All(shards, s => Assert.Contains(s.Claims, c => c.SkippedShard > 0));

        var (merged, reports) = RunReport.Merge(dirs);
        Assert.Equal(whole.Claims.Select(c => c.Id), merged.Claims.Select(c => c.Id));
        foreach (var (w, m) in whole.Claims.Zip(merged.Claims))
            Assert.Equal(Comparable(w, w.Verdict != Verdict.Holds), Comparable(m, w.Verdict != Verdict.Holds));
        var failing = merged.Claims.Single(c => c.Id == "test.shard-fails");
        Assert.Equal(Verdict.Fails, failing.Verdict);
        Assert.StartsWith("d=23:", failing.Counterexample);
        Assert.Equal(whole.Claims.Count(c => c.Passed), merged.Passed);
        Assert.Equal(Claims.Length, reports.Count);
        Assert.Equal(File.ReadAllText(Path.Combine(root, "whole", "claims", "ahs23.s7.sawtooth-excess.md")), reports["ahs23.s7.sawtooth-excess"]);
    }

    [Fact]
    public void Cases_and_claims_are_partitioned_exactly_once()
    {
        for (int n = 1; n <= 7; n++)
        {
            for (int i = 0; i < 200; i++) Assert.Equal(1, Enumerable.Range(1, n).Count(k => new Shard(k, n).OwnsCase(i)));
            foreach (var c in ClaimCatalog.All) Assert.Equal(1, Enumerable.Range(1, n).Count(k => new Shard(k, n).OwnsClaim(c.Id)));
        }
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("1/0")]
    [InlineData("a/b")]
    [InlineData("1-3")]
    [InlineData("1/1001")]
    public void Bad_shard_specs_are_refused(string spec) => Assert.Throws<NetClaims.Reports.UsageException>(() => Shard.Parse(spec));

    [Fact]
    public void Merge_refuses_missing_repeated_foreign_and_corrupt_shards()
    {
        var a = Path.Combine(root, "a");
        var b = Path.Combine(root, "b");
        Run(new Shard(1, 2), a);
        Run(new Shard(2, 2), b);
        Assert.Contains("2/2 is missing", Assert.Throws<NetClaims.Reports.UsageException>(() => RunReport.Merge([a])).Message);
        Assert.Contains("given 2 times", Assert.Throws<NetClaims.Reports.UsageException>(() => RunReport.Merge([a, a])).Message);
        var json = Path.Combine(b, "report.json");
        File.WriteAllText(json, File.ReadAllText(json).Replace("\"seed\": 0", "\"seed\": 5"));
        Assert.Contains("another run", Assert.Throws<NetClaims.Reports.UsageException>(() => RunReport.Merge([a, b])).Message);
        File.WriteAllText(json, "{ broken");
        Assert.Contains("not a NetClaims report.json", Assert.Throws<NetClaims.Reports.UsageException>(() => RunReport.Merge([a, b])).Message);
        Assert.Contains("holds no report.json", Assert.Throws<NetClaims.Reports.UsageException>(() => RunReport.Merge([Path.Combine(root, "nowhere")])).Message);
    }
}
