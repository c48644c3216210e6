using Fractions;
using MathNet.Numerics.Statistics;
using NetClaims.Cube;
using NetClaims.Networks;
using NetClaims.Statistics;

namespace NetClaims.Tests.Networks;

/// <summary>
/// Shape checks and small values by hand for the network types and the statistics helpers they feed: every refusal
/// named in a constructor happens, and the affine parts enter the value with the right sign.
/// </summary>
public sealed class NetworkContractTests
{
    static readonly Dimension D2 = new(2);

    [Fact]
    public void Exact_networks_refuse_mismatched_shapes_and_evaluate_their_affine_part()
    {
        var unit = new ReluUnit(InnerWeight.Dense(1, 2), new Fraction(1), new Fraction(3));
        Assert.Throws<ArgumentException>(() => new TwoLayerRelu(D2, [unit], [Fraction.One]));
        Assert.Throws<ArgumentException>(() => new TwoLayerRelu(D2, [new ReluUnit(InnerWeight.Dense(1, 2, 3), Fraction.Zero, Fraction.One)]));
        var net = new TwoLayerRelu(D2, [unit], [new Fraction(2), new Fraction(-1)], new Fraction(1, 2));
        Assert.Throws<ArgumentException>(() => net.Evaluate([1.0]));
        // x = (1, 3): unit 3·σ(1 + 6 + 1) = 24, linear 2 − 3 = −1, constant ½.
        Assert.Equal(23.5, net.Evaluate([1.0, 3.0]), 12);
        var half = net.Scaled(new Fraction(1, 2));
        Assert.Equal(11.75, half.Evaluate([1.0, 3.0]), 12);
        Assert.Equal(new Fraction(3, 2), half.Units[0].Out);
        Assert.Equal(new Fraction(-1, 2), half.Linear[1]);
        Assert.Equal(new Fraction(1, 4), half.Constant);
    }

    [Fact]
    public void Dense_networks_take_d_from_the_linear_part_when_there_are_no_units()
    {
        var lin = new DenseTwoLayerRelu([], [], [], 1, [2.0, -1.0, 0.5]);
        Assert.Equal(3, lin.D);
        Assert.Equal(1 + 2 - 1 + 0.5, lin.Evaluate([1.0, 1.0, 1.0]), 12);
        Assert.Throws<ArgumentException>(() => lin.Evaluate([1.0, 1.0]));
        Assert.Throws<ArgumentException>(() => new DenseTwoLayerRelu([[1.0, 2.0]], [0], [1], 0, [1.0]));
        Assert.Equal(0, new DenseTwoLayerRelu([], [], []).D);
        // From an exact net with a linear part: the same function in float64.
        var exact = new TwoLayerRelu(D2, [new ReluUnit(InnerWeight.Dense(1, -1), Fraction.Zero, new Fraction(2))], [new Fraction(1), new Fraction(3)], Fraction.One);
        var dense = DenseTwoLayerRelu.From(exact);
        foreach (var x in new[] { new[] { 1.0, -1.0 }, [-1.0, 1.0], [0.5, 0.25] })
            Assert.Equal(exact.Evaluate(x), dense.Evaluate(x), 12);
    }

    [Fact]
    public void Sign_unit_networks_refuse_mismatched_arrays_and_count_live_units()
    {
        Assert.Throws<ArgumentException>(() => new SignUnitNetwork(D2, [Fraction.Zero], [], Fraction.One));
        Assert.Throws<ArgumentException>(() => new SignUnitNetwork(D2, [Fraction.Zero], [new long[3]], Fraction.One));
        var net = new SignUnitNetwork(D2, [Fraction.Zero], [[1, 0, -2, 0]], Fraction.One);
        Assert.Equal(2, net.Width);
        Assert.Equal(0, new SignUnitNetwork(D2, [Fraction.Zero], [[1, 0, -2, 0]], Fraction.Zero).Width);
        Assert.Equal(0, new SignUnitNetwork(D2, [Fraction.Zero], [[1, 0, -2, 0]], Fraction.Zero).ToTwoLayerRelu().Width);
    }

    [Fact]
    public void Binomial_floor_is_the_largest_rejecting_count()
    {
        // Bin(10, 1/2): P(≤ 1) = 11/1024 ≈ 0.0107, P(≤ 2) = 56/1024 ≈ 0.0547.
        Assert.Equal(1, FalseFailure.BinomialFloor(10, 0.5, 0.05));
        Assert.Equal(2, FalseFailure.BinomialFloor(10, 0.5, 0.055)); // P(≤ 3) = 176/1024
        Assert.Equal(-1, FalseFailure.BinomialFloor(10, 0.5, 0.0009)); // P(0) = 1/1024 > 0.0009
        Assert.Equal(10, FalseFailure.BinomialFloor(10, 0.5, 1.0));
    }

    [Fact]
    public void False_failure_rate_of_a_band_by_hand()
    {
        var band = Band.Around(0, 1);
        Assert.Equal(2 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, -1), band.FalseFailureRate(0, 1), 12);
        Assert.Equal(MathNet.Numerics.Distributions.Normal.CDF(0, 1, -1), Band.AtMost(1).FalseFailureRate(0, 1), 12);
        Assert.Equal(MathNet.Numerics.Distributions.Normal.CDF(0, 1, -1), Band.AtLeast(-1).FalseFailureRate(0, 1), 12);
        Assert.Equal(0, band.FalseFailureRate(0.5, 0));
        Assert.Equal(1, band.FalseFailureRate(2, 0));
    }

    [Fact]
    public void Fits_refuse_too_few_points_and_have_intervals_around_the_estimate()
    {
        double[] x = [2, 3, 4], y = [4, 9, 16];
        Assert.Throws<ArgumentException>(() => ExponentFits.LogLog([2, 3], [4, 9]));            // 2 points, 2 parameters
        var fit = ExponentFits.LogLog([2, 3, 4, 5], [4.1, 8.9, 16.2, 24.8]);
        Assert.True(fit.Lo < fit.Estimate && fit.Estimate < fit.Hi);
        var ex = ExponentFits.Extrapolated([2, 3, 4, 5, 6, 7], [4.1, 8.9, 16.2, 24.8, 36.3, 48.7]);
        Assert.True(ex.Lo < ex.Estimate && ex.Estimate < ex.Hi);
        Assert.Throws<ArgumentException>(() => ExponentFits.Extrapolated([2, 3, 4, 5], [4.1, 8.9, 16.2, 24.8]));
        // Propagated: with exact data the OLS error is 0, so the half-width is z times the propagated error
        // √Σ((l_i − l̄)/Sxx · se_i/y_i)², here computed directly.
        double[] se = [0.1, 0.2, 0.3];
        var p = ExponentFits.Propagated(x, y, se, z: 2);
        var l = x.Select(v => Math.Log(v)).ToArray();
        double m = l.Average(), sxx = l.Sum(v => (v - m) * (v - m));
        double prop = Math.Sqrt(l.Select((v, i) => Math.Pow((v - m) / sxx * se[i] / y[i], 2)).Sum());
        Assert.Equal(2, p.Estimate, 9);
        Assert.Equal(Math.Max(2 * prop, ExponentFits.ResolutionFloor), p.Hi - p.Estimate, 9);
        var (means, ses) = ExponentFits.MeansWithErrors([[1, 2, 3, 6], [5]]);
        Assert.Equal([3.0, 5.0], means);
        Assert.Equal(new[] { 1.0, 2, 3, 6 }.StandardDeviation() / 2, ses[0], 12);
        Assert.Equal(double.PositiveInfinity, ses[1]);
    }
}
