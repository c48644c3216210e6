using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Networks;
using NetClaims.Norms;

namespace NetClaims.Tests.Networks;

public sealed class DenseTwoLayerReluTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    public void The_float_copy_of_an_exact_network_agrees_on_every_vertex(int dValue)
    {
        var d = new Dimension(dValue);
        var exact = SawtoothRidge.Build(d);
        var dense = DenseTwoLayerRelu.From(exact);
        for (ulong v = 0; v < 1UL << dValue; v++)
        {
            var x = Enumerable.Range(0, dValue).Select(i => (double)Vertex.Coordinate(v, i)).ToArray();
            // Reference: exact rational evaluation; the float path sums O(d) terms of size O(d), so 1e-9 is generous.
            Assert.InRange(dense.Evaluate(x) - exact.EvaluateExact(v).ToDouble(), -1e-9, 1e-9);
        }
        // Same cost from both representations (NetworkCost.Float on the exact net is an independent unit-by-unit sum).
        Assert.InRange(dense.Cost - NetworkCost.Float(exact), -1e-9, 1e-9);
    }

    [Fact]
    public void Hand_computed_values()
    {
        // f(x) = 2σ(x₁ − x₂ + 1) − σ(x₂) + 0.5 + 3x₁: at (1, 0.5): 2·1.5 − 0.5 + 0.5 + 3 = 6.
        var f = new DenseTwoLayerRelu([[1, -1], [0, 1]], [1, 0], [2, -1], 0.5, [3, 0]);
        Assert.InRange(f.Evaluate([1, 0.5]), 6 - 1e-12, 6 + 1e-12);
        // C(f) = 2·√2 + 1·1.
        Assert.InRange(f.Cost, 2 * Math.Sqrt(2) + 1 - 1e-12, 2 * Math.Sqrt(2) + 1 + 1e-12);
    }

    [Fact]
    public void Malformed_shapes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new DenseTwoLayerRelu([[1, 2], [3]], [0, 0], [1, 1]));
        Assert.Throws<ArgumentException>(() => new DenseTwoLayerRelu([[1, 2]], [0, 0], [1]));
        Assert.Throws<ArgumentException>(() => new DenseTwoLayerRelu([[1, 2]], [0], [1]).Evaluate([1, 2, 3]));
    }
}
