using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Networks;
using NetClaims.Norms;

namespace NetClaims.Tests.Constructions;

public sealed class SampledBladesTests
{
    [Theory]
    // docs/ahs23.md §1.5 c [NUM], δ = 0.1: m = 235, 833, 311, 1108, 393, 1407.
    [InlineData(8, 0.5, 235)]
    [InlineData(8, 0.25, 833)]
    [InlineData(10, 0.5, 311)]
    [InlineData(10, 0.25, 1108)]
    [InlineData(12, 0.5, 393)]
    [InlineData(12, 0.25, 1407)]
    public void Bernstein_width_matches_the_digest(int d, double eps, int m) =>
        Assert.Equal(m, SampledBlades.BernsteinWidth(new Dimension(d), eps, 0.1));

    [Fact]
    public void Every_sample_costs_the_full_average_and_the_same_seed_gives_the_same_net()
    {
        var d = new Dimension(6);
        var a = SampledBlades.Build(d, 50, 7);
        Assert.Equal(AveragedBlades.ClosedFormCost(d), NetworkCost.Exact(a));
        Assert.Equal(150, a.Width);
        var b = SampledBlades.Build(d, 50, 7);
        Assert.All(Vertex.All(d), x => Assert.Equal(a.EvaluateExact(x), b.EvaluateExact(x)));
    }

    [Fact]
    public void Exact_max_error_is_reported_by_the_evaluator()
    {
        // One blade: g(x) = Q·χ(v)s(⟨v,x⟩−β); the exact max error over the cube equals the reference evaluator's.
        var d = new Dimension(4);
        var net = SampledBlades.Build(d, 1, 3);
        var check = new CubeEvaluator(net).Check(Parity.Full(d));
        var reference = Vertex.All(d).Select(x => Fractions.Fraction.Abs(net.EvaluateExact(x) - new Fractions.Fraction(Parity.Full(d).At(x)))).Max();
        Assert.Equal(reference, check.MaxAbsError);
    }

    [Fact]
    public void Bad_parameters_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SampledBlades.BernsteinWidth(new Dimension(4), 0, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampledBlades.BernsteinWidth(new Dimension(4), 0.5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampledBlades.Build(new Dimension(4), 0, 1));
    }
}
