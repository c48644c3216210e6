using System.Numerics;
using Fractions;
using NetClaims.Exact;

namespace NetClaims.Tests.Exact;

/// <summary>The edges of the exact helpers: large arguments, perfect squares beyond trial division, tight enclosures.</summary>
public sealed class ExactEdgeTests
{
    [Fact]
    public void Binomials_use_the_smaller_side_and_are_exact_far_beyond_long()
    {
        // C(100, 50) = 100891344545564193334812497256 (tables); C(n, k) = C(n, n − k).
        Assert.Equal(BigInteger.Parse("100891344545564193334812497256"), IntegerMath.Binomial(100, 50));
        Assert.Equal(IntegerMath.Binomial(60, 7), IntegerMath.Binomial(60, 53));
        Assert.Equal(new BigInteger(386206920), IntegerMath.Binomial(60, 7));
        Assert.Equal(BigInteger.One, IntegerMath.Binomial(7, 0));
        Assert.Equal(BigInteger.One, IntegerMath.Binomial(7, 7));
        Assert.Equal(BigInteger.Zero, IntegerMath.Binomial(7, 8));
        Assert.Equal(BigInteger.Zero, IntegerMath.Binomial(7, -1));
    }

    [Fact]
    public void Lcm_is_positive_and_zero_absorbs()
    {
        Assert.Equal(new BigInteger(12), IntegerMath.Lcm(4, 6));
        Assert.Equal(new BigInteger(12), IntegerMath.Lcm(-4, 6));
        Assert.Equal(BigInteger.Zero, IntegerMath.Lcm(0, 6));
        Assert.Equal(BigInteger.Zero, IntegerMath.Lcm(6, 0));
        Assert.Equal(new BigInteger(7), IntegerMath.Lcm(7, 7));
    }

