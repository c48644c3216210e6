using NetClaims.Cube;
using NetClaims.Norms;
using NetClaims.Solvers;

namespace NetClaims.Tests.Solvers;

public sealed class MinRNormLpTests
{
    [Theory]
    // docs/ahs23.md §1.4 LP table [NUM] (HiGHS in the digest; GLOP here): 1/ρ_d = 2.828427, 6.928203, 8, 11.925696, 13.063945.
    [InlineData(2, 2.828427)]
    [InlineData(3, 6.928203)]
    [InlineData(4, 8.0)]
    [InlineData(5, 11.925696)]
    [InlineData(6, 13.063945)]
    public void Full_dictionary_lp_finds_one_over_rho(int d, double expected)
    {
        var r = MinRNormLp.Solve(new Dimension(d), NeuronDictionary.SignDirections);
        Assert.Equal("OPTIMAL", r.Status);
        Assert.InRange(r.Optimum, expected - 5e-6, expected + 5e-6);
    }

    [Fact]
    public void One_direction_lp_finds_the_ridge_optimum()
    {
        // 2(d−1)√d (docs/ahs23.md §1.2 sharp version) at d = 7: 12√7 = 31.749016.
        var r = MinRNormLp.Solve(new Dimension(7), NeuronDictionary.RidgeAlongOnes);
        Assert.InRange(r.Optimum, 12 * Math.Sqrt(7) * (1 - 1e-7), 12 * Math.Sqrt(7) * (1 + 1e-7));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    public void Column_generation_reaches_the_full_dictionary_optimum(int d)
    {
        // The full LP (every column at once) is the independent reference; column generation prices with transforms.
        var full = MinRNormLp.Solve(new Dimension(d), NeuronDictionary.SignDirections);
        var cg = ColumnGeneration.Solve(new Dimension(d));
        Assert.Equal("OPTIMAL", cg.Status);
        // Both are GLOP optima (primal/dual tolerance ~1e-7 relative): 1e-6 relative.
        Assert.InRange(cg.Optimum, full.Optimum * (1 - 1e-6), full.Optimum * (1 + 1e-6));
        Assert.True(cg.MaxReducedCostViolation <= 1e-6 * Math.Sqrt(d), $"a neuron still prices out: {cg.MaxReducedCostViolation}");
        Assert.True(cg.Columns < full.Columns || d <= 3, $"column generation used {cg.Columns} of {full.Columns} columns");
    }

    [Fact]
    public void Column_generation_stopped_early_has_no_certificate()
    {
        // One round: the ridge master is optimal for itself but some neuron still has negative reduced cost at d = 6.
        var cg = ColumnGeneration.Solve(new Dimension(6), maxIterations: 1);
        Assert.Equal("ITERATION_LIMIT", cg.Status);
        Assert.True(cg.MaxReducedCostViolation > 1e-3);
    }

    [Fact]
    public void Large_full_lps_are_refused_before_building() =>
        Assert.Throws<SizeRefusedException>(() => MinRNormLp.Solve(new Dimension(12), NeuronDictionary.SignDirections));
}

public sealed class ParityCertificateTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(12)]
    public void Lambda_proportional_to_chi_is_feasible_and_its_value_is_one_over_rho(int d)
    {
        var dim = new Dimension(d);
        var c = ParityCertificate.Check(dim);
        Assert.True(c.Feasible);
        // g*'s own atoms attain the limit: the certificate is tight.
        Assert.Equal(c.Limit, c.MaxAtomCorrelation);
        Assert.InRange(c.Value.ToDouble() * NeuronCorrelation.Rho(dim).ToDouble(), 1 - 1e-12, 1 + 1e-12);
    }

    [Fact]
    public void A_smaller_limit_would_be_infeasible()
    {
        // Negative control at the unit level: the certificate is exactly tight, so any λ scaled up by a factor > 1 fails.
        var c = ParityCertificate.Check(new Dimension(6));
        Assert.False((c with { Limit = c.Limit - 1 }).Feasible);
    }
}
