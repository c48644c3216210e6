using NetClaims.Cube;

namespace NetClaims.Solvers;

/// <summary>One VP solve on n χ-labelled random vertices, measured on the whole cube.</summary>
/// <param name="Ratio">n/d² as on the grid (n is its rounding).</param>
/// <param name="LowerBound">Σλy/(1 + largest violation found): the VP over the exact dictionary and the searched directions is ≥ it.</param>
/// <param name="Certified">Optimal over the exactly priced dictionary (violation ≤ 1e-6, duality gap ≤ 1e-6).</param>
/// <param name="FaceLo">Smallest E[ĝχ] over the final master's optimal face (NaN when the range LP failed).</param>
/// <param name="FaceHi">Largest E[ĝχ] over that face.</param>
/// <param name="RidgeClippedError">The clipped error of the best ridge interpolant of the same samples (<see cref="ParityLearners.BestRidge"/>).</param>
/// <param name="RidgeCost">Its R-norm cost (≥ the VP's).</param>
/// <param name="KernelClippedError">The clipped error of ridgeless arc-cosine kernel regression on the same samples.</param>
/// <param name="TrainedClippedError">The clipped error of a width-64 two-layer net trained on the same samples with weight
/// decay (VpLearningCurve.LearnerOptions).</param>
/// <param name="TrainedCost">Its cost C(g) = Σ|a|‖w‖₂.</param>
public sealed record VpCurvePoint(
    int D, int N, double Ratio, int Seed, VpDictionary Dictionary, string ExactDictionary, double Cost, double LowerBound, bool Certified,
    double Correlation, double FaceLo, double FaceHi, double SquaredDistance, double ClippedError, double SignError, int Rounds, double Seconds,
    double RidgeClippedError, double RidgeCost, double KernelClippedError, double TrainedClippedError, double TrainedCost);

/// <summary>
/// The VP's learning curve on parity: for each d, sample sizes n = round(r·d²) on the ratio grid r = 2^{j/2}
/// (j = −8 … 2, i.e. 1/16 … 2), kept where d ≤ n ≤ min(2^{d−1}, cap), each solved at several sample seeds.
/// </summary>
public static class VpLearningCurve
{
    /// <summary>The ratio grid n/d²: 2^{j/2} for j = −8 … 2.</summary>
    public static IReadOnlyList<double> Ratios { get; } = Enumerable.Range(-8, 11).Select(j => Math.Pow(2, j / 2.0)).ToArray();

    /// <summary>The (ratio, n) points of the grid for dimension <paramref name="d"/>, n capped at
    /// min(2^{d−1}, <paramref name="maxN"/>, <see cref="VpSolver.MaxSamples"/>); duplicates of n dropped.</summary>
    public static IReadOnlyList<(double Ratio, int N)> Grid(int d, int maxN)
    {
        long cap = Math.Min(Math.Min(1L << (d - 1), maxN), VpSolver.MaxSamples);
        var points = new List<(double, int)>();
        foreach (var r in Ratios)
        {
            int n = (int)Math.Round(r * d * d);
            if (n < d || n > cap || points.Any(p => p.Item2 == n)) continue;
            points.Add((r, n));
        }
        return points;
    }

    /// <summary>Width of the trained learner.</summary>
    public const int TrainedWidth = 64;

    /// <summary>The trained learner's schedule: full-batch Adam (lr 0.01), coupled weight decay 1e-4, until the training MSE
    /// is ≤ 1e-4 or 3000 epochs; initialisation seed = the sample seed.</summary>
    public static Training.TrainOptions LearnerOptions(int seed) => new()
    {
        Optimizer = Training.OptimizerKind.Adam, LearningRate = 0.01, BatchSize = int.MaxValue, WeightDecay = 1e-4, Epochs = 3000, StopAtLoss = 1e-4, Seed = seed,
    };

    /// <summary>Solves the VP on <see cref="VpSolver.ParitySamples"/>(d, n, seed), measures it on the cube, and scores the
    /// best ridge interpolant and the kernel baseline on the same samples.</summary>
    public static VpCurvePoint Measure(int d, int n, double ratio, int seed, VpDictionary dictionary, CancellationToken cancel = default)
    {
        var (x, y) = VpSolver.ParitySamples(d, n, seed);
        var vp = VpSolver.Solve(d, x, y, dictionary: dictionary, faceRange: true, cancel: cancel);
        if (vp.Status is not ("OPTIMAL" or "ROUND_LIMIT"))
            throw new InvalidOperationException($"the VP master at d={d}, n={n}, seed {seed} ended {vp.Status}");
        var cube = VpOnCube.Of(vp);
        var (lo, hi) = vp.CorrelationRange ?? (double.NaN, double.NaN);
        var ridge = ParityLearners.BestRidge(d, x, y);
        var kernel = LearnerScore.Of("kernel", ParityLearners.Kernel(d, x, y), double.NaN);
        var trained = Training.ParityTraining.TrainOnSamples(d, x, y, TrainedWidth, LearnerOptions(seed));
        return new VpCurvePoint(d, n, ratio, seed, dictionary, vp.ExactDictionary, vp.Cost, vp.LowerBound, vp.Certified(),
            cube.Correlation, lo, hi, cube.SquaredDistance, cube.ClippedError, cube.SignError, vp.Rounds, vp.Seconds,
            LearnerScore.Of("ridge", ridge.OnCube, ridge.Cost).ClippedError, ridge.Cost, kernel.ClippedError,
            LearnerScore.Of("trained", trained.OnCube, trained.Cost).ClippedError, trained.Cost);
    }
}
