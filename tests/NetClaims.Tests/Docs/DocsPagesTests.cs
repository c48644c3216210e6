using System.Text.RegularExpressions;
using NetClaims.Properties;
using NetClaims.Tests.Support;

namespace NetClaims.Tests.Docs;

/// <summary>
/// The project's own documentation: one page per paper whose claims table is generated from the claims (a test keeps
/// it current; NETCLAIMS_ACCEPT_DOCS=1 rewrites the tables), a tutorial whose code is the compiled and tested
/// external-claims example, every page linked from the README, and no link that leaves the repository except to the
/// papers themselves.
/// </summary>
public sealed partial class DocsPagesTests
{
    static readonly string Root = SnapshotApprovals.RepositoryRoot();

    const string Begin = "<!-- claims:begin -->", End = "<!-- claims:end -->";

    public static TheoryData<string> Papers() => new(ClaimCatalogDocument.Papers);

    [Theory]
    [MemberData(nameof(Papers))]
    public void Each_paper_page_lists_its_claims_as_generated(string paper)
    {
        var path = Path.Combine(Root, ClaimCatalogDocument.DocsPage(paper));
        var text = File.ReadAllText(path).Replace("\r", "");
        int b = text.IndexOf(Begin, StringComparison.Ordinal), e = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(b >= 0 && e > b, $"{path} has no {Begin} … {End} block");
        var expected = "\n" + ClaimCatalogDocument.PaperTable(ClaimCatalog.All, paper);
        var actual = text[(b + Begin.Length)..e];
        if (actual != expected && Environment.GetEnvironmentVariable("NETCLAIMS_ACCEPT_DOCS") == "1")
        {
            File.WriteAllText(path, text[..(b + Begin.Length)] + expected + text[e..]);
            return;
        }
        Assert.True(actual == expected, $"the claims table of {ClaimCatalogDocument.DocsPage(paper)} is stale: rerun with NETCLAIMS_ACCEPT_DOCS=1");
        foreach (var section in new[] { "## What is unsure", "## What is left unchecked" }) Assert.Contains(section, text);
    }

    [Fact]
    public void The_tutorial_code_is_the_compiled_external_claims_example()
    {
        var text = File.ReadAllText(Path.Combine(Root, "docs", "tutorial.md")).Replace("\r", "");
        var m = CodeBlock().Match(text);
        Assert.True(m.Success, "docs/tutorial.md has no <!-- code:FILE --> block");
        var file = File.ReadAllText(Path.Combine(Root, m.Groups["file"].Value)).Replace("\r", "");
        Assert.Equal(file, m.Groups["code"].Value);
    }

    [Fact]
    public void The_readme_links_every_docs_page_and_no_link_leaves_the_repository_except_to_a_paper()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        foreach (var page in ClaimCatalogDocument.Papers.Select(ClaimCatalogDocument.DocsPage).Append("docs/tutorial.md"))
            Assert.Contains($"]({page})", readme);
        var pages = Directory.GetFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories).Append(Path.Combine(Root, "README.md"));
        string[] papers = ["arxiv.org", "proceedings.mlr.press", "jmlr.org", "openreview.net"];
        foreach (var page in pages)
        {
            var text = File.ReadAllText(page);
            Assert.DoesNotContain("THEOREMS", text);
            Assert.DoesNotContain("../shared", text);
            foreach (Match link in Link().Matches(text))
            {
                var target = link.Groups["url"].Value;
                if (!target.StartsWith("http", StringComparison.Ordinal)) continue;
                Assert.True(papers.Any(p => new Uri(target).Host.EndsWith(p, StringComparison.Ordinal)), $"{Path.GetFileName(page)} links outside the repository: {target}");
            }
        }
    }

    [GeneratedRegex(@"<!-- code:(?<file>[^ ]+) -->\n```csharp\n(?<code>.*?)```\n<!-- code:end -->", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"\]\((?<url>[^)\s]+)\)")]
    private static partial Regex Link();
}
