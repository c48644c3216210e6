using NetClaims.Cube;
using NetClaims.Norms;
using NetClaims.Solvers;

namespace NetClaims.Tests.Solvers;

/// <summary>The whole-cube VP by flip symmetry, against references that do not use it.</summary>
public sealed class VpFullCubeTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(13)]
    [InlineData(16)]
    public void The_optimum_is_one_over_rho_from_its_closed_form(int d)
    {
        // Reference: ρ_d's closed form (an exact surd), not the pricing.
        var r = VpFullCube.Solve(d);
        double expected = 1 / NeuronCorrelation.Rho(new Dimension(d)).ToDouble();
        Assert.True(Math.Abs(r.Cost - expected) <= 1e-12 * expected, $"d={d}: {r.Cost} vs {expected}");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(9)]
    public void The_largest_correlation_matches_the_direct_certificate_loop(int d)
    {
        // Reference: ParityCertificate's O(4^d) integer loop over every direction and bias.
        Assert.Equal(ParityCertificate.Check(new Dimension(d)).MaxAtomCorrelation, VpFullCube.Solve(d).MaxCorrelation);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(8)]
    public void The_flip_averaged_neuron_interpolates_chi_at_the_optimal_cost(int d)
    {
        var r = VpFullCube.Solve(d);
        var g = r.Interpolant();
        Assert.True(Math.Abs(g.Sum(nu => nu.Norm * Math.Abs(nu.U)) - r.Cost) <= 1e-9 * r.Cost);
        for (ulong x = 0; x < 1UL << d; x++)
        {
            double value = g.Sum(nu => nu.U * nu.Activation(x));
            Assert.True(Math.Abs(value - Parity.Sign(x)) <= 1e-9, $"x={x}: {value}");
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    public void Column_generation_on_every_vertex_reaches_the_same_optimum(int d)
    {
        var all = Enumerable.Range(0, 1 << d).Select(x => (ulong)x).ToArray();
        var cg = VpSolver.Solve(d, all, all.Select(Parity.Sign).ToArray());
        Assert.True(Math.Abs(cg.Cost - VpFullCube.Solve(d).Cost) <= 1e-6 * cg.Cost);
    }

    [Fact]
    public void Sizes_outside_the_range_are_refused() =>
        Assert.Throws<SizeRefusedException>(() => VpFullCube.Solve(VpFullCube.MaxD + 1));
}
