using System.Xml.Linq;
using NetClaims.Claims;
using NetClaims.Reports;
using NetClaims.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace NetClaims.Tests.Adoption;

/// <summary>
/// CI-native output: JUnit XML (one test case per claim and per negative control; failures carry the counterexample and
/// the replay command), the GitHub step summary and <c>::error</c> annotations (escaped, at the claim's source line),
/// and this repository's workflow (valid YAML; the shard matrix and the merge agree).
/// </summary>
public sealed class CiOutputTests
{
    static ClaimRecord Record(string id, Verdict v, NegativeOutcome n, SnapshotState s, string? counterexample = null, string? replay = null) => new()
    {
        Id = id, Tier = "Exact", Source = "src", Statement = "statement", Verdict = v, NegativeControl = n, NegativeStatement = "a false variant",
        Snapshot = s, Counterexample = counterexample, Replay = replay, Seconds = 0.5,
    };

    static RunDocument Doc => new()
    {
        Seed = 7, Profile = "ci", Shard = "1/1", Complete = true,
        Claims =
        [
            Record("paper.ok", Verdict.Holds, NegativeOutcome.Refuted, SnapshotState.Match),
            Record("paper.bad", Verdict.Fails, NegativeOutcome.Refuted, SnapshotState.Match, "x=3: 10 > 9, 100%", "nc1:paper.bad/check@H_1_2_3"),
            Record("paper.weak", Verdict.Holds, NegativeOutcome.NotRefuted, SnapshotState.Match),
        ],
    };

    [Fact]
    public void Junit_has_a_case_per_claim_and_per_negative_control_with_counterexample_and_replay_command()
    {
        var xml = XDocument.Parse(CiOutput.JUnit(Doc));
        var cases = xml.Descendants("testcase").ToArray();
        Assert.Equal(6, cases.Length);
        var suite = xml.Descendants("testsuite").Single();
        Assert.Equal("2", suite.Attribute("failures")!.Value);
        var bad = cases.Single(c => c.Attribute("name")!.Value == "paper.bad").Element("failure")!;
        Assert.Contains("x=3: 10 > 9", bad.Value);
        Assert.Contains("netclaims verify --claim paper.bad --replay 'nc1:paper.bad/check@H_1_2_3'", bad.Value);
        Assert.NotNull(cases.Single(c => c.Attribute("name")!.Value == "paper.weak (negative control)").Element("failure"));
        Assert.Null(cases.Single(c => c.Attribute("name")!.Value == "paper.ok").Element("failure"));
    }

    [Fact]
    public void Annotations_point_at_the_source_line_and_escape_their_text()
    {
        var lines = CiOutput.Annotations(Doc, id => id == "paper.bad" ? new SourceLocation("properties/Paper/Bad.cs", 42) : null).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("::error file=properties/Paper/Bad.cs,line=42,title=NetClaims paper.bad::fails: x=3: 10 > 9, 100%25%0Areplay: ", lines[0]);
        Assert.StartsWith("::error title=NetClaims paper.weak::negative control not refuted", lines[1]);
        var summary = CiOutput.Summary(Doc);
        Assert.Contains("## NetClaims: 1 passed, 2 failed", summary);
        Assert.Contains("| `paper.bad` | fails |", summary);
    }

    [Fact]
    public void A_claim_knows_the_line_that_defines_it()
    {
        var claim = NetClaims.Properties.ClaimCatalog.All.First(c => c.Id.Value == "ahs23.proof.thm6");
        Assert.Equal("properties/NetClaims.Properties/Proofs/Theorem6Proof.cs", claim.SourcePath(SnapshotApprovals.RepositoryRoot()));
        Assert.True(claim.SourceLine > 0);
        Assert.All(NetClaims.Properties.ClaimCatalog.All, c => Assert.NotNull(c.SourcePath(SnapshotApprovals.RepositoryRoot())));
    }

    [Fact]
    public void The_workflow_is_valid_yaml_and_its_shard_matrix_matches_the_merge()
    {
        var path = Path.Combine(SnapshotApprovals.RepositoryRoot(), ".github", "workflows", "claims.yml");
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path)) yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        var jobs = (YamlMappingNode)root["jobs"];
        var shard = (YamlMappingNode)jobs["shard"];
        var ks = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)shard["strategy"])["matrix"])["k"]).Select(n => int.Parse(((YamlScalarNode)n).Value!)).ToArray();
        Assert.Equal(Enumerable.Range(1, ks.Length), ks);
        string Runs(string job) => string.Join("\n", ((YamlSequenceNode)((YamlMappingNode)jobs[job])["steps"]).Cast<YamlMappingNode>()
            .Where(s => s.Children.ContainsKey("run")).Select(s => ((YamlScalarNode)s["run"]).Value));
        Assert.Contains($"verify --shard ${{{{ matrix.k }}}}/{ks.Length} --out shard-${{{{ matrix.k }}}}", Runs("shard"));
        Assert.Contains("merge " + string.Join(" ", ks.Select(k => $"shard-{k}")) + " --out report --junit report/claims.xml", Runs("merge"));
        Assert.Equal("shard", ((YamlScalarNode)((YamlMappingNode)jobs["merge"])["needs"]).Value);
        // `dotnet test --logger junit` needs the logger in every test project, or VSTest stops with "Could not find a test logger".
        if (Runs("tests").Contains("--logger \"junit", StringComparison.Ordinal))
            foreach (var project in Directory.GetFiles(Path.Combine(SnapshotApprovals.RepositoryRoot(), "tests"), "*.csproj", SearchOption.AllDirectories)
                         .Where(p => File.ReadAllText(p).Contains("Microsoft.NET.Test.Sdk", StringComparison.Ordinal)))
                Assert.True(File.ReadAllText(project).Contains("JunitXml.TestLogger", StringComparison.Ordinal), $"{Path.GetFileName(project)} lacks JunitXml.TestLogger, which the workflow's --logger junit needs");
        // The template's workflow parses too.
        var template = new YamlStream();
        using var t = new StreamReader(Path.Combine(SnapshotApprovals.RepositoryRoot(), "src", "NetClaims.Templates", "content", "netclaims-paper", ".github", "workflows", "claims.yml"));
        template.Load(t);
    }

    [Fact]
    public void The_template_uses_the_version_the_packages_are_built_with()
    {
        var root = SnapshotApprovals.RepositoryRoot();
        var version = XDocument.Load(Path.Combine(root, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;
        var template = File.ReadAllText(Path.Combine(root, "src", "NetClaims.Templates", "content", "netclaims-paper", ".template.config", "template.json"));
        Assert.Contains($"\"defaultValue\": \"{version}\"", template);
    }
}
