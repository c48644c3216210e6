using NetClaims.Properties;
using NetClaims.Tests.Support;

namespace NetClaims.Tests.Docs;

/// <summary>docs/claims.md is the output of <c>netclaims list --format markdown</c>: a claim added, renamed or restated
/// without regenerating it fails here, with the command that fixes it.</summary>
public sealed class CatalogueDocumentTests
{
    [Fact]
    public void The_checked_in_catalogue_is_the_generated_one()
    {
        var path = Path.Combine(SnapshotApprovals.RepositoryRoot(), "docs", "claims.md");
        Assert.True(File.Exists(path), "docs/claims.md is missing: netclaims list --format markdown > docs/claims.md");
        var expected = ClaimCatalogDocument.Markdown(ClaimCatalog.All);
        var actual = File.ReadAllText(path).Replace("\r\n", "\n");
        Assert.True(expected == actual, "docs/claims.md is stale: regenerate it with `netclaims list --format markdown > docs/claims.md`");
    }

    [Fact]
    public void Every_claim_appears_once_with_its_tier()
    {
        var md = ClaimCatalogDocument.Markdown(ClaimCatalog.All);
        foreach (var c in ClaimCatalog.All)
            Assert.Single(md.Split('\n'), l => l.StartsWith($"| `{c.Id}` | {c.Tier} |", StringComparison.Ordinal));
    }
}
