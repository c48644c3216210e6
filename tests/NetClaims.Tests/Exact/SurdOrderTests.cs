using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using NetClaims.Exact;

namespace NetClaims.Tests.Exact;

public sealed class SurdOrderTests
{
    [Fact]
    public void Decides_close_surd_comparisons_exactly()
    {
        // √2 + √3 = 3.1462… < √10 = 3.1623…; and 2√2 = √8 exactly.
        var lhs = SurdSum.Of(Fraction.One, 2) + SurdSum.Of(Fraction.One, 3);
        Assert.Equal(-1, SurdOrder.Compare(lhs, SurdSum.Of(Fraction.One, 10)));
        Assert.Equal(0, SurdOrder.Compare(SurdSum.Of(new Fraction(2), 2), SurdSum.Of(Fraction.One, 8)));
        Assert.Equal(1, SurdOrder.Compare(SurdSum.Of(Fraction.One, 10), lhs));
    }

    [Fact]
    public void Separates_numbers_that_agree_to_twelve_digits()
    {
        // 1/ρ_9 = 768/35 = 21.942857…; (768/35 + 10^-13)·√1 vs 768/35: a gap far below double resolution at this scale.
        var x = SurdSum.Rational(new Fraction(768, 35));
        var y = x + SurdSum.Rational(new Fraction(1, 10_000_000_000_000));
        Assert.Equal(-1, SurdOrder.Compare(x, y));
    }

    [Property(MaxTest = 200)]
    public Property Agrees_with_double_arithmetic_when_the_gap_is_large(int a, int b, PositiveInt r, PositiveInt s)
    {
        var x = SurdSum.Of(new Fraction(a), r.Get);
        var y = SurdSum.Of(new Fraction(b), s.Get);
        double dx = a * Math.Sqrt(r.Get), dy = b * Math.Sqrt(s.Get);
        bool clear = Math.Abs(dx - dy) > 1e-9 * (1 + Math.Abs(dx) + Math.Abs(dy));
        return (!clear || SurdOrder.Compare(x, y) == Math.Sign(dx - dy)).Label($"{x} vs {y}");
    }

    [Property(MaxTest = 200)]
    public bool Is_antisymmetric(int a, int b, PositiveInt r, PositiveInt s)
    {
        var x = SurdSum.Of(new Fraction(a), r.Get);
        var y = SurdSum.Of(new Fraction(b), s.Get);
        return SurdOrder.Compare(x, y) == -SurdOrder.Compare(y, x);
    }
}
