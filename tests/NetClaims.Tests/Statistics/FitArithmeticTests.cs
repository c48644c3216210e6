using NetClaims.Statistics;

namespace NetClaims.Tests.Statistics;

/// <summary>
/// The arithmetic of the fits and bands against textbook formulas written out here: OLS slope = Sxy/Sxx, its standard
/// error √(RSS/(n − 2)/Sxx), t quantiles from tables, the delta-method error of a slope of log-means.
/// </summary>
public sealed class FitArithmeticTests
{
    static readonly double[] X = [1, 2, 3, 4, 5];
    // y = x² · e^{ε}, ε = (0.1, −0.1, 0.05, 0, −0.05).
    static readonly double[] Eps = [0.1, -0.1, 0.05, 0, -0.05];
    static double[] Y => X.Select((x, i) => x * x * Math.Exp(Eps[i])).ToArray();

    static (double Slope, double Se) Textbook(double[] x, double[] y)
    {
        var lx = x.Select(v => Math.Log(v)).ToArray();
        var ly = y.Select(v => Math.Log(v)).ToArray();
        double mx = lx.Average(), my = ly.Average();
        double sxx = lx.Sum(v => (v - mx) * (v - mx)), sxy = lx.Select((v, i) => (v - mx) * (ly[i] - my)).Sum();
        double slope = sxy / sxx, icpt = my - slope * mx;
        double rss = lx.Select((v, i) => Math.Pow(ly[i] - icpt - slope * v, 2)).Sum();
        return (slope, Math.Sqrt(rss / (x.Length - 2) / sxx));
    }

    [Fact]
    public void The_plain_fit_is_ols_with_a_student_t_interval()
    {
        var (slope, se) = Textbook(X, Y);
        var f = ExponentFits.LogLog(X, Y);
        Assert.Equal(slope, f.Estimate, 12);
        // t_{0.975, 3} = 3.182446 (tables); the 90% interval uses t_{0.95, 3} = 2.353363.
        Assert.Equal(slope - 3.182446 * se, f.Lo, 5);
        Assert.Equal(slope + 3.182446 * se, f.Hi, 5);
        Assert.Equal(3.182446 * se, f.HalfWidth, 5);
        Assert.Equal(2.353363 * se, ExponentFits.LogLog(X, Y, 0.9).HalfWidth, 5);
        Assert.Equal(5, f.Points);
        Assert.Equal(0.95, f.Confidence);
    }

    [Fact]
    public void The_extrapolated_interval_is_wider_than_the_shift_between_its_two_fits()
    {
        var f = ExponentFits.Extrapolated([1, 2, 3, 4, 5, 6, 7], [1, 4.3, 8.7, 16.5, 24.2, 37, 48]);
        Assert.True(f.Lo < f.Estimate && f.Estimate < f.Hi);
        Assert.Equal(f.Estimate, (f.Lo + f.Hi) / 2, 12);
        Assert.Throws<ArgumentException>(() => ExponentFits.Extrapolated([1, 2, 3, 4], [1, 2, 3, 4]));
    }

    [Fact]
    public void Contains_includes_both_ends()
    {
        var f = new ExponentFit(1, 0.5, 1.5, 0.95, 5, "t");
        Assert.True(f.Contains(0.5));
        Assert.True(f.Contains(1.5));
        Assert.False(f.Contains(0.4999999));
        Assert.False(f.Contains(1.5000001));
        Assert.Equal(0.5, f.HalfWidth);
    }

    [Fact]
    public void The_propagated_interval_takes_the_larger_of_scatter_and_the_means_own_errors()
    {
        double[] x = [1, 2, 4, 8], y = [1, 2.1, 3.9, 8.2];
        var (slope, seOls) = Textbook(x, y);
        var lx = x.Select(v => Math.Log(v)).ToArray();
        double m = lx.Average(), sxx = lx.Sum(v => (v - m) * (v - m));
        double PropagatedSe(double[] se) => Math.Sqrt(lx.Select((v, i) => Math.Pow((v - m) / sxx * se[i] / y[i], 2)).Sum());

        // Small errors: scatter dominates.
        double[] small = [1e-4, 1e-4, 1e-4, 1e-4];
        var a = ExponentFits.Propagated(x, y, small);
        Assert.True(seOls > PropagatedSe(small));
        Assert.Equal(slope, a.Estimate, 12);
        Assert.Equal(4 * seOls, a.HalfWidth, 10);
        // Large errors: propagation dominates; z = 3 scales it.
        double[] large = [0.1, 0.3, 0.5, 1.5];
        var b = ExponentFits.Propagated(x, y, large, z: 3);
        Assert.True(PropagatedSe(large) > seOls);
        Assert.Equal(3 * PropagatedSe(large), b.HalfWidth, 10);
        Assert.Equal(slope - 3 * PropagatedSe(large), b.Lo, 10);
        // Confidence 1 − 2Φ(−3) = 0.9973002.
        Assert.Equal(0.9973002, b.Confidence, 6);
        Assert.Throws<ArgumentException>(() => ExponentFits.Propagated(x, y, [0.1, 0.1, 0.1]));
        Assert.Throws<ArgumentException>(() => ExponentFits.Propagated(x, y, [0.1, double.PositiveInfinity, 0.1, 0.1]));
    }

