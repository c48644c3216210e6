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
            var r = ISqrt(k * scale * scale);
            // r ≤ √k·10^p < r + 1, and exactly r when k·10^{2p} is a perfect square.
            var a = new Fraction(r, scale);
            var b = r * r == k * scale * scale ? a : new Fraction(r + 1, scale);
            if (q.IsNegative) { lo += q * b; hi += q * a; }
            else { lo += q * a; hi += q * b; }
        }
        return (lo, hi);
    }

    static BigInteger ISqrt(BigInteger n)
    {
        if (n.Sign < 0) throw new ArgumentOutOfRangeException(nameof(n));
        if (n < 2) return n;
        // Newton's iteration from an over-estimate decreases monotonically to ⌊√n⌋.
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var y = (x + n / x) >> 1;
            if (y >= x) return x;
            x = y;
        }
    }
}
