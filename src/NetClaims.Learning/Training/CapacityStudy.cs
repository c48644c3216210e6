using NetClaims.Networks;
using NetClaims.Norms;
using NetClaims.Statistics;

namespace NetClaims.Training;

/// <summary>One trained net of the study: its hyperparameters, train and test MSE, and its capacity measures.</summary>
public sealed record StudyNet(int Width, double WeightDecay, double LearningRate, int N, double Noise, double TrainMse, double TestMse, CapacityMeasures Measures, DenseTwoLayerRelu Net)
{
    /// <summary>Generalisation gap: test MSE − train MSE.</summary>
    public double Gap => TestMse - TrainMse;
}

/// <summary>
/// A family of two-layer ReLU nets trained on a regression teacher (docs/jnm20.md §6 transplanted to our setting: the
/// paper's nets are CNNs on images, ours are two-layer nets on a synthetic teacher, so the τ values are an observation,
/// not a replication). Teacher: a random 4-unit two-layer ReLU net on d = 5, inputs U[−1, 1]^5, Gaussian label noise.
/// Grid: width × weight decay × learning rate × n × noise; Adam, batch 32; gap = test MSE − train MSE (test: 1000 clean
/// points with the same noise level, so the gap includes overfitting of the noise).
/// </summary>
public static class CapacityStudy
{
    /// <summary>Input dimension of the study.</summary>
    public const int D = PathNormRate.D;

    /// <summary>The hyperparameter grid: every combination is one trained net.</summary>
    /// <param name="Widths">Hidden widths.</param>
    /// <param name="WeightDecays">Weight decays.</param>
    /// <param name="LearningRates">Learning rates.</param>
    /// <param name="Ns">Training set sizes.</param>
    /// <param name="Noises">Label noise levels.</param>
    /// <param name="Epochs">Epochs per net.</param>
    public sealed record Grid(int[] Widths, double[] WeightDecays, double[] LearningRates, int[] Ns, double[] Noises, int Epochs)
    {
        /// <summary>Number of nets the grid trains.</summary>
        public int Count => Widths.Length * WeightDecays.Length * LearningRates.Length * Ns.Length * Noises.Length;

        /// <summary>108 nets, a few seconds: the CI size.</summary>
        public static Grid Fast { get; } = new([8, 32, 128], [0, 1e-3], [3e-3, 1e-2], [32, 64, 128], [0, 0.25, 0.5], 200);

        /// <summary>405 nets: <c>netclaims study capacity --grid full</c>.</summary>
        public static Grid Full { get; } = new([8, 16, 32, 64, 128], [0, 1e-4, 1e-3], [1e-3, 3e-3, 1e-2], [32, 64, 128], [0, 0.25, 0.5], 200);
    }

    /// <summary>Trains every net of the grid (seeded) and measures it.</summary>
    public static IReadOnlyList<StudyNet> Run(Grid grid, int seed, IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        var teacher = PathNormRate.Teacher(seed);
        var nets = new List<StudyNet>();
        int index = 0;
        foreach (var width in grid.Widths)
            foreach (var wd in grid.WeightDecays)
                foreach (var lr in grid.LearningRates)
                    foreach (var n in grid.Ns)
                        foreach (var noise in grid.Noises)
                        {
                            cancel.ThrowIfCancellationRequested();
                            var rng = new Random(seed * 7919 + index);
                            var (xtr, ytr) = PathNormRate.Sample(rng, teacher, n, noise);
                            var (xte, yte) = PathNormRate.Sample(rng, teacher, 1000, noise);
                            var arch = new TwoLayer(D, width);
                            var theta0 = arch.Initialize(seed + index);
                            var run = FloatTrainer.Train(arch, theta0, Dataset.Of(xtr, ytr), new TrainOptions
                            {
                                Optimizer = OptimizerKind.Adam, LearningRate = lr, BatchSize = 32, Epochs = grid.Epochs, WeightDecay = wd, Seed = seed + index,
                            });
                            var net = arch.ToNetwork(run.Theta);
                            double test = xte.Select((p, i) => Math.Pow(net.Evaluate(p) - yte[i], 2)).Average();
                            nets.Add(new StudyNet(width, wd, lr, n, noise, run.FinalLoss, test, CapacityMeasures.Of(net, arch.ToNetwork(theta0), xtr, ytr), net));
                            progress?.Report(++index);
                        }
        return nets;
    }

    /// <summary>Kendall τ-b of each measure with the generalisation gap, in the order of <see cref="MeasureNames"/>.</summary>
    public static double[] Taus(IReadOnlyList<StudyNet> nets)
    {
        var gap = nets.Select(n => n.Gap).ToArray();
        return Measures.Select(m => Kendall.TauB(nets.Select(n => m(n.Measures)).ToArray(), gap)).ToArray();
    }

    /// <summary>The capacity measures, in report order.</summary>
    public static readonly string[] MeasureNames = ["log_prod_frobenius", "distance_to_init", "spectral", "fisher_rao", "path_norm"];

    static readonly Func<CapacityMeasures, double>[] Measures =
        [m => m.LogProdFrobenius, m => m.DistanceToInit, m => m.SpectralComplexity, m => m.FisherRao, m => m.PathNorm];
}
