using System.Text.RegularExpressions;
using NetClaims.Properties;
using NetClaims.Tests.Support;

namespace NetClaims.Tests.Gate;

/// <summary>Keeps the README true: the catalogue (docs/claims.md) lists every claim, the quick start is two commands, CI runs the test one.</summary>
public sealed class ReadmeTests
{
    static readonly string Root = Path.GetDirectoryName(SnapshotApprovals.Directory)!;
    static readonly string Readme = File.ReadAllText(Path.Combine(Root, "README.md"));

    [Fact]
    public void Catalogue_lists_every_claim_and_nothing_else()
    {
        Assert.Contains("(docs/claims.md)", Readme);
        var catalogue = File.ReadAllText(Path.Combine(Root, "docs", "claims.md"));
        var listed = Regex.Matches(catalogue, @"^\| `([a-z0-9.-]+)` \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(ClaimCatalog.All.Select(c => c.Id.Value).ToHashSet(), listed);
    }

    [Fact]
    public void Quick_start_is_two_commands_and_ci_runs_both()
    {
        var section = Readme[Readme.IndexOf("## Quick start", StringComparison.Ordinal)..];
        var block = Regex.Match(section, "```bash\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var commands = block.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, commands.Length);
        var ci = File.ReadAllText(Path.Combine(Root, ".ci", "run"));
        foreach (var c in commands) Assert.Contains(c, ci);
    }
}
