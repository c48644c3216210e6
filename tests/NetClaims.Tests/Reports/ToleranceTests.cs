using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetClaims.Reports;

namespace NetClaims.Tests.Reports;

/// <summary>The comparer's own properties (dogfooding): a tolerance helper that is itself untested lets anything pass.</summary>
public sealed class ToleranceTests
{
    static Tolerance Tol(NormalFloat a, NormalFloat r) => new(Math.Abs(a.Get) % 1, Math.Abs(r.Get) % 1);

    [Property(MaxTest = 500)]
    public bool Symmetric(NormalFloat x, NormalFloat y, NormalFloat a, NormalFloat r) =>
        Tol(a, r).Accepts(x.Get, y.Get) == Tol(a, r).Accepts(y.Get, x.Get);

    [Property(MaxTest = 500)]
    public bool Reflexive_for_finite_numbers(NormalFloat x) => Tolerance.Exact.Accepts(x.Get, x.Get);

    [Property(MaxTest = 500)]
    public bool NaN_matches_nothing(double x, NormalFloat a, NormalFloat r) =>
        !Tol(a, r).Accepts(double.NaN, x) && !Tol(a, r).Accepts(x, double.NaN) && !new Tolerance(1e300, 1).Accepts(double.NaN, double.NaN);

    [Property(MaxTest = 500)]
    public bool Monotone_in_tolerance(NormalFloat x, NormalFloat y, NormalFloat a, NormalFloat r, PositiveInt grow)
    {
        var small = Tol(a, r);
        var large = new Tolerance(small.Abs * (1 + grow.Get), small.Rel + grow.Get * 1e-3);
        return !small.Accepts(x.Get, y.Get) || large.Accepts(x.Get, y.Get);
    }

    [Fact]
    public void Infinities_match_only_themselves()
    {
        var t = new Tolerance(1e300, 1);
        Assert.True(t.Accepts(double.PositiveInfinity, double.PositiveInfinity));
        Assert.False(t.Accepts(double.PositiveInfinity, double.NegativeInfinity));
        Assert.False(t.Accepts(double.PositiveInfinity, 1e308));
    }

    [Fact]
    public void Absolute_and_relative_parts_add()
    {
        // |1 − 1.1| = 0.1 ≤ 0.05 + 0.05·1.1 = 0.105, but not ≤ 0.05 alone or 0.05·1.1 alone.
        Assert.True(new Tolerance(0.05, 0.05).Accepts(1, 1.1));
        Assert.False(Tolerance.Absolute(0.05).Accepts(1, 1.1));
        Assert.False(Tolerance.Relative(0.05).Accepts(1, 1.1));
    }
}
