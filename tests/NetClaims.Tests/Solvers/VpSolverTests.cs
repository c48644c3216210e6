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
        Assert.True(Close(r.Cost, FullDictionaryLp(d, x, y, ternary: false)), $"column generation {r.Cost} vs the full LP");
        for (int i = 0; i < n; i++) Assert.True(Math.Abs(r.Evaluate(x[i]) - y[i]) <= 1e-6, $"ĝ(x_{i}) = {r.Evaluate(x[i])}, y = {y[i]}");
        Assert.True(Close(r.Cost, r.Neurons.Sum(nu => nu.Norm * Math.Abs(nu.U))));
    }

    [Fact]
    public void A_master_that_GLOP_does_not_solve_is_re_solved_with_CLP_and_still_certified()
    {
        // GLOP once ended ABNORMAL (and once stalled) on a degenerate master; the hook makes it fail here every round.
        var (x, y) = VpSolver.ParitySamples(8, 31, 351439);
        var lines = new List<string>();
        VpSolver.FailGlopForTests.Value = true;
        try
        {
            var r = VpSolver.Solve(8, x, y, log: lines.Add);
            Assert.Contains(lines, l => l.Contains("re-solving the same master with CLP"));
            Assert.True(r.Certified(), $"{r.Status}, violation {r.MaxDualViolation}, gap {r.DualityGap}");
            Assert.True(Close(r.Cost, FullDictionaryLp(8, x, y, ternary: false)));
        }
        finally { VpSolver.FailGlopForTests.Value = false; }
    }

    [Theory]
    [InlineData(5, 8, 1)]
    [InlineData(5, 14, 2)]
    [InlineData(6, 12, 3)]
    [InlineData(6, 24, 4)]
    public void The_ternary_dictionary_matches_its_full_LP_and_never_costs_more_than_sign_directions(int d, int n, int seed)
    {
        // Reference: the LP with every w ∈ {−1,0,1}^d (support ≥ 2) and every lattice bias of its support as columns.
        var (x, y) = VpSolver.ParitySamples(d, n, seed);
        var sign = VpSolver.Solve(d, x, y);
        var ternary = VpSolver.Solve(d, x, y, dictionary: VpDictionary.Ternary);
        Assert.True(ternary.Certified(), $"{ternary.Status}, violation {ternary.MaxDualViolation}, gap {ternary.DualityGap}");
        Assert.True(Close(ternary.Cost, FullDictionaryLp(d, x, y, ternary: true)), $"column generation {ternary.Cost} vs the full ternary LP");
        Assert.True(ternary.Cost <= sign.Cost * (1 + 1e-7));
        Assert.True(Close(ternary.Cost, ternary.Neurons.Sum(nu => nu.Norm * Math.Abs(nu.U))));
        for (int i = 0; i < n; i++) Assert.True(Math.Abs(ternary.Evaluate(x[i]) - y[i]) <= 1e-6);
    }

    [Fact]
    public void The_continuous_search_lowers_the_cost_below_the_ternary_dictionary_and_bounds_its_own_gap()
    {
        // d = 8, n = 32, seed 1 (measured: sign 6.909, ternary 6.180, search 5.794). Search cost ≤ ternary cost; its
        // lower bound Σλy/(1 + violation) is ≤ its cost; the solution interpolates.
        var (x, y) = VpSolver.ParitySamples(8, 32, 1);
        var ternary = VpSolver.Solve(8, x, y, dictionary: VpDictionary.Ternary);
        var search = VpSolver.Solve(8, x, y, dictionary: VpDictionary.Search);
        Assert.True(search.Cost < ternary.Cost * (1 - 1e-3), $"search {search.Cost} vs ternary {ternary.Cost}");
        Assert.True(search.LowerBound <= search.Cost * (1 + 1e-9));
        Assert.True(search.SearchedViolation <= 1e-3, $"searched violation {search.SearchedViolation} at the final duals");
        Assert.True(search.MaxDualViolation <= 1e-6);
        for (int i = 0; i < x.Length; i++) Assert.True(Math.Abs(search.Evaluate(x[i]) - y[i]) <= 1e-6);
        Assert.True(Close(search.Cost, search.Neurons.Sum(nu => nu.Norm * Math.Abs(nu.U))));
    }

    [Fact]
    public void The_correlation_range_over_the_optimal_face_holds_the_returned_solution()
    {
        // d = 8, n = 23 (seed 1): the sign-dictionary optimum is not unique (measured range [0.19, 0.30]).
        var (x, y) = VpSolver.ParitySamples(8, 23, 1);
        var r = VpSolver.Solve(8, x, y, faceRange: true);
        var (lo, hi) = r.CorrelationRange!.Value;
        double corr = VpOnCube.Of(r).Correlation;
        Assert.True(lo <= corr + 1e-6 && corr <= hi + 1e-6, $"E[ĝχ] = {corr} outside [{lo}, {hi}]");
        Assert.True(hi - lo > 1e-3, $"expected a non-trivial face here, got [{lo}, {hi}]");
    }

    [Theory]
    [InlineData(6, 0b101101UL, 0)]
    [InlineData(7, 0b0UL, 3)]
    [InlineData(7, 0b1111111UL, -3)]
    public void The_closed_form_correlation_of_a_sign_neuron_with_parity_matches_the_cube_sum(int d, ulong signs, int b)
    {
        ulong full = (1UL << d) - 1;
        var col = VpColumn.Lattice(d, full, signs, b);
        double sum = 0;
        for (ulong x = 0; x <= full; x++) sum += Parity.Sign(x) * col.Activation(x);
        Assert.True(Math.Abs(VpSolver.ParityCorrelation(d, col) - sum / (1 << d)) <= 1e-12);
        Assert.True(Math.Abs(VpSolver.ParityCorrelation(d, VpColumn.Lattice(d, full & ~1UL, signs, b))) <= 0, "a neuron missing a coordinate is uncorrelated with χ");
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

    // The same LP with every lattice neuron as a column: sign directions (2^d·(d−1) pairs) or every w ∈ {−1,0,1}^d with
    // support ≥ 2 and its support's lattice biases. Small d only.
    static double FullDictionaryLp(int d, ulong[] x, int[] y, bool ternary)
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
        // w as a vector of −1/0/+1 entries, enumerated in base 3.
        int count = ternary ? (int)Math.Pow(3, d) : 1 << d;
        for (int code = 0; code < count; code++)
        {
            var w = new int[d];
            for (int i = 0, rest = code; i < d; i++)
                if (ternary) { w[i] = rest % 3 - 1; rest /= 3; }
                else w[i] = (code >> i & 1) == 0 ? 1 : -1;
            int k = w.Count(v => v != 0);
            if (k < 2) continue;
            for (int b = -k + 2; b <= k - 2; b += 2)
            {
                var p = s.MakeNumVar(0, double.PositiveInfinity, "");
                var q = s.MakeNumVar(0, double.PositiveInfinity, "");
                obj.SetCoefficient(p, Math.Sqrt(k));
                obj.SetCoefficient(q, Math.Sqrt(k));
                for (int i = 0; i < x.Length; i++)
                {
                    int t = -b;
                    for (int j = 0; j < d; j++) t += w[j] * Vertex.Coordinate(x[i], j);
                    if (t > 0) { rows[i].SetCoefficient(p, t); rows[i].SetCoefficient(q, -t); }
                }
            }
        }
        Assert.Equal(Solver.ResultStatus.OPTIMAL, s.Solve());
        return obj.Value();
    }
}
