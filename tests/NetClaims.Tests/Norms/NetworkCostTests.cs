using Fractions;
using NetClaims.Cube;
using NetClaims.Exact;
using NetClaims.Networks;
using NetClaims.Norms;

namespace NetClaims.Tests.Norms;

public sealed class NetworkCostTests
{
    // Hand derivation: |−1/2|·‖(1,2,2)‖ + |3|·‖(1,1,0)‖ = 1/2·3 + 3√2 = 3/2 + 3√2; biases and the affine part are free.
    static readonly TwoLayerRelu Net = new(new Dimension(3),
        [new ReluUnit(InnerWeight.Dense(1, 2, 2), new Fraction(7), new Fraction(-1, 2)),
         new ReluUnit(InnerWeight.Dense(1, 1, 0), new Fraction(-2), new Fraction(3))],
        [new Fraction(3), new Fraction(4), Fraction.Zero], new Fraction(100));

    [Fact]
    public void Cost_sums_output_times_inner_norm_exactly()
    {
        Assert.Equal(SurdSum.Rational(new Fraction(3, 2)) + SurdSum.Of(new Fraction(3), 2), NetworkCost.Exact(Net));
        Assert.InRange(NetworkCost.Float(Net), 1.5 + 3 * Math.Sqrt(2) - 1e-12, 1.5 + 3 * Math.Sqrt(2) + 1e-12);
    }

    [Fact]
    public void Variant_B_charges_the_linear_part_as_two_relus()
    {
        // ‖v‖ = ‖(3,4,0)‖ = 5, so variant B adds 2·5 = 10.
        Assert.Equal(NetworkCost.Exact(Net) + SurdSum.Rational(new Fraction(10)), NetworkCost.Exact(Net, RNormVariant.FreeConstant));
    }

    [Fact]
    public void Cost_is_invariant_under_positive_per_unit_rescaling()
    {
        // (u, w, b) → (u/t, t·w, t·b) with t = 3 leaves both the function and C(g) unchanged.
        var scaled = new TwoLayerRelu(Net.Dim,
            Net.Units.Select(u => new ReluUnit(InnerWeight.Dense(Enumerable.Range(0, 3).Select(i => 3 * u.W[i]).ToArray()), 3 * u.Bias, u.Out / 3)).ToArray(),
            Net.Linear, Net.Constant);
        Assert.Equal(NetworkCost.Exact(Net), NetworkCost.Exact(scaled));
        foreach (var x in Vertex.All(Net.Dim)) Assert.Equal(Net.EvaluateExact(x), scaled.EvaluateExact(x));
    }
}
