using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetClaims.Statistics;

namespace NetClaims.Tests.Statistics;

public sealed class ExponentFitsTests
{
    static readonly double[] Grid = [4, 6, 8, 10, 12, 14, 16];

    [Property(MaxTest = 100)]
    public Property An_exact_power_law_is_recovered(int a10, PositiveInt c)
    {
        // y = c·x^α exactly: both fits must return α to rounding (1e-8), with an interval that contains it.
        double alpha = (a10 % 40) / 10.0;
        var y = Grid.Select(x => c.Get * Math.Pow(x, alpha)).ToArray();
        var plain = ExponentFits.LogLog(Grid, y);
        var extra = ExponentFits.Extrapolated(Grid, y);
        return (Math.Abs(plain.Estimate - alpha) < 1e-8 && Math.Abs(extra.Estimate - alpha) < 1e-8 &&
                plain.Contains(alpha) && extra.Contains(alpha)).Label($"α={alpha}: {plain.Estimate}, {extra.Estimate}");
    }

    [Fact]
    public void Extrapolation_removes_the_finite_size_bias_that_the_plain_fit_keeps()
    {
        // √d(2d+3): local slope 1.5 − 1.5/(2d+3), so the plain OLS interval over d ≤ 16 misses 3/2 (hand derivation).
        var y = Grid.Select(d => Math.Sqrt(d) * (2 * d + 3)).ToArray();
        Assert.False(ExponentFits.LogLog(Grid, y).Contains(1.5));
        var f = ExponentFits.Extrapolated(Grid, y);
        Assert.True(f.Contains(1.5), $"[{f.Lo}, {f.Hi}]");
        Assert.False(f.Contains(1.0));
    }

    [Fact]
    public void Non_finite_or_non_positive_data_fails_loudly()
    {
        Assert.Throws<ArgumentException>(() => ExponentFits.LogLog(Grid, Grid.Select(x => x == 8 ? double.NaN : x).ToArray()));
        Assert.Throws<ArgumentException>(() => ExponentFits.LogLog(Grid, Grid.Select(x => x - 8).ToArray()));
        Assert.Throws<ArgumentException>(() => ExponentFits.Extrapolated([1, 2, 3, 4], [1, 2, 3, 4]));
    }

    [Fact]
    public void Interval_widens_with_the_confidence_level()
    {
        var y = Grid.Select(d => Math.Pow(d, 1.2) * (1 + 0.05 * Math.Sin(d))).ToArray();
        var f90 = ExponentFits.LogLog(Grid, y, 0.90);
        var f99 = ExponentFits.LogLog(Grid, y, 0.99);
        Assert.True(f99.HalfWidth > f90.HalfWidth);
    }
}