    [Fact]
    public void Means_with_errors_are_sample_means_and_standard_errors()
    {
        var (means, se) = ExponentFits.MeansWithErrors([[1, 2, 3], [4, 8], [5]]);
        Assert.Equal([2.0, 6.0, 5.0], means);
        // Sample variance of (1, 2, 3) is 1, so se = √(1/3); of (4, 8) it is 8, se = √(8/2) = 2; one draw has none.
        Assert.Equal(Math.Sqrt(1.0 / 3), se[0], 12);
        Assert.Equal(2, se[1], 12);
        Assert.True(double.IsPositiveInfinity(se[2]));
    }

    [Fact]
    public void Fits_refuse_data_they_cannot_fit()
    {
        Assert.Throws<ArgumentException>(() => ExponentFits.LogLog([1, 2], [1, 2]));
        Assert.Throws<ArgumentException>(() => ExponentFits.LogLog([1, 2, 3], [1, 2]));
        Assert.Throws<ArgumentException>(() => ExponentFits.LogLog([0, 2, 3], [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => ExponentFits.LogLog([1, 2, 3], [1, 0, 3]));
        Assert.Throws<ArgumentException>(() => ExponentFits.LogLog([1, 2, 3], [1, double.NaN, 3]));
        Assert.Throws<ArgumentException>(() => ExponentFits.LogLog([1, double.PositiveInfinity, 3], [1, 2, 3]));
        // Three points fit two parameters with one residual degree of freedom.
        Assert.Equal(1, ExponentFits.LogLog([1, 2, 4], [1, 2, 4]).Estimate, 10);
    }
}

public sealed class BandArithmeticTests
{
    [Fact]
    public void Bands_contain_their_ends_and_report_centre_and_half_width()
    {
        var b = Band.Around(2, 0.5, "t");
        Assert.Equal(1.5, b.Lo);
        Assert.Equal(2.5, b.Hi);
        Assert.Equal(2, b.Center);
        Assert.Equal(0.5, b.HalfWidth);
        Assert.True(b.Contains(1.5) && b.Contains(2.5) && b.Contains(2));
        Assert.False(b.Contains(1.4999) || b.Contains(2.5001) || b.Contains(double.NaN));
        Assert.True(Band.AtMost(1).Contains(-1e300) && !Band.AtMost(1).Contains(1.0001));
        Assert.True(Band.AtLeast(1).Contains(1e300) && !Band.AtLeast(1).Contains(0.9999));
        Assert.Equal("[1.5, 2.5]", b.ToString());
    }

    [Fact]
    public void A_pilot_band_adds_the_offset_from_theory_to_z_standard_deviations()
    {
        var b = Band.Pilot(theory: -1, pilotMean: -0.9, pilotSd: 0.02, pilotSeeds: 100);
        Assert.Equal(-1 - (0.1 + 5 * 0.02), b.Lo, 12);
        Assert.Equal(-1 + (0.1 + 5 * 0.02), b.Hi, 12);
        Assert.Contains("pilot of 100 seeds", b.Provenance);
        Assert.Equal(-1 + 0.1 + 3 * 0.02, Band.Pilot(-1, -1.1, 0.02, 10, z: 3).Hi, 12);
    }

    [Fact]
    public void The_false_failure_rate_is_the_normal_mass_outside_the_band()
    {
        var b = Band.Around(0, 2);
        // Two tails of N(0, 1) beyond ±2: 2·Φ(−2) = 0.0455003.
        Assert.Equal(0.0455003, b.FalseFailureRate(0, 1), 6);
        // One-sided bands count one tail: P(Z < −2) = 0.0227501.
        Assert.Equal(0.0227501, Band.AtLeast(-2).FalseFailureRate(0, 1), 6);
        Assert.Equal(0.0227501, Band.AtMost(2).FalseFailureRate(0, 1), 6);
        // A degenerate statistic (sd = 0) fails with probability 0 inside, 1 outside.
        Assert.Equal(0, b.FalseFailureRate(1, 0));
        Assert.Equal(1, b.FalseFailureRate(3, 0));
        Assert.Equal(1, b.FalseFailureRate(-3, -1));
    }

    [Fact]
    public void Z_quantiles_are_one_or_two_sided()
    {
        // Tables: z_{0.975} = 1.959964, z_{0.95} = 1.644854.
        Assert.Equal(1.959964, FalseFailure.Z(0.05), 6);
        Assert.Equal(1.644854, FalseFailure.Z(0.05, twoSided: false), 6);
    }
}
