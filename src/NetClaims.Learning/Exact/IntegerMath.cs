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

    /// <summary>Trial division runs to this bound; beyond it a cofactor is only known squarefree when it is below its square.</summary>
    public const long TrialBound = 1_000_000;

    /// <summary>
    /// Writes n ≥ 0 as a²·k with k squarefree; returns (a, k). n = 0 gives (0, 1). Trial division by p² for p up to
    /// <see cref="TrialBound"/>; what remains is squarefree if it is below TrialBound² (no prime factor ≤ the bound left,
    /// so at most one prime), or a perfect square (then split off), and otherwise cannot be decided here:
    /// <see cref="ArgumentOutOfRangeException"/> rather than a wrong or endless answer.
    /// </summary>
    public static (BigInteger Outside, BigInteger Radicand) SquarefreeSplit(BigInteger n)
    {
        if (n.Sign < 0) throw new ArgumentOutOfRangeException(nameof(n), "a square root of a negative number is not real");
        if (n.IsZero) return (BigInteger.Zero, BigInteger.One);
        BigInteger outside = BigInteger.One, rest = n;
        for (long p = 2; p <= TrialBound && (BigInteger)p * p <= rest; p++)
        {
            BigInteger sq = (BigInteger)p * p;
            while (rest % sq == 0) { rest /= sq; outside *= p; }
        }
        if (rest < (BigInteger)TrialBound * TrialBound) return (outside, rest);
        var root = ISqrt(rest);
        if (root * root == rest) return (outside * root, BigInteger.One);
        // rest has no prime factor ≤ TrialBound; it is squarefree unless it is p²·m with a prime p > TrialBound.
        throw new ArgumentOutOfRangeException(nameof(n), $"cannot decide whether {n} has a large square factor (no factor below {TrialBound} leaves {rest})");
    }

    /// <summary>⌊√n⌋ for n ≥ 0: Newton's iteration from an over-estimate decreases monotonically to it.</summary>
    public static BigInteger ISqrt(BigInteger n)
    {
        if (n.Sign < 0) throw new ArgumentOutOfRangeException(nameof(n), "the integer square root needs n ≥ 0");
        if (n < 2) return n;
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var y = (x + n / x) >> 1;
            if (y >= x) return x;
            x = y;
        }
    }
}
