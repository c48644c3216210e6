using System.Numerics;
using Fractions;
using NetClaims.Exact;

namespace NetClaims.Tests.Exact;

public sealed class SurdSumTests
{
    [Fact]
    public void Square_roots_are_reduced_to_squarefree_radicands()
    {
        // √72 = 6√2 (72 = 36·2), so 1/3·√72 = 2√2.
        var s = SurdSum.Of(new Fraction(1, 3), 72);
        Assert.Equal("2·√2", s.ToString());
        Assert.Equal(SurdSum.Of(new Fraction(2), 2), s);
    }

    [Fact]
    public void Perfect_squares_become_rational()
    {
        // (2·4+3)·√4 = 22: the sawtooth cost at d = 4 (docs/ahs23.md §1.1 table).
        Assert.Equal("22", SurdSum.Of(new Fraction(11), 4).ToString());
    }

    [Fact]
    public void Sums_collect_like_radicands_and_cancel_to_zero()
    {
        var a = SurdSum.Of(new Fraction(3), 2) + SurdSum.Of(new Fraction(1), 3);
        var b = SurdSum.Of(new Fraction(-3), 2);
        Assert.Equal("√3", (a + b).ToString());
        Assert.True((a - a).IsZero);
        Assert.Equal("0", (a - a).ToString());
    }

    [Fact]
    public void Printing_uses_rational_coefficients()
    {
        // The Theorem-4 blade cost at d = 13: 4·√13·|Q|, |Q| = 2^13/C(13,6) = 2048/429.
        Assert.Equal("8192/429·√13", SurdSum.Of(new Fraction(8192, 429), 13).ToString());
        Assert.Equal("1/2 - √5", (SurdSum.Rational(new Fraction(1, 2)) - SurdSum.Of(Fraction.One, 5)).ToString());
    }

    [Fact]
    public void To_double_is_within_a_few_ulps()
    {
        // (2d+3)√d at d = 10 is 23√10 = 72.73238618387272 (independent: Math.Sqrt).
        var s = SurdSum.Of(new Fraction(23), 10);
        Assert.InRange(s.ToDouble(), 23 * Math.Sqrt(10) * (1 - 1e-15), 23 * Math.Sqrt(10) * (1 + 1e-15));
    }

    [Fact]
    public void Negative_radicands_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SurdSum.Of(Fraction.One, new BigInteger(-2)));
    }
}

public sealed class SurdProductTests
{
    [Fact]
    public void Products_reduce_radicands()
    {
        // (√2 + √3)(√2 − √3) = 2 − 3 = −1;  √6·√10 = √60 = 2√15.
        var a = SurdSum.Of(Fraction.One, 2) + SurdSum.Of(Fraction.One, 3);
        var b = SurdSum.Of(Fraction.One, 2) - SurdSum.Of(Fraction.One, 3);
        Assert.Equal(SurdSum.Rational(Fraction.MinusOne), a * b);
        Assert.Equal("2·√15", (SurdSum.Of(Fraction.One, 6) * SurdSum.Of(Fraction.One, 10)).ToString());
    }
}