    [Fact]
    public void Square_factors_beyond_trial_division_are_found_when_the_rest_is_a_square()
    {
        // p = 1000003 is prime and above the trial bound: 4·p² = (2p)² is split only by the perfect-square test after
        // trial division has removed the 4; p² alone becomes (p, 1). 3·p² leaves the cofactor 3p², neither below the
        // bound squared nor a square: the documented "cannot decide", refused rather than answered wrongly.
        var p = new BigInteger(1_000_003);
        Assert.Equal((2 * p, BigInteger.One), IntegerMath.SquarefreeSplit(4 * p * p));
        Assert.Equal((p, BigInteger.One), IntegerMath.SquarefreeSplit(p * p));
        Assert.Throws<ArgumentOutOfRangeException>(() => IntegerMath.SquarefreeSplit(3 * p * p));
        // A product of two distinct large primes p·q is above the bound squared, not a square, and cannot be decided.
        var q = new BigInteger(1_000_033);
        Assert.Throws<ArgumentOutOfRangeException>(() => IntegerMath.SquarefreeSplit(p * q * 1_000_037));
        // Below the bound squared, a cofactor with no small prime is one prime: squarefree.
        Assert.Equal((BigInteger.One, p), IntegerMath.SquarefreeSplit(p));
        // A prime exactly at the trial bound's square root boundary: 999983 (the largest prime below 10⁶) squared.
        var r = new BigInteger(999_983);
        Assert.Equal((r, BigInteger.One), IntegerMath.SquarefreeSplit(r * r));
        Assert.Equal((BigInteger.Zero, BigInteger.One), IntegerMath.SquarefreeSplit(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => IntegerMath.SquarefreeSplit(-4));
    }

    [Fact]
    public void The_integer_square_root_is_the_floor()
    {
        foreach (var n in new BigInteger[] { 0, 1, 2, 3, 4, 8, 9, 10, 15, 16, 17, 99, 100, 101 })
        {
            var r = IntegerMath.ISqrt(n);
            Assert.True(r * r <= n && (r + 1) * (r + 1) > n, $"⌊√{n}⌋ = {r}");
        }
        var big = BigInteger.Pow(10, 40) + 12345;
        var root = IntegerMath.ISqrt(big);
        Assert.Equal(BigInteger.Pow(10, 20), root);
        Assert.Equal(BigInteger.Pow(10, 20) - 1, IntegerMath.ISqrt(BigInteger.Pow(10, 40) - 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => IntegerMath.ISqrt(-1));
    }

    [Fact]
    public void Enclosures_contain_the_value_and_are_exact_for_perfect_squares()
    {
        // √2 to 10 digits: [1.4142135623, 1.4142135624]; −3√2 flips the ends.
        var (lo, hi) = SurdOrder.Enclose(SurdSum.Of(Fraction.One, 2), 10);
        Assert.Equal(new Fraction(14142135623, 10_000_000_000), lo);
        Assert.Equal(new Fraction(14142135624, 10_000_000_000), hi);
        var (nlo, nhi) = SurdOrder.Enclose(new Fraction(-3) * SurdSum.Of(Fraction.One, 2), 10);
        Assert.Equal(new Fraction(-3) * hi, nlo);
        Assert.Equal(new Fraction(-3) * lo, nhi);
        // A rational term (radicand 1, a perfect square at every precision) is enclosed exactly.
        var (rlo, rhi) = SurdOrder.Enclose(SurdSum.Of(new Fraction(7, 3), 1), 5);
        Assert.Equal(new Fraction(7, 3), rlo);
        Assert.Equal(new Fraction(7, 3), rhi);
    }

    [Fact]
    public void Comparisons_need_more_digits_when_values_are_close_and_fail_loudly_when_they_never_separate()
    {
        // 1 + √2·10⁻³⁰ vs 1: equal to 30 digits, separated by doubling the precision past 16.
        var tiny = SurdSum.Of(new Fraction(BigInteger.One, BigInteger.Pow(10, 30)), 2);
        Assert.Equal(1, SurdOrder.Compare(SurdSum.Of(Fraction.One, 1) + tiny, SurdSum.Of(Fraction.One, 1)));
        Assert.Equal(-1, SurdOrder.Compare(SurdSum.Of(Fraction.One, 1), SurdSum.Of(Fraction.One, 1) + tiny));
        Assert.Equal(0, SurdOrder.Compare(SurdSum.Of(Fraction.One, 8), SurdSum.Of(new Fraction(2), 2)));
        // √2 against its own 5000-digit truncation: they differ by less than 10⁻⁵⁰⁰⁰, beyond the 4096 digits tried.
        var scale = BigInteger.Pow(10, 5000);
        var truncated = SurdSum.Of(new Fraction(IntegerMath.ISqrt(2 * scale * scale), scale), 1);
        Assert.Throws<InvalidOperationException>(() => SurdOrder.Compare(SurdSum.Of(Fraction.One, 2), truncated));
        // …while the 30-digit truncation is separated after doubling 16 → 32 digits.
        var s30 = BigInteger.Pow(10, 30);
        Assert.Equal(1, SurdOrder.Compare(SurdSum.Of(Fraction.One, 2), SurdSum.Of(new Fraction(IntegerMath.ISqrt(2 * s30 * s30), s30), 1)));
    }

    [Fact]
    public void Comparison_with_the_square_root_of_k_pi()
    {
        // √(kπ) for k = 1: 1.7724538509…; 1.7724 < √π < 1.7725.
        Assert.Equal(-1, SurdOrder.CompareWithSqrtPi(SurdSum.Of(new Fraction(17724, 10000), 1), 1));
        Assert.Equal(1, SurdOrder.CompareWithSqrtPi(SurdSum.Of(new Fraction(17725, 10000), 1), 1));
        // x = 2√2 (x² = 8) against √(2π) (2π ≈ 6.283) and √(3π) (≈ 9.425).
        Assert.Equal(1, SurdOrder.CompareWithSqrtPi(SurdSum.Of(new Fraction(2), 2), 2));
        Assert.Equal(-1, SurdOrder.CompareWithSqrtPi(SurdSum.Of(new Fraction(2), 2), 3));
        // 0 against √(0·π): not separable, refused; x below zero or k below zero refused; x² irrational refused.
        Assert.Throws<InvalidOperationException>(() => SurdOrder.CompareWithSqrtPi(SurdSum.Zero, 0));
        Assert.Equal(-1, SurdOrder.CompareWithSqrtPi(SurdSum.Zero, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SurdOrder.CompareWithSqrtPi(SurdSum.Of(new Fraction(-1), 2), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SurdOrder.CompareWithSqrtPi(SurdSum.Of(Fraction.One, 2), -1));
        Assert.Throws<ArgumentException>(() => SurdOrder.CompareWithSqrtPi(SurdSum.Of(Fraction.One, 2) + SurdSum.Of(Fraction.One, 1), 1));
        // π's enclosure is 10⁻²⁰ wide around 3.14159265358979323846…
        Assert.Equal(new Fraction(1, BigInteger.Pow(10, 20)), SurdOrder.Pi.Hi - SurdOrder.Pi.Lo);
    }

    [Fact]
    public void Surd_sums_scale_compare_and_print_signs()
    {
        var x = SurdSum.Of(new Fraction(3), 2) + SurdSum.Of(new Fraction(-1, 2), 3);
        Assert.Equal(SurdSum.Zero, Fraction.Zero * x);
        Assert.Equal(SurdSum.Of(new Fraction(6), 2) + SurdSum.Of(new Fraction(-1), 3), new Fraction(2) * x);
        Assert.False(x.Equals(SurdSum.Of(new Fraction(3), 2)));
        Assert.False(x.Equals(SurdSum.Of(new Fraction(3), 2) + SurdSum.Of(new Fraction(1, 2), 3)));
        Assert.False(x.Equals((SurdSum?)null));
        Assert.True(x.Equals(SurdSum.Of(new Fraction(-1, 2), 3) + SurdSum.Of(new Fraction(3), 2)));
        Assert.Equal("3·√2 - 1/2·√3", x.ToString());
        Assert.Equal("-√2 + √3", (SurdSum.Of(Fraction.MinusOne, 2) + SurdSum.Of(Fraction.One, 3)).ToString());
        // (√2 + √3)² = 5 + 2√6.
        var s = SurdSum.Of(Fraction.One, 2) + SurdSum.Of(Fraction.One, 3);
        Assert.Equal(SurdSum.Of(new Fraction(5), 1) + SurdSum.Of(new Fraction(2), 6), s * s);
    }
}
