using System.Numerics;
using NetClaims.Exact;

namespace NetClaims.Tests.Exact;

public sealed class IntegerMathTests
{
    [Theory]
    // Reference values: Pascal's triangle (C(16,8) = 12870, C(14,7) = 3432, C(13,6) = 1716).
    [InlineData(16, 8, 12870)]
    [InlineData(14, 7, 3432)]
    [InlineData(13, 6, 1716)]
    [InlineData(5, 0, 1)]
    [InlineData(5, 6, 0)]
    [InlineData(5, -1, 0)]
    public void Binomial_matches_pascal(int n, int k, long expected) => Assert.Equal(new BigInteger(expected), IntegerMath.Binomial(n, k));

    [Fact]
    public void Binomial_satisfies_the_pascal_recurrence()
    {
        for (int n = 1; n <= 40; n++)
            for (int k = 1; k < n; k++)
                Assert.Equal(IntegerMath.Binomial(n - 1, k - 1) + IntegerMath.Binomial(n - 1, k), IntegerMath.Binomial(n, k));
    }

    [Theory]
    [InlineData(72, 6, 2)]
    [InlineData(16, 4, 1)]
    [InlineData(13, 1, 13)]
    [InlineData(0, 0, 1)]
    public void Squarefree_split(long n, long outside, long radicand)
    {
        var (a, k) = IntegerMath.SquarefreeSplit(n);
        Assert.Equal(new BigInteger(outside), a);
        Assert.Equal(new BigInteger(radicand), k);
    }
}
