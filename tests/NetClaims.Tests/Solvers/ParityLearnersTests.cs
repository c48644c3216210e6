using NetClaims.Cube;
using NetClaims.Solvers;

namespace NetClaims.Tests.Solvers;

/// <summary>The ridge and kernel baselines beside the VP.</summary>
public sealed class ParityLearnersTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    public void On_the_whole_cube_the_best_ridge_is_the_sawtooth_at_cost_two_d_minus_one_root_d(int d)
    {
        // Reference: Theorem 3's ridge value 2(d − 1)√d (slopes ±1 between the d + 1 levels, d − 1 changes of 2).
        var all = Enumerable.Range(0, 1 << d).Select(x => (ulong)x).ToArray();
        var (cost, _, g) = ParityLearners.BestRidge(d, all, all.Select(Parity.Sign).ToArray());
        Assert.True(Math.Abs(cost - 2 * (d - 1) * Math.Sqrt(d)) <= 1e-9, $"cost {cost}");
        for (int x = 0; x < g.Length; x++) Assert.True(Math.Abs(g[x] - Parity.Sign((ulong)x)) <= 1e-12);
    }

    [Fact]
    public void The_ridge_interpolates_its_samples_and_costs_at_least_the_VP()
    {
        var (x, y) = VpSolver.ParitySamples(8, 40, 11);
        var (cost, _, g) = ParityLearners.BestRidge(8, x, y);
        for (int i = 0; i < x.Length; i++) Assert.True(Math.Abs(g[x[i]] - y[i]) <= 1e-12);
        // The ridge interpolant is one sign direction's network: the VP over sign directions can only be cheaper.
        Assert.True(VpSolver.Solve(8, x, y).Cost <= cost * (1 + 1e-6));
    }

    [Fact]
    public void The_kernel_interpolates_its_samples_and_has_unit_diagonal()
    {
        Assert.True(Math.Abs(ParityLearners.ArcCosine(9, 5, 5) - 1) <= 1e-12);
        var (x, y) = VpSolver.ParitySamples(9, 60, 12);
        var g = ParityLearners.Kernel(9, x, y);
        for (int i = 0; i < x.Length; i++) Assert.True(Math.Abs(g[x[i]] - y[i]) <= 1e-6, $"g(x_{i}) = {g[x[i]]}");
    }

    [Fact]
    public void Scores_of_chi_itself_are_perfect()
    {
        var chi = Enumerable.Range(0, 64).Select(x => (double)Parity.Sign((ulong)x)).ToArray();
        var s = LearnerScore.Of("chi", chi, 0);
        Assert.Equal(1, s.Correlation, 12);
        Assert.Equal(0, s.ClippedError, 12);
        Assert.Equal(0, s.SignError, 12);
    }

    [Fact]
    public void The_trained_learner_fits_its_samples_and_is_deterministic()
    {
        var (x, y) = VpSolver.ParitySamples(6, 20, 13);
        var a = NetClaims.Training.ParityTraining.TrainOnSamples(6, x, y, 32, VpLearningCurve.LearnerOptions(13));
        var b = NetClaims.Training.ParityTraining.TrainOnSamples(6, x, y, 32, VpLearningCurve.LearnerOptions(13));
        Assert.Equal(a.OnCube, b.OnCube);
        double mse = x.Select((p, i) => Math.Pow(a.OnCube[p] - y[i], 2)).Average();
        Assert.True(mse <= 1e-2, $"training MSE on the samples {mse}");
        Assert.True(a.Cost > 0 && double.IsFinite(a.Cost));
    }
}
