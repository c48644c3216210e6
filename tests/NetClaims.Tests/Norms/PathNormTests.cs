using NetClaims.Networks;
using NetClaims.Norms;

namespace NetClaims.Tests.Norms;

/// <summary>
/// Path norms and Jiang et al.'s capacity measures on a net small enough to do by hand: d = 2, two units,
/// W = [[1, −2], [3, 0.5]], b = (0.5, −1), a = (2, −1), c = 0. Every reference value is worked out in the comments.
/// </summary>
public sealed class PathNormTests
{
    static DenseTwoLayerRelu Net(double c = 0) => new([[1, -2], [3, 0.5]], [0.5, -1], [2, -1], c);

    [Fact]
    public void Path_norms_match_the_hand_computation()
    {
        var net = Net();
        // L1 = 2·(1 + 2 + 0.5) + 1·(3 + 0.5 + 1) = 7 + 4.5.
        Assert.Equal(11.5, PathNorm.L1(net), 12);
        // L2 = 2·√(1 + 4 + 0.25) + 1·√(9 + 0.25 + 1).
        Assert.Equal(2 * Math.Sqrt(5.25) + Math.Sqrt(10.25), PathNorm.L2(net), 12);
        // Squared = 4·5.25 + 1·10.25.
        Assert.Equal(31.25, PathNorm.Squared(net), 12);
    }

    [Fact]
    public void Rescaling_moves_weight_between_layers_and_keeps_the_function()
    {
        var net = Net(c: 0.25);
        var r = PathNorm.Rescaled(net, [2, 0.5]);
        Assert.Equal([2.0, -4.0], r.W[0]);
        Assert.Equal([1.5, 0.25], r.W[1]);
        Assert.Equal([1.0, -0.5], r.B);
        Assert.Equal([1.0, -2.0], r.A);
        Assert.Equal(0.25, r.C);
        foreach (var x in new[] { new[] { 1.0, 1.0 }, [-1.0, 0.3], [0.2, -2.0] })
            Assert.Equal(net.Evaluate(x), r.Evaluate(x), 12);
        // Every path norm is invariant: |a/t|·t‖(w, b)‖ for ℓ1 and ℓ2, (a/t)²·t²‖(w, b)‖² for the squared one
        // (after rescaling: 1·(4 + 16 + 1) + 4·(2.25 + 0.0625 + 0.25) = 21 + 10.25, as before).
        Assert.Equal(PathNorm.L1(net), PathNorm.L1(r), 12);
        Assert.Equal(PathNorm.L2(net), PathNorm.L2(r), 12);
        Assert.Equal(PathNorm.Squared(net), PathNorm.Squared(r), 12);
    }

    [Fact]
    public void Capacity_measures_match_the_hand_computation()
    {
        var net = Net();
        var zero = new DenseTwoLayerRelu([[0, 0], [0, 0]], [0, 0], [0, 0]);
        // One data point x = (1, 1), y = 0.5: z = (1 − 2 + 0.5, 3 + 0.5 − 1) = (−0.5, 2.5), so only unit 2 is active:
        // f = −2.5; ⟨w, ∇_w f⟩ = a₂z₂ + a₂⟨w₂, x⟩ = −2.5 − 3.5 = −6; Fisher–Rao = 9·(2·(f − y)·(−6))² = 9·36² = 11664.
        var m = CapacityMeasures.Of(net, zero, [[1, 1]], [0.5]);
        double fro1 = 1 + 4 + 9 + 0.25, fro2 = 4 + 1;
        Assert.Equal(Math.Log(fro1 * fro2), m.LogProdFrobenius, 12);
        Assert.Equal(fro1 + fro2, m.DistanceToInit, 12);
        // ‖W‖₂² is the top eigenvalue of WᵀW = [[10, −0.5], [−0.5, 4.25]]: (14.25 + √(5.75² + 1))/2; ‖a‖₂² = 5.
        double s1 = (14.25 + Math.Sqrt(5.75 * 5.75 + 1)) / 2;
        Assert.Equal(Math.Log(s1 * 5 * (fro1 / s1 + 1)), m.SpectralComplexity, 10);
        Assert.Equal(11664, m.FisherRao, 9);
        Assert.Equal(31.25, m.PathNorm, 12);
        Assert.Equal(Math.Log(2 * s1 * 5), CapacityMeasures.SpectralFloor(net), 10);
        Assert.True(m.SpectralComplexity >= CapacityMeasures.SpectralFloor(net) - Math.Log(2) - 1e-12);
        // Distance to an init that is not zero: ‖W − W₀‖² + ‖a − a₀‖² with W₀ = W, a₀ = a + (1, 1): 0 + 2.
        var shifted = new DenseTwoLayerRelu(net.W, net.B, [3, 0]);
        Assert.Equal(2, CapacityMeasures.Of(net, shifted, [], []).DistanceToInit, 12);
    }

    [Fact]
    public void Fisher_rao_averages_over_the_data_and_is_undefined_without_it()
    {
        var net = Net();
        Assert.True(double.IsNaN(CapacityMeasures.Of(net, net, [], []).FisherRao));
        // Two points: the first as above (11664), the second x = (−1, −1): z = (−1 + 2 + 0.5, −3 − 0.5 − 1) = (1.5, −4.5),
        // f = 3, inner = a₁z₁ + a₁⟨w₁, x⟩ = 3 + 2 = 5, y = 0 → 9·(2·3·5)² = 8100. Mean 9882.
        Assert.Equal((11664 + 8100) / 2.0, CapacityMeasures.Of(net, net, [[1, 1], [-1, -1]], [0.5, 0]).FisherRao, 9);
    }

    [Fact]
    public void Euler_inner_is_twice_the_function_without_biases_and_differs_with_them()
    {
        var free = new DenseTwoLayerRelu([[1, -2], [3, 0.5]], [0, 0], [2, -1]);
        foreach (var x in new[] { new[] { 1.0, 1.0 }, [-1.0, 0.3], [0.2, -2.0], [-3.0, -3.0] })
            Assert.Equal(2 * free.Evaluate(x), CapacityMeasures.EulerInner(free, x), 12);
        // With biases, at x = (1, 1): −6 (above) while 2f = −5.
        Assert.Equal(-6, CapacityMeasures.EulerInner(Net(), [1.0, 1.0]), 12);
    }
}
