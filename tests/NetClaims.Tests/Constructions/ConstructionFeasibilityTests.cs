using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Networks;

namespace NetClaims.Tests.Constructions;

/// <summary>
/// Which size rule refuses which d, read from the refusal line (each rule names what it guards), with the expected d
/// computed from <see cref="SizeGuard.Budget"/> (half this machine's memory), so the test holds on any machine.
/// </summary>
public sealed class ConstructionFeasibilityTests
{
    static string Refusal(Action a) => Assert.Throws<SizeRefusedException>(a).Message;

    [Fact]
    public void Compact_constructions_are_limited_by_the_transform_memory_and_by_d_30()
    {
        var blades = ConstructionCatalog.Get(AveragedBlades.Name);
        Assert.Contains("d ≤ 30", Refusal(() => blades.EnsureFeasible(31)));
        // Compact units (8 bytes per bias class and vertex) plus the transform's arrays: (8·3 + 16) bytes per vertex.
        double perVertex = 8.0 * blades.BiasClasses + SignUnitEvaluator.BytesPerVertex;
        int first = Enumerable.Range(15, 16).First(d => Math.Pow(2, d) * perVertex > SizeGuard.Budget || d == 30);
        if (Math.Pow(2, first) * perVertex > SizeGuard.Budget)
        {
            Assert.Contains("compact units and the transform", Refusal(() => blades.EnsureFeasible(first)));
            blades.EnsureFeasible(first - 1);
        }
        else blades.EnsureFeasible(30); // a machine with over 80 GiB: every d ≤ 30 fits
    }

    [Fact]
    public void Constructions_without_a_compact_form_are_limited_by_units_and_by_exhaustive_work()
    {
        var sawtooth = ConstructionCatalog.Get(SawtoothRidge.Name);
        sawtooth.EnsureFeasible(16);
        // d + 2 units always fit; 2^40 vertices exceed the operation cap of the direct evaluator.
        Assert.Contains("exhaustive check", Refusal(() => sawtooth.EnsureFeasible(40)));
        var huge = sawtooth with { Units = _ => 1e12 };
        Assert.Contains("units", Refusal(() => huge.EnsureFeasible(3)));
        Assert.True(1e12 * 128 > SizeGuard.Budget);
    }

    [Fact]
    public void Every_construction_says_what_it_is_and_where_it_comes_from()
    {
        foreach (var c in ConstructionCatalog.All)
        {
            Assert.Matches(@"\(§1\.[1-4]\)$", c.Description);
            Assert.Contains("√d", c.ClosedFormText);
        }
        Assert.Equal(ConstructionCatalog.All.Count, ConstructionCatalog.All.Select(c => c.Description).Distinct().Count());
    }
}
