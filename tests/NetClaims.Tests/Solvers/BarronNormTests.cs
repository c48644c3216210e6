using NetClaims.Solvers;

namespace NetClaims.Tests.Solvers;

/// <summary>The Barron norm on data: values known by hand, the certificate, and Maurey sampling's path norm and variance.</summary>
public sealed class BarronNormTests
{
    static readonly double[][] Line = [[-1], [-0.5], [0.5], [1]];

    [Fact]
    public void A_single_unit_ReLU_has_norm_one_on_data_that_reaches_it_at_the_box_corner()
    {
        // f = σ(x) with ‖(1, 0)‖₁ = 1: at x = 1, f = 1 ≤ Σ|c_j|·‖w_j‖₁·‖(x, 1)‖_∞ = Σ|c_j| forces Σ|c_j| ≥ 1 (Hölder).
        var r = BarronNorm.OnData(Line, [0, 0, 0.5, 1]);
        Assert.Equal("OPTIMAL", r.Status);
        Assert.Equal(1.0, r.Norm, 9);
        Assert.Equal(1.0, r.LowerBound, 6);
        Assert.All(Line.Select((x, i) => (x, i)), t => Assert.Equal(new double[] { 0, 0, 0.5, 1 }[t.i], r.Evaluate(t.x), 9));
    }

    [Fact]
    public void The_zero_function_has_norm_zero_and_samples_to_zero()
    {
        var r = BarronNorm.OnData(Line, [0, 0, 0, 0]);
        Assert.Equal(0.0, r.Norm, 12);
        var (w, a) = MaureySampling.Sample(r, 5, 1);
        Assert.Equal(5, w.Length);
        Assert.All(a, v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void Sampled_nets_carry_the_norm_as_path_norm_and_their_mean_error_is_the_variance_over_m()
    {
        double[][] x = [[-1, 0.2], [0.3, -0.7], [0.9, 0.9], [-0.4, -0.1], [0.1, 0.5], [0.7, -0.2]];
        double[] f = x.Select(p => Math.Max(0, p[0] - p[1] + 0.1) - 0.5 * Math.Max(0, p[1] + 0.3)).ToArray();
        var r = BarronNorm.OnData(x, f);
        Assert.True(r.Gap < 1e-6, $"gap {r.Gap}");
        var (w, a) = MaureySampling.Sample(r, 64, 3);
        Assert.Equal(r.Norm, w.Select((wk, j) => Math.Abs(a[j]) * wk.Sum(Math.Abs)).Sum(), 9);
        // E‖f − f_m‖² = V/m on the data: 4000 draws put the mean within 5% of it (standard error ≈ √(2/4000) ≈ 2% for a χ²-like spread).
        double v = MaureySampling.Variance(r, x);
        double mean = Enumerable.Range(0, 4000).Select(k =>
        {
            var (wk, ak) = MaureySampling.Sample(r, 16, 100 + k);
            return x.Select((p, i) => { double g = wk.Select((u, j) => ak[j] * BarronNorm.Relu(u, p)).Sum(); return (f[i] - g) * (f[i] - g); }).Average();
        }).Average();
        Assert.InRange(mean / (v / 16), 0.95, 1.05);
    }

    [Fact]
    public void Rays_are_unit_l1_and_distinct()
    {
        var rays = BarronNorm.Rays(Line);
        Assert.All(rays, w => Assert.Equal(1.0, w.Sum(Math.Abs), 12));
        Assert.Equal(rays.Length, rays.Select(w => string.Join(",", w.Select(v => v.ToString("F9")))).Distinct().Count());
        // d = 1: the lines ⟨w, (x_i, 1)⟩ = 0 and w_k = 0 in R², each giving two rays; x = ±1 and the axes are distinct.
        Assert.Equal(2 * (Line.Length + 2), rays.Length);
    }
}
