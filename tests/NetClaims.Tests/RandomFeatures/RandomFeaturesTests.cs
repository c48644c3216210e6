using NetClaims.Cube;
using NetClaims.RandomFeatures;

namespace NetClaims.Tests.RandomFeatures;

public sealed class CosineIdentityTests
{
    [Theory]
    // THEOREMS.md §2.1 c [NUM]: ω₀ = 3.7, φ = 0.4, LHS values to 9 digits (trapezoid with 4e5 nodes in the digest).
    [InlineData(-2.0, 0.753902254)]
    [InlineData(-1.3, -0.297801641)]
    [InlineData(0.0, 0.921060994)]
    [InlineData(0.77, -0.994237374)]
    [InlineData(2.0, 0.053955421)]
    public void Matches_the_digest(double u, double expected) =>
        Assert.InRange(CosineIdentity.RightHandSide(3.7, 0.4, u), expected - 1e-9, expected + 1e-9);

    [Fact]
    public void Outside_its_range_the_identity_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CosineIdentity.RightHandSide(1, 0, 2.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => CosineIdentity.RightHandSide(0, 0, 0));
    }
}

public sealed class SphereDataTests
{
    [Fact]
    public void Points_are_unit_separated_and_the_kernel_is_near_identity()
    {
        var data = SphereData.Sample(20, 8, 0.3, 5);
        for (int i = 0; i < data.N; i++) Assert.InRange(data.X.Row(i).L2Norm(), 1 - 1e-12, 1 + 1e-12);
        Assert.True(data.Theta >= 0.3);
        // σ² = 2c ln n/θ² with c = 2: every off-diagonal entry ≤ n^{−2} (hand derivation: exp(−σ²θ²/2) = n^{−c}).
        var k = data.Kernel(data.Bandwidth(2));
        Assert.InRange(k[0, 0], 1 - 1e-12, 1 + 1e-12);
        Assert.True(data.KernelDeviation(data.Bandwidth(2)) <= 19.0 / 400 * (1 + 1e-9));
    }

    [Fact]
    public void An_impossible_packing_is_refused_with_a_message()
    {
        var e = Assert.Throws<SizeRefusedException>(() => SphereData.Sample(50, 2, 1.5, 1, maxAttempts: 2000));
        Assert.Contains("could not place", e.Message);
    }
}
