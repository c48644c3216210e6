using Google.OrTools.LinearSolver;
using NetClaims.Cube;
using NetClaims.Norms;
using NetClaims.Solvers;

namespace NetClaims.Tests.Solvers;

public sealed class VpSolverTests
{
    // GLOP's tolerances are ~1e-7 on these scales; 1e-6 relative is what the tests ask.
    static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-6 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(8)]
    public void On_the_whole_cube_the_VP_is_the_minimum_R_norm_one_over_rho(int d)
    {
        // Reference: 1/ρ_d from the closed form of ρ_d (an exact surd), independent of any LP.
        var all = Enumerable.Range(0, 1 << d).Select(x => (ulong)x).ToArray();
        var r = VpSolver.Solve(d, all, all.Select(Parity.Sign).ToArray());
        Assert.True(r.Certified(), $"{r.Status}, violation {r.MaxDualViolation}, gap {r.DualityGap}");
        Assert.True(Close(r.Cost, 1 / NeuronCorrelation.Rho(new Dimension(d)).ToDouble()), $"VP {r.Cost} vs 1/ρ_d");
    }

    [Theory]
    [InlineData(5, 6, 1)]
    [InlineData(5, 12, 2)]
    [InlineData(6, 20, 3)]
    public void On_samples_column_generation_matches_the_LP_over_the_whole_dictionary(int d, int n, int seed)
    {
        var (x, y) = VpSolver.ParitySamples(d, n, seed);
        var r = VpSolver.Solve(d, x, y);
        Assert.True(r.Certified());
        Assert.True(Close(r.Cost, FullDictionaryLp(d, x, y)), $"column generation {r.Cost} vs the full LP");
        for (int i = 0; i < n; i++) Assert.True(Math.Abs(r.Evaluate(x[i]) - y[i]) <= 1e-6, $"ĝ(x_{i}) = {r.Evaluate(x[i])}, y = {y[i]}");
        Assert.True(Close(r.Cost, r.Neurons.Sum(nu => Math.Sqrt(d) * Math.Abs(nu.U))));
    }

    [Fact]
    public void A_master_that_GLOP_ends_abnormally_is_re_solved_with_CLP_and_still_certified()
    {
        // Found by the gate (ahs23.thm7.vp-solution): GLOP ends ABNORMAL on this sample set in round 2.
        var (x, y) = VpSolver.ParitySamples(8, 31, 351439);
        var lines = new List<string>();
        var r = VpSolver.Solve(8, x, y, log: lines.Add);
        Assert.Contains(lines, l => l.Contains("re-solving the same master with CLP"));
        Assert.True(r.Certified(), $"{r.Status}, violation {r.MaxDualViolation}, gap {r.DualityGap}");
        Assert.True(Close(r.Cost, FullDictionaryLp(8, x, y)));
    }

    [Fact]
    public void Every_VP_solution_obeys_the_correlation_bound_of_theorem_6()
    {
        // |E[ĝχ]| ≤ Σ|u|·|E[χσ]| ≤ Σ|u|·‖w‖·ρ_d = C(ĝ)·ρ_d: the affine part is uncorrelated with χ for d ≥ 2.
        foreach (var (d, n) in new[] { (6, 10), (8, 16), (8, 40) })
        {
            var (x, y) = VpSolver.ParitySamples(d, n, 7);
            var r = VpSolver.Solve(d, x, y);
            var cube = VpOnCube.Of(r);
            double bound = r.Cost * NeuronCorrelation.Rho(new Dimension(d)).ToDouble();
            Assert.True(Math.Abs(cube.Correlation) <= bound * (1 + 1e-9) + 1e-12, $"d={d} n={n}: |E[ĝχ]| = {cube.Correlation} > C·ρ = {bound}");
        }
    }

    [Fact]
    public void A_generation_stopped_early_is_not_certified()
    {
        // Planted: one round of column generation leaves violated neurons; the certificate must say so.
        var (x, y) = VpSolver.ParitySamples(8, 40, 3);
        var early = VpSolver.Solve(8, x, y, maxRounds: 1);
        Assert.False(early.Certified());
        Assert.True(early.MaxDualViolation > 1e-3);
        var full = VpSolver.Solve(8, x, y);
        Assert.True(full.Certified());
        Assert.True(full.Cost < early.Cost);
    }

    [Fact]
    public void Bad_input_is_refused_before_any_work()
    {
        Assert.Throws<SizeRefusedException>(() => VpSolver.Solve(30, [0UL], [1]));
        Assert.Throws<ArgumentException>(() => VpSolver.Solve(4, [1UL, 1UL], [1, 1]));
        Assert.Throws<ArgumentException>(() => VpSolver.Solve(4, [1UL], [0]));
        Assert.Throws<ArgumentException>(() => VpSolver.Solve(4, [16UL], [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => VpSolver.ParitySamples(3, 9, 1));
    }

    // The same LP with every sign direction and lattice bias as columns (2^d·(d−1) pairs): small d only.
    static double FullDictionaryLp(int d, ulong[] x, int[] y)
    {
        using var s = Solver.CreateSolver("GLOP")!;
        var rows = y.Select((yi, i) => s.MakeConstraint(yi, yi, $"r{i}")).ToArray();
        var c = s.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, "c");
        foreach (var r in rows) r.SetCoefficient(c, 1);
        for (int k = 0; k < d; k++)
        {
            var v = s.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, $"v{k}");
            for (int i = 0; i < x.Length; i++) rows[i].SetCoefficient(v, Vertex.Coordinate(x[i], k));
        }
        var obj = s.Objective();
        obj.SetMinimization();
        for (ulong w = 0; w < 1UL << d; w++)
            for (int b = -d + 2; b <= d - 2; b += 2)
            {
                var p = s.MakeNumVar(0, double.PositiveInfinity, "");
                var q = s.MakeNumVar(0, double.PositiveInfinity, "");
                obj.SetCoefficient(p, Math.Sqrt(d));
                obj.SetCoefficient(q, Math.Sqrt(d));
                for (int i = 0; i < x.Length; i++)
                {
                    int t = Vertex.SignDot(w, x[i], d) - b;
                    if (t > 0) { rows[i].SetCoefficient(p, t); rows[i].SetCoefficient(q, -t); }
                }
            }
        Assert.Equal(Solver.ResultStatus.OPTIMAL, s.Solve());
        return obj.Value();
    }
}
