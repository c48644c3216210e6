using Fractions;
using NetClaims.Constructions;
using NetClaims.Cube;

namespace NetClaims.Tests.Constructions;

/// <summary>
/// The sampled-blades network against a direct evaluation of its definition, g_m(x) = (Q/m)·Σ_j χ(v_j)·s(⟨v_j,x⟩ − β),
/// with the directions redrawn here from the same seed and the tent s(z) = σ(z+1) − 2σ(z) + σ(z−1) written out.
/// </summary>
public sealed class SampledBladesBuildTests
{
    [Theory]
    [InlineData(4, 5, 11)]
    [InlineData(5, 9, 12)]
    [InlineData(6, 3, 13)]
    public void The_network_is_the_average_of_the_drawn_blades(int d, int m, int seed)
    {
        var dim = new Dimension(d);
        var net = SampledBlades.Build(dim, m, seed);
        Assert.Equal(3 * m, net.Width);
        var rng = new Random(seed);
        var directions = Enumerable.Range(0, m).Select(_ => (ulong)rng.NextInt64() & (dim.VertexCount - 1)).ToArray();
        int beta = d % 2;
        var q = AveragedBlades.Q(dim);
        static int Relu(int z) => Math.Max(0, z);
        for (ulong x = 0; x < dim.VertexCount; x++)
        {
            var sum = Fraction.Zero;
            foreach (var v in directions)
            {
                int z = Vertex.SignDot(v, x, d) - beta;
                sum += new Fraction(Parity.Sign(v) * (Relu(z + 1) - 2 * Relu(z) + Relu(z - 1)));
            }
            Assert.Equal(q * sum / new Fraction(m), net.EvaluateExact(x));
        }
    }

    [Fact]
    public void The_width_needs_a_probability_strictly_between_zero_and_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SampledBlades.BernsteinWidth(new Dimension(6), 0.1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampledBlades.BernsteinWidth(new Dimension(6), 0.1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampledBlades.BernsteinWidth(new Dimension(6), 0, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampledBlades.Build(new Dimension(6), 0, 1));
        // Halving δ adds 2(|Q| − 1 + (|Q|+1)ε/3)·ln 2/ε² to the width (up to the ceiling).
        var d = new Dimension(6);
        double q = Math.Abs(AveragedBlades.Q(d).ToDouble()), eps = 0.25;
        double extra = 2 * (q - 1 + (q + 1) * eps / 3) * Math.Log(2) / (eps * eps);
        int w1 = SampledBlades.BernsteinWidth(d, eps, 0.1), w2 = SampledBlades.BernsteinWidth(d, eps, 0.05);
        Assert.InRange(w2 - w1, Math.Floor(extra), Math.Ceiling(extra) + 1);
    }
}
