using System.Numerics;

namespace NetClaims.Exact;

/// <summary>Small exact integer helpers (binomials, gcd/lcm, squarefree parts) used by costs and constructions.</summary>
public static class IntegerMath
{
    /// <summary>Binomial coefficient C(n, k) as an exact big integer; 0 outside 0 ≤ k ≤ n.</summary>
    public static BigInteger Binomial(int n, int k)
    {
        if (k < 0 || k > n) return BigInteger.Zero;
        k = Math.Min(k, n - k);
        BigInteger r = BigInteger.One;
        // Multiplicative formula; each intermediate r·(n−i)/(i+1) is itself a binomial, so the division is exact.
        for (int i = 0; i < k; i++) r = r * (n - i) / (i + 1);
        return r;
    }

    /// <summary>Least common multiple of two positive big integers.</summary>
    public static BigInteger Lcm(BigInteger a, BigInteger b) =>
        a.IsZero || b.IsZero ? BigInteger.Zero : BigInteger.Abs(a / BigInteger.GreatestCommonDivisor(a, b) * b);

    /// <summary>Writes n ≥ 0 as a²·k with k squarefree; returns (a, k). n = 0 gives (0, 1).</summary>
    public static (BigInteger Outside, BigInteger Radicand) SquarefreeSplit(BigInteger n)
    {
        if (n.Sign < 0) throw new ArgumentOutOfRangeException(nameof(n), "a square root of a negative number is not real");
        if (n.IsZero) return (BigInteger.Zero, BigInteger.One);
        BigInteger outside = BigInteger.One, rest = n;
        // Trial division by p² is enough for the sizes that occur (squared norms of integer weight vectors).
        for (BigInteger p = 2; p * p <= rest; p++)
        {
            var sq = p * p;
            while (rest % sq == 0) { rest /= sq; outside *= p; }
        }
        return (outside, rest);
    }
}
