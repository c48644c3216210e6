using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Networks;

namespace NetClaims.Tests.Constructions;

/// <summary>The O(d·2^d) evaluation of sampled blades against the exact networks, and the width bisection.</summary>
public sealed class BladeWidthTests
{
    [Theory]
    [InlineData(5, 3, 1)]
    [InlineData(6, 17, 2)]
    [InlineData(7, 40, 3)]
    [InlineData(8, 5, 4)]
    public void The_transform_evaluation_equals_the_exact_network_on_every_vertex(int d, int m, int seed)
    {
        // Reference: the network SampledBlades.Build draws with the same seed, evaluated in exact rationals.
        var dim = new Dimension(d);
        var net = SampledBlades.Build(dim, m, seed);
        var fast = SampledBlades.OnCube(dim, m, seed);
        for (ulong x = 0; x < dim.VertexCount; x++)
            Assert.True(Math.Abs(fast[x] - net.EvaluateExact(x).ToDouble()) <= 1e-12, $"x={x}: {fast[x]} vs {net.EvaluateExact(x)}");
    }

    [Theory]
    [InlineData(6, 30, 5)]
    [InlineData(8, 100, 6)]
    public void The_exact_integer_max_error_equals_the_exact_cube_check(int d, int m, int seed)
    {
        var dim = new Dimension(d);
        var exact = new CubeEvaluator(SampledBlades.Build(dim, m, seed)).Check(Parity.Full(dim)).MaxAbsError;
        double fast = SampledBlades.MaxError(dim, m, seed, out long num, out long den);
        Assert.Equal(exact, new Fractions.Fraction(num, den));
        Assert.True(Math.Abs(fast - exact.ToDouble()) <= 1e-15);
        double eps = exact.ToDouble();
        Assert.True(SampledBlades.WithinEpsilon(dim, m, seed, eps * (1 + 1e-9)));
        Assert.False(SampledBlades.WithinEpsilon(dim, m, seed, eps * (1 - 1e-9)));
    }

    [Fact]
    public void The_bisection_returns_the_smallest_grid_width_that_reaches_the_rate()
    {
        var r = BladeWidth.Smallest(8, 0.5, 0.1, 100, 7);
        Assert.True(r.RateAt >= 0.9, $"rate at m* {r.RateAt}");
        Assert.True(r.RateBelow < 0.9, $"rate below m* {r.RateBelow}");
        Assert.True(r.Below < r.Width && r.Width <= 4 * r.Bernstein);
        // Independent recount of the rate at m* from the exact errors.
        int ok = Enumerable.Range(7, 100).Count(s => SampledBlades.MaxError(new Dimension(8), r.Width, s) <= 0.5);
        Assert.Equal(r.RateAt, ok / 100.0, 12);
    }

    [Fact]
    public void Sizes_outside_the_range_are_refused()
    {
        Assert.Throws<SizeRefusedException>(() => BladeWidth.Smallest(22, 0.5, 0.1, 10, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BladeWidth.Smallest(8, 1.5, 0.1, 10, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampledBlades.OnCube(new Dimension(8), 0, 1));
    }
}
