using System.Numerics;
using Fractions;
using NetClaims.Cube;
using NetClaims.Exact;
using NetClaims.Networks;
using NetClaims.Norms;

namespace NetClaims.Tests.Norms;

/// <summary>Edges of the norms: rational linear parts, bias signs, witnesses and size limits, against direct sums.</summary>
public sealed class NormsEdgeTests
{
    // Direct O(4^d) reference: max over breakpoints b = −⟨w,x'⟩ of |mean_x χ_S(x)·σ(⟨w,x⟩ + b)|, from coordinates.
    static double DirectMax(double[] w, ulong subset, out List<double> argmaxes)
    {
        int d = w.Length;
        double Proj(ulong x) => Enumerable.Range(0, d).Sum(i => Vertex.Coordinate(x, i) * w[i]);
        double best = 0;
        argmaxes = [];
        var values = new List<(double B, double F)>();
        for (ulong y = 0; y < 1UL << d; y++)
        {
            double b = -Proj(y), f = 0;
            for (ulong x = 0; x < 1UL << d; x++) f += Parity.Sign(x & subset) * Math.Max(0, Proj(x) + b);
            values.Add((b, Math.Abs(f) / (1 << d)));
        }
        best = values.Max(v => v.F);
        argmaxes = values.Where(v => v.F >= best - 1e-12).Select(v => v.B).ToList();
        return best;
    }

    [Theory]
    [InlineData(new[] { 2.0, 1.0 }, 3UL)]
    [InlineData(new[] { 3.0, 1.0, 0.5 }, 7UL)]
    [InlineData(new[] { 0.7, -1.3, 2.1, 0.2 }, 0b1011UL)]
    [InlineData(new[] { 1.0, 1.0, 1.0, 1.0, 1.0 }, 0b11111UL)]
    public void The_breakpoint_maximum_matches_a_direct_sum_and_its_bias_attains_it(double[] w, ulong subset)
    {
        var (corr, bias) = NeuronCorrelation.MaxOverBias(w, subset);
        double direct = DirectMax(w, subset, out var argmaxes);
        Assert.Equal(direct, corr, 12);
        Assert.Contains(argmaxes, b => Math.Abs(b - bias) < 1e-12);
        if (subset == (1UL << w.Length) - 1) Assert.Equal((corr, bias), NeuronCorrelation.MaxOverBias(w));
    }

    [Fact]
    public void The_two_dimensional_case_by_hand()
    {
        // w = (1, 1): projections 2, 0, 0, −2 with χ = +, −, −, +; at b = 0 only x = 00 fires: f = 2/4 = ½ = ρ₂·‖w‖.
        Assert.Equal((0.5, 0.0), NeuronCorrelation.MaxOverBias([1.0, 1.0]));
        Assert.Equal(0.5, NeuronCorrelation.Rho(new Dimension(2)).ToDouble() * Math.Sqrt(2), 12);
    }

