using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetClaims.Cube;
using NetClaims.Norms;

namespace NetClaims.Tests.Norms;

public sealed class RidgeCostTests
{
    [Theory]
    // docs/ahs23.md §1.2 c [NUM] table for v = 1: d=2: 2.828427, 4: 12, 5: 17.888544, 9: 48, 16: 120.
    [InlineData(2, 2.828427)]
    [InlineData(4, 12.0)]
    [InlineData(5, 17.888544)]
    [InlineData(9, 48.0)]
    [InlineData(16, 120.0)]
    public void Along_ones_matches_the_digest_table(int d, double expected)
    {
        var r = RidgeCost.OfInteger(Enumerable.Repeat(1, d).ToArray());
        Assert.InRange(r.Cost, expected - 5e-7, expected + 5e-7);
        Assert.Equal(NetClaims.Constructions.SplineRidge.ClosedFormCost(new Dimension(d)), r.Exact);
    }

    [Fact]
    public void A_zero_coordinate_collides_with_a_witness()
    {
        // Flipping the coordinate with v_i = 0 changes χ but not ⟨v,x⟩ (docs/ahs23.md §1.2 proof).
        var r = RidgeCost.OfInteger([3, 0, 1]);
        Assert.False(r.IsFinite);
        var (x, y) = r.Witness!.Value;
        Assert.NotEqual(Parity.Sign(x), Parity.Sign(y));
        Assert.True(double.IsPositiveInfinity(r.Cost));
    }

    [Fact]
    public void Real_and_exact_paths_agree_on_integer_directions()
    {
        foreach (var v in new[] { new[] { 1, 2, 4 }, new[] { 3, -1, 5, 10 }, new[] { 1, 1, 1, 1, 1, 1 } })
        {
            var exact = RidgeCost.OfInteger(v);
            var real = RidgeCost.OfReal(v.Select(x => (double)x).ToArray());
            Assert.InRange(real.Cost / exact.Cost, 1 - 1e-12, 1 + 1e-12);
        }
    }

    [Property(MaxTest = 200)]
    public Property Scaling_the_direction_does_not_change_the_cost(PositiveInt k)
    {
        // ‖t·v‖·TV(φ'_t) = ‖v‖·TV(φ') for t > 0: the ridge function is the same.
        int[] v = [1, 2, 4, -7];
        var a = RidgeCost.OfInteger(v).Exact!;
        var b = RidgeCost.OfInteger(v.Select(x => x * (1 + k.Get % 50)).ToArray()).Exact!;
        return a.Equals(b).ToProperty();
    }
}

public sealed class NeuronCorrelationTests
{
    [Theory]
    // docs/ahs23.md §1.4 table [NUM]: 1/ρ_d for d = 2, 5, 9, 16.
    [InlineData(2, 2.828427)]
    [InlineData(5, 11.925696)]
    [InlineData(9, 21.942857)]
    [InlineData(16, 38.191142)]
    public void Rho_closed_form_matches_the_digest(int d, double inverse)
    {
        var rho = NeuronCorrelation.Rho(new Dimension(d)).ToDouble();
        Assert.InRange(1 / rho, inverse - 5e-7, inverse + 5e-7);
        // Independent method: the exhaustive maximum over b along w = 1/√d.
        var ones = Enumerable.Repeat(1 / Math.Sqrt(d), d).ToArray();
        Assert.InRange(NeuronCorrelation.MaxOverBias(ones).Correlation / rho, 1 - 1e-9, 1 + 1e-9);
    }

    [Fact]
    public void A_zero_coordinate_gives_zero_correlation() =>
        Assert.InRange(NeuronCorrelation.MaxOverBias([0.7, 0.0, -1.3, 2.2]).Correlation, 0, 1e-15);

    [Fact]
    public void Brute_force_over_a_fine_bias_grid_never_beats_the_breakpoint_maximum()
    {
        double[] w = [0.3, -1.1, 0.8];
        var (best, _) = NeuronCorrelation.MaxOverBias(w);
        for (double b = -3; b <= 3; b += 0.001)
        {
            double s = 0;
            for (ulong x = 0; x < 8; x++)
            {
                double t = w.Select((wi, i) => ((x >> i) & 1) == 0 ? wi : -wi).Sum() + b;
                s += Parity.Sign(x) * Math.Max(0, t);
            }
            Assert.True(Math.Abs(s / 8) <= best + 1e-12);
        }
    }
}
