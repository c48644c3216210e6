using System.Numerics;
using Fractions;

namespace NetClaims.Exact;

/// <summary>
/// Certified ordering of <see cref="SurdSum"/>s. Equality is decided exactly (distinct squarefree roots are linearly
/// independent over ℚ, so x = y iff x − y has no terms). Otherwise x − y ≠ 0 is enclosed in a rational interval from
/// integer square roots at 10^p precision, and p is doubled until the interval excludes 0 — a Certified-tier decision.
/// </summary>
public static class SurdOrder
{
    /// <summary>−1, 0 or +1 as x &lt; y, x = y, x &gt; y.</summary>
    public static int Compare(SurdSum x, SurdSum y)
    {
        var delta = x - y;
        if (delta.IsZero) return 0;
        for (int p = 16; p <= 4096; p *= 2)
        {
            var (lo, hi) = Enclose(delta, p);
            if (lo.IsPositive) return 1;
            if (hi.IsNegative) return -1;
        }
        throw new InvalidOperationException("surd comparison did not separate at 4096 digits");
    }

    /// <summary>A rational interval [lo, hi] that contains s, each √k known to within 10^−p.</summary>
    public static (Fraction Lo, Fraction Hi) Enclose(SurdSum s, int p)
    {
        var scale = BigInteger.Pow(10, p);
        Fraction lo = Fraction.Zero, hi = Fraction.Zero;
        foreach (var (k, q) in s.Terms)
        {
            var r = IntegerMath.ISqrt(k * scale * scale);
            // r ≤ √k·10^p < r + 1, and exactly r when k·10^{2p} is a perfect square.
            var a = new Fraction(r, scale);
            var b = r * r == k * scale * scale ? a : new Fraction(r + 1, scale);
            if (q.IsNegative) { lo += q * b; hi += q * a; }
            else { lo += q * a; hi += q * b; }
        }
        return (lo, hi);
    }

    /// <summary>π enclosed to 20 decimals: 3.14159265358979323846 &lt; π &lt; 3.14159265358979323847.</summary>
    public static (Fraction Lo, Fraction Hi) Pi { get; } = (
        new Fraction(BigInteger.Parse("314159265358979323846", System.Globalization.CultureInfo.InvariantCulture), BigInteger.Pow(10, 20)),
        new Fraction(BigInteger.Parse("314159265358979323847", System.Globalization.CultureInfo.InvariantCulture), BigInteger.Pow(10, 20)));

    /// <summary>
    /// −1 or +1 as x &lt; √(k·π) or x &gt; √(k·π), for x ≥ 0 whose square is rational (e.g. a cost q·√d) and rational
    /// k ≥ 0: x² is compared with k·π through the enclosure <see cref="Pi"/>. Throws when the enclosure cannot separate them.
    /// </summary>
    public static int CompareWithSqrtPi(SurdSum x, Fraction k)
    {
        var (lo, hi) = Enclose(x, 16);
        if (hi.IsNegative || k.IsNegative) throw new ArgumentOutOfRangeException(nameof(x), "needs x ≥ 0 and k ≥ 0");
        var square = x * x;
        if (square.Terms.Keys.Any(r => !r.IsOne)) throw new ArgumentException($"x² = {square} is not rational", nameof(x));
        var x2 = square.IsZero ? Fraction.Zero : square.Terms[BigInteger.One];
        if (x2 > k * Pi.Hi) return 1;
        if (x2 < k * Pi.Lo) return -1;
        throw new InvalidOperationException($"the π enclosure does not separate x² = {x2} from {k}·π");
    }
}
