using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using NetClaims.Cube;
using NetClaims.Networks;
using NetClaims.Tests.Support;

namespace NetClaims.Tests.Networks;

public sealed class CubeEvaluatorTests
{
    [Property(Arbitrary = [typeof(NetworkGen)], MaxTest = 150)]
    public Property Fast_exact_evaluation_equals_the_big_rational_reference_on_every_vertex(TwoLayerRelu net)
    {
        // Independent method: TwoLayerRelu.EvaluateExact sums Fractions unit by unit, with no tables or scaling.
        var ev = new CubeEvaluator(net);
        var bad = Vertex.All(net.Dim).FirstOrDefault(x => !ev.ExactValue(x).Equals(net.EvaluateExact(x)), ulong.MaxValue);
        return (bad == ulong.MaxValue).Label($"d={net.Dim} width={net.Width} vertex={bad}");
    }

    [Property(Arbitrary = [typeof(NetworkGen)], MaxTest = 100)]
    public Property Float_evaluation_is_close_to_exact(TwoLayerRelu net)
    {
        // Tolerance 1e-9: at most 8 units with |u| ≤ 8 and pre-activations ≤ 30, so rounding is ≲ 1e-13.
        var ev = new CubeEvaluator(net);
        return Vertex.All(net.Dim).All(x => Math.Abs(ev.Evaluate(x).Float - net.EvaluateExact(x).ToDouble()) <= 1e-9).ToProperty();
    }

    [Property(Arbitrary = [typeof(NetworkGen)], MaxTest = 100)]
    public Property Mismatch_count_agrees_with_the_reference(TwoLayerRelu net)
    {
        var chi = Parity.Full(net.Dim);
        var check = new CubeEvaluator(net).Check(chi);
        var reference = Vertex.All(net.Dim).Count(x => !net.EvaluateExact(x).Equals(new Fraction(chi.At(x))));
        return ((ulong)reference == check.Mismatches && check.Vertices == net.Dim.VertexCount).ToProperty();
    }

    [Fact]
    public void Float_path_matches_the_dense_double_evaluator()
    {
        // Two float paths: grouped tables in CubeEvaluator vs TwoLayerRelu.Evaluate on the dense vector.
        var net = new TwoLayerRelu(new Dimension(3),
            [new ReluUnit(InnerWeight.Dense(1, -2, 3), new Fraction(1, 3), new Fraction(-5, 2)),
             new ReluUnit(InnerWeight.Sign(0b011, 3), new Fraction(-1), new Fraction(7, 4))],
            [new Fraction(1, 2), Fraction.Zero, new Fraction(-1)], new Fraction(3));
        var ev = new CubeEvaluator(net);
        foreach (var x in Vertex.All(net.Dim))
            Assert.InRange(ev.Evaluate(x).Float - net.Evaluate(Vertex.ToVector(x, net.Dim)), -1e-12, 1e-12);
    }

    [Fact]
    public void Stop_at_first_mismatch_stops_early_and_reports_a_counterexample()
    {
        // The zero network differs from χ everywhere. At d = 20 the cube is 256 chunks of 2^12 vertices;
        // chunks already started when the first mismatch is recorded still finish (one per worker thread),
        // so the bound allows a full thread pool's worth (d = 14 has only 4 chunks, which a loaded machine
        // can start all at once, so it could not tell "stopped early" from "ran everything").
        var zero = new TwoLayerRelu(new Dimension(20), []);
        var check = new CubeEvaluator(zero).Check(Parity.Full(zero.Dim), stopAtFirstMismatch: true);
        Assert.False(check.Interpolates);
        Assert.NotNull(check.FirstMismatch);
        Assert.True(check.Vertices <= zero.Dim.VertexCount / 2, $"evaluated {check.Vertices} of {zero.Dim.VertexCount}");
    }

    [Fact]
    public void Networks_whose_exact_sums_could_overflow_are_refused()
    {
        var huge = new TwoLayerRelu(new Dimension(2), [new ReluUnit(InnerWeight.Dense(1, 1), Fraction.Zero, new Fraction(long.MaxValue / 4))]);
        Assert.Throws<SizeRefusedException>(() => new CubeEvaluator(huge));
    }
}

public sealed class CubeMomentsTests
{
    [Property(Arbitrary = [typeof(NetworkGen)], MaxTest = 60)]
    public Property Moments_equal_the_reference_sums(TwoLayerRelu net)
    {
        var chi = Parity.Full(net.Dim);
        var (corr, sq) = new CubeEvaluator(net).Moments(chi);
        var n = new Fraction(net.Dim.VertexCount);
        var refCorr = Vertex.All(net.Dim).Aggregate(Fraction.Zero, (s, x) => s + chi.At(x) * net.EvaluateExact(x)) / n;
        var refSq = Vertex.All(net.Dim).Aggregate(Fraction.Zero, (s, x) => { var g = net.EvaluateExact(x) - new Fraction(chi.At(x)); return s + g * g; }) / n;
        return (corr.Equals(refCorr) && sq.Equals(refSq)).ToProperty();
    }
}
