using System.Reflection;
using NetClaims.Claims;
using NetClaims.Cube;
using NetClaims.Reports;
using NetClaims.Tests.Support;
using PublicApiGenerator;

namespace NetClaims.Tests.Architecture;

/// <summary>
/// The public surface of each library is tracked in docs/api/{assembly}.txt (PublicApiGenerator): a change to it is a
/// reviewable diff. To accept one, set NETCLAIMS_ACCEPT_API=1 and run this test; it rewrites the files.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Assemblies => new() { "NetClaims.Core", "NetClaims.Learning", "NetClaims.Exporters.Plotting" };

    static Assembly Load(string name) => name switch
    {
        "NetClaims.Core" => typeof(Claim).Assembly,
        "NetClaims.Learning" => typeof(Dimension).Assembly,
        _ => typeof(PlotExporter).Assembly,
    };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void The_public_api_is_the_tracked_one(string name)
    {
        var api = Load(name).GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).Replace("\r\n", "\n");
        var path = Path.Combine(SnapshotApprovals.RepositoryRoot(), "docs", "api", name + ".txt");
        if (Environment.GetEnvironmentVariable("NETCLAIMS_ACCEPT_API") == "1") File.WriteAllText(path, api);
        Assert.True(File.Exists(path), $"{path} is missing: run this test with NETCLAIMS_ACCEPT_API=1");
        Assert.True(File.ReadAllText(path).Replace("\r\n", "\n") == api,
            $"the public API of {name} changed: review the difference, then accept it with NETCLAIMS_ACCEPT_API=1");
    }
}
