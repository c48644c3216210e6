using NetClaims.Claims;
using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Networks;
using NetClaims.Norms;

namespace NetClaims.Tests.Constructions;

/// <summary>
/// Every construction interpolates χ on every vertex for d = 1…10 (the gate goes to 16; this is the unit-level copy that
/// runs in milliseconds), and its cost from the weights equals its closed form — the first is the theorem, the second
/// the constant; both are computed from the built units only.
/// </summary>
public sealed class InterpolationTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in ConstructionCatalog.All) data.Add(c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Interpolates_parity_on_every_vertex_and_costs_its_closed_form(string name)
    {
        var c = ConstructionCatalog.Get(name);
        for (int d = c.MinD; d <= 10; d++)
        {
            var dim = new Dimension(d);
            var net = c.Build(dim);
            var check = new CubeEvaluator(net).Check(Parity.Full(dim));
            Assert.True(check.Interpolates, $"{name} at d={d}: {check.Mismatches} mismatches, first at {check.FirstMismatch} = {check.FirstMismatchValue}");
            if (d >= c.ClosedFormMinD) Assert.Equal(c.ClosedFormCost(dim), NetworkCost.Exact(net));
            // A unit-by-unit float evaluation agrees (independent of the evaluator's tables).
            for (ulong x = 0; x < dim.VertexCount; x += 7)
                Assert.Equal(Parity.Sign(x), net.Evaluate(Vertex.ToVector(x, dim)), 9);
        }
    }

    [Fact]
    public void False_variants_of_the_averaged_constructions_fail_where_the_theory_says()
    {
        // |Q| instead of Q gives −χ where Q < 0 (d ≡ 2, 3 mod 4), and χ elsewhere.
        foreach (var d in new[] { 2, 3, 6, 7 })
            Assert.Equal((ulong)1 << d, new CubeEvaluator(AveragedBlades.Build(new Dimension(d), signedQ: false)).Check(Parity.Full(new Dimension(d))).Mismatches);
        foreach (var d in new[] { 4, 5, 8 })
            Assert.True(new CubeEvaluator(AveragedBlades.Build(new Dimension(d), signedQ: false)).Check(Parity.Full(new Dimension(d))).Interpolates);
        // |M_d| likewise for g*: M_d < 0 at d ≡ 0, 3 mod 4 (from the closed form's sign).
        foreach (var d in new[] { 3, 4, 7, 8 })
        {
            Assert.True(AveragedRelu.NormaliserBySum(new Dimension(d)) < 0);
            Assert.False(new CubeEvaluator(AveragedRelu.Build(new Dimension(d), signedM: false)).Check(Parity.Full(new Dimension(d))).Interpolates);
        }
        foreach (var d in new[] { 2, 5, 6, 9 })
            Assert.True(new CubeEvaluator(AveragedRelu.Build(new Dimension(d), signedM: false)).Check(Parity.Full(new Dimension(d))).Interpolates);
        // The centred blade for odd d averages to 0: its normalising sum vanishes, so no Q exists.
        Assert.Throws<InvalidOperationException>(() => AveragedBlades.NormaliserBySum(new Dimension(5), 1, 0));
    }

    [Fact]
    public void Unit_counts_and_feasibility_are_known_before_building()
    {
        foreach (var c in ConstructionCatalog.All)
            for (int d = c.MinD; d <= 8; d++)
                Assert.Equal(c.Units(d), c.Build(new Dimension(d)).Width);
        Assert.Throws<SizeRefusedException>(() => ConstructionCatalog.Get(SawtoothRidge.Name).EnsureFeasible(40));
        Assert.Throws<SizeRefusedException>(() => ConstructionCatalog.Get(AveragedBlades.Name).EnsureFeasible(31));
        ConstructionCatalog.Get(AveragedBlades.Name).EnsureFeasible(20);
        ConstructionCatalog.Get(AveragedBlades.Name).EnsureFeasible(12);
        var e = Assert.Throws<ArgumentException>(() => ConstructionCatalog.Get("no-such"));
        Assert.Contains("averaged-blades", e.Message);
    }
}

public sealed class EvaluationMemoTests
{
    [Fact]
    public void A_scan_stopped_at_the_first_mismatch_is_memoised_apart_from_the_full_scan()
    {
        var d = new Dimension(8);
        // Q < 0 at d = 10 (d ≡ 2 mod 4), so the unsigned variant is −χ on all 1024 vertices. How much of the cube the
        // stopped scan visits depends on the cores (chunks in flight finish); that it is a separate memo entry does not.
        var seven = new Dimension(10);
        var cache = new RunCache();
        var stopped = Evaluations.Exhaustive(cache, "test-unsigned-blades", seven, x => AveragedBlades.Build(x, signedQ: false), stopAtFirstMismatch: true);
        var full = Evaluations.Exhaustive(cache, "test-unsigned-blades", seven, x => AveragedBlades.Build(x, signedQ: false));
        Assert.False(stopped.Check!.Interpolates);
        Assert.NotSame(stopped, full);
        Assert.True(stopped.Check.Vertices <= seven.VertexCount);
        Assert.Equal(seven.VertexCount, full.Check!.Vertices);
        Assert.Equal(seven.VertexCount, full.Check.Mismatches);
        Assert.Equal(0UL, stopped.Check.FirstMismatch);
        // Cost-only evaluation reuses a full one when it exists, and builds without checking otherwise.
        Assert.Same(full, Evaluations.Cost(cache, "test-unsigned-blades", seven, _ => throw new InvalidOperationException("not rebuilt")));
        var costOnly = Evaluations.Cost(cache, "test-cost-only", d, x => AveragedBlades.Build(x));
        Assert.Null(costOnly.Check);
        Assert.Equal(AveragedBlades.ClosedFormCost(d), costOnly.Cost);
        Assert.Equal(3 * 256, costOnly.Width);
        // Nothing outlives the run: without a cache (or with a new one) the evaluation is computed again.
        Assert.NotSame(full, Evaluations.Exhaustive(new RunCache(), "test-unsigned-blades", seven, x => AveragedBlades.Build(x, signedQ: false)));
        Assert.NotSame(costOnly, Evaluations.Cost(null, "test-cost-only", d, x => AveragedBlades.Build(x)));
    }
}