    [Fact]
    public void The_lemma_needs_two_coordinates_in_the_parity()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NeuronCorrelation.MaxOverBias([1.0, 2.0], 0b01));
        Assert.Throws<ArgumentOutOfRangeException>(() => NeuronCorrelation.MaxOverBias([1.0], 0b11));
        Assert.Throws<ArgumentOutOfRangeException>(() => NeuronCorrelation.Rho(new Dimension(1)));
        // ρ₃ = C(2, 1)/(8√3) and ρ₄ = 2·C(2, 1)/(16·2) (odd and even forms).
        Assert.Equal(2 / (8 * Math.Sqrt(3)), NeuronCorrelation.Rho(new Dimension(3)).ToDouble(), 14);
        Assert.Equal(4.0 / 32, NeuronCorrelation.Rho(new Dimension(4)).ToDouble(), 14);
    }

    [Fact]
    public void A_rational_linear_part_costs_twice_its_norm_in_variant_b()
    {
        // v = (1/2, 1/3): Σv² = 13/36, ‖v‖ = √13/6, so variant B adds 2‖v‖ = √13/3.
        var net = new TwoLayerRelu(new Dimension(2), [new ReluUnit(InnerWeight.Sign(0, 2), Fraction.Zero, new Fraction(3))], [new Fraction(1, 2), new Fraction(1, 3)]);
        var a = NetworkCost.Exact(net);
        var b = NetworkCost.Exact(net, RNormVariant.FreeConstant);
        Assert.Equal(SurdSum.Of(new Fraction(3), 2), a);
        Assert.Equal(a + SurdSum.Of(new Fraction(1, 3), 13), b);
    }

    [Fact]
    public void Integer_ridge_directions_are_limited_to_two_to_the_hundred_and_to_what_fits()
    {
        var limit = BigInteger.One << 100;
        Assert.True(RidgeCost.OfInteger([limit, 1, 3]).IsFinite);
        Assert.True(RidgeCost.OfInteger([-limit, 1, 3]).IsFinite);
        Assert.Throws<ArgumentOutOfRangeException>(() => RidgeCost.OfInteger([limit + 1, 1, 3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => RidgeCost.OfInteger([1, -limit - 1, 3]));
        Assert.Throws<SizeRefusedException>(() => RidgeCost.OfInteger(Enumerable.Repeat(BigInteger.One, 40).ToArray()));
        Assert.Throws<SizeRefusedException>(() => RidgeCost.OfReal(Enumerable.Repeat(1.0, 40).ToArray()));
    }

    [Fact]
    public void Witnesses_are_pairs_with_equal_projections_and_different_labels()
    {
        foreach (var v in new[] { new BigInteger[] { 3, 0, 1 }, [1, 1, 2], [2, 1, 1, 5, 1] })
        {
            var r = RidgeCost.OfInteger(v);
            Assert.False(r.IsFinite);
            var (x, y) = r.Witness!.Value;
            BigInteger Proj(ulong z) => Enumerable.Range(0, v.Length).Aggregate(BigInteger.Zero, (s, i) => s + Vertex.Coordinate(z, i) * v[i]);
            Assert.Equal(Proj(x), Proj(y));
            Assert.NotEqual(Parity.Sign(x), Parity.Sign(y));
            var real = RidgeCost.OfReal(v.Select(c => (double)c).ToArray());
            Assert.False(real.IsFinite);
            var (rx, ry) = real.Witness!.Value;
            Assert.Equal(Proj(rx), Proj(ry));
            Assert.NotEqual(Parity.Sign(rx), Parity.Sign(ry));
        }
        // Projections closer than collision·‖v‖₁ count as equal: in v = (1, 2 + 1e-13, 1) flipping coordinate 1 and flipping
        // coordinates 0 and 2 change ⟨v,x⟩ by 2e-13 less than each other, with opposite parity: a collision at the default
        // 1e-12·‖v‖₁, distinct points at 1e-15·‖v‖₁ (the exact tie of coordinates 0 and 2 keeps the parity).
        Assert.False(RidgeCost.OfReal([1.0, 2 + 1e-13, 1.0]).IsFinite);
        Assert.True(RidgeCost.OfReal([1.0, 2 + 1e-13, 1.0], collision: 1e-15).IsFinite);
    }

    [Fact]
    public void The_real_ridge_cost_of_a_generic_direction_matches_the_exact_one()
    {
        // v = (1, 2, 4, 8): 16 distinct projections −15, −13, …, 15 with labels alternating in a known way.
        var exact = RidgeCost.OfInteger([1, 2, 4, 8]);
        var real = RidgeCost.OfReal([1.0, 2.0, 4.0, 8.0]);
        Assert.Equal(exact.Cost, real.Cost, 10);
        Assert.Equal(exact.Exact!.ToDouble(), exact.Cost, 12);
        // Halving the direction halves the projections but not the cost.
        Assert.Equal(real.Cost, RidgeCost.OfReal([0.5, 1.0, 2.0, 4.0]).Cost, 10);
    }
}
