using NetClaims.Training;

namespace NetClaims.Tests.Training;

public sealed class TeacherStudentTests
{
    [Fact]
    public void Special_values_by_hand()
    {
        // docs/zlc24.md §5 b: θ = 0 → ‖u‖²/2; θ = π/2 → ‖u‖‖v‖/(2π); θ = π → 0.
        Assert.InRange(TeacherStudent.Kappa([3, 0], [3, 0]) - 4.5, -1e-12, 1e-12);
        Assert.InRange(TeacherStudent.Kappa([2, 0], [0, 3]) - 6 / (2 * Math.PI), -1e-12, 1e-12);
        Assert.InRange(TeacherStudent.Kappa([1, 0], [-5, 0]), -1e-12, 1e-12);
        var g = new double[2];
        TeacherStudent.AddGradKappa([3, 4], [3, 4], 1, g);
        Assert.InRange(g[0] - 1.5, -1e-12, 1e-12); // ∇_uκ(u, u) = u/2
        Assert.InRange(g[1] - 2.0, -1e-12, 1e-12);
    }

    [Fact]
    public void The_population_gradient_matches_central_differences()
    {
        var rng = new Random(3);
        var w = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 4).Select(_ => rng.NextDouble() - 0.5).ToArray()).ToArray();
        var v = TeacherStudent.OrthonormalTeachers(4, 2);
        var g = TeacherStudent.Gradient(w, v);
        for (int j = 0; j < 3; j++)
            for (int i = 0; i < 4; i++)
            {
                var up = w.Select(r => (double[])r.Clone()).ToArray(); up[j][i] += 1e-6;
                var dn = w.Select(r => (double[])r.Clone()).ToArray(); dn[j][i] -= 1e-6;
                double fd = (TeacherStudent.Loss(up, v) - TeacherStudent.Loss(dn, v)) / 2e-6;
                Assert.InRange(fd - g[j][i], -1e-7, 1e-7);
            }
    }

    [Fact]
    public void The_loss_vanishes_at_the_teachers_and_matches_monte_carlo()
    {
        var v = TeacherStudent.OrthonormalTeachers(3, 2);
        Assert.InRange(TeacherStudent.Loss(v, v), -1e-15, 1e-15);
        // ½E(f − f*)² for f = σ(⟨w,x⟩), f* = σ(x₁) + σ(x₂) by direct sampling (independent path), 5 standard errors.
        double[] w = [0.3, -0.4, 0.8];
        var rng = new Random(5);
        int n = 400_000;
        double s = 0, s2 = 0;
        for (int k = 0; k < n; k++)
        {
            double x0 = NetClaims.Statistics.Sampling.Gaussian(rng), x1 = NetClaims.Statistics.Sampling.Gaussian(rng), x2 = NetClaims.Statistics.Sampling.Gaussian(rng);
            double f = Math.Max(0, w[0] * x0 + w[1] * x1 + w[2] * x2), fs = Math.Max(0, x0) + Math.Max(0, x1);
            double t = 0.5 * (f - fs) * (f - fs);
            s += t; s2 += t * t;
        }
        double mean = s / n, se = Math.Sqrt((s2 / n - mean * mean) / n);
        Assert.InRange(TeacherStudent.Loss([w], v) - mean, -5 * se, 5 * se);
    }
}
