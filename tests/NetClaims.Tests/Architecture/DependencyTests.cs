using System.Reflection;
using NetClaims.Claims;
using NetClaims.Cube;
using NetClaims.Properties;
using NetClaims.Reports;
using NetClaims.Training;

namespace NetClaims.Tests.Architecture;

/// <summary>
/// The project graph's arrows point one way, read from the compiled assemblies' references (what the loader sees), not
/// from the project files: Core ← Learning ← Learning.Gpu, Core ← Exporters.Plotting, (Core, Learning) ← Properties.
/// The core knows no neural network and ships neither ScottPlot nor ILGPU nor OR-Tools; only the GPU assembly
/// references ILGPU, only the plotting exporter ScottPlot.
/// </summary>
public sealed class DependencyTests
{
    static readonly Assembly Core = typeof(Claim).Assembly, Learning = typeof(Dimension).Assembly,
        Gpu = typeof(IlgpuTrainer).Assembly, Plotting = typeof(PlotExporter).Assembly, Properties = typeof(ClaimCatalog).Assembly;

    static string[] References(Assembly a) => a.GetReferencedAssemblies().Select(r => r.Name!).Order(StringComparer.Ordinal).ToArray();

    static string[] Ours(Assembly a) => References(a).Where(n => n.StartsWith("NetClaims", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void The_assemblies_are_the_projects_of_the_design()
    {
        Assert.Equal(["NetClaims.Core", "NetClaims.Learning", "NetClaims.Learning.Gpu", "NetClaims.Exporters.Plotting", "NetClaims.Properties"],
            new[] { Core, Learning, Gpu, Plotting, Properties }.Select(a => a.GetName().Name!).ToArray());
    }

    [Fact]
    public void The_core_references_no_other_netclaims_assembly_and_no_heavy_package()
    {
        Assert.Empty(Ours(Core));
        foreach (var heavy in new[] { "ILGPU", "ScottPlot", "Google.OrTools", "Google.Protobuf", "Fractions" })
            Assert.DoesNotContain(References(Core), n => n.StartsWith(heavy, StringComparison.Ordinal));
        // No type of the core lives in a domain namespace.
        Assert.DoesNotContain(Core.GetTypes(), t => t.Namespace is { } ns && (ns.StartsWith("NetClaims.Networks", StringComparison.Ordinal)
            || ns.StartsWith("NetClaims.Cube", StringComparison.Ordinal) || ns.StartsWith("NetClaims.Training", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_learning_library_depends_on_the_core_only_and_loads_without_ilgpu_or_scottplot()
    {
        Assert.Equal(["NetClaims.Core"], Ours(Learning));
        Assert.DoesNotContain(References(Learning), n => n.StartsWith("ILGPU", StringComparison.Ordinal) || n.StartsWith("ScottPlot", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_gpu_assembly_references_ilgpu_and_only_the_plotting_exporter_references_scottplot()
    {
        Assert.DoesNotContain(Ours(Gpu), n => n is "NetClaims.Properties" or "NetClaims.Cli" or "NetClaims.Exporters.Plotting");
        Assert.Contains("NetClaims.Learning", Ours(Gpu));
        Assert.Contains(References(Gpu), n => n == "ILGPU");
        Assert.Equal(["NetClaims.Core"], Ours(Plotting));
        Assert.Contains(References(Plotting), n => n.StartsWith("ScottPlot", StringComparison.Ordinal));
        foreach (var a in new[] { Core, Learning, Properties })
        {
            Assert.DoesNotContain(References(a), n => n.StartsWith("ILGPU", StringComparison.Ordinal));
            Assert.DoesNotContain(References(a), n => n.StartsWith("ScottPlot", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_claims_use_the_core_and_the_learning_library_and_nothing_above_them()
    {
        Assert.Equal(["NetClaims.Core", "NetClaims.Learning"], Ours(Properties));
    }

    [Fact]
    public void The_learning_library_finds_the_gpu_trainer_by_name()
    {
        // The tests ship NetClaims.Learning.Gpu, so the by-name lookup must find it (a renamed type would silently
        // turn every accelerator request into "not installed").
        Assert.NotNull(AcceleratedTrainers.Ilgpu);
        Assert.IsType<IlgpuTrainerBackend>(AcceleratedTrainers.Ilgpu);
    }
}
