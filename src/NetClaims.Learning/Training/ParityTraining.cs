using NetClaims.Cube;
using NetClaims.Norms;

namespace NetClaims.Training;

/// <summary>What a parity training run produced and what Theorem 6 says about it.</summary>
public sealed record ParityRun(int D, int Width, double WeightDecay, int Epochs, double FinalLoss, double DistanceToParity, double Cost,
    double Correlation, double Rho, double Theorem6Bound, double Seconds, string Device, double[] Theta)
{
    /// <summary>Theorem 6 applies: ‖g − χ‖₂ ≤ 1/2.</summary>
    public bool Close => DistanceToParity <= 0.5;

    /// <summary>The untrained network's mean squared error on the cube (the yardstick of divergence).</summary>
    public double InitialLoss { get; init; }

    /// <summary>Training was stopped (Ctrl-C) before its last epoch: the numbers are those of the partial run.</summary>
    public bool Stopped { get; init; }

    /// <summary>Training diverged: the loss is not finite, or grew by more than two orders of magnitude.</summary>
    public bool Diverged => !double.IsFinite(FinalLoss) || !double.IsFinite(Cost) || FinalLoss > 100 * InitialLoss;
}

/// <summary>
/// Two-layer nets trained on the full parity χ over all 2^d vertices of {±1}^d (so the training MSE is exactly ‖g − χ‖₂²
/// under the uniform measure), then measured: C(g) = Σ|a|‖w‖₂, E[gχ], and the Theorem 6 bound (1 − ‖g − χ‖₂)/ρ_d
/// (docs/ahs23.md §1.6, [DER+NUM]).
/// </summary>
public static class ParityTraining
{
    /// <summary>The largest d trained on the whole cube.</summary>
    public const int MaxD = 14;

    /// <summary>All 2^d vertices with parity labels.</summary>
    public static Dataset Cube(int d)
    {
        if (d < 2 || d > MaxD) throw new SizeRefusedException($"parity training uses all 2^d vertices: need 2 ≤ d ≤ {MaxD}, got d={d}");
        int n = 1 << d;
        var x = new double[n * d];
        var y = new double[n];
        for (int v = 0; v < n; v++)
        {
            for (int i = 0; i < d; i++) x[v * d + i] = Vertex.Coordinate((ulong)v, i);
            y[v] = Parity.Sign((ulong)v);
        }
        return new Dataset(n, d, x, y);
    }

    /// <summary>Trains a two-layer net on the whole cube and measures ‖g − χ‖₂, C(g), E[gχ] and the Theorem 6 bound.</summary>
    public static ParityRun Train(int d, int width, TrainOptions options, TrainDevice device = TrainDevice.Cpu, IProgress<EpochProgress>? progress = null, CancellationToken cancel = default)
    {
        if (width < 1 || width > 1 << 24) throw new SizeRefusedException($"width must be in [1, 2^24], got {width}");
        if (d < 2 || d > MaxD) Cube(d);
        MemoryBudget.Require(AcceleratedTrainers.Resolve(device) == TrainDevice.CpuFloat64
            ? MemoryBudget.Reference(new TwoLayer(d, width).ParameterCount, d, 1L << d)
            : MemoryBudget.FloatTwoLayer(d, width, 1L << d), $"training width {width} at d = {d}");
        var data = Cube(d);
        var arch = new TwoLayer(d, width);
        var theta0 = arch.Initialize(options.Seed);
        var run = Run(arch, theta0, data, options, device, progress, cancel);
        // Divergence is judged against the untrained network's loss (the first epoch may already have blown up).
        var start = arch.ToNetwork(theta0);
        double initial = Enumerable.Range(0, data.N).Average(v => Math.Pow(start.Evaluate(data.Row(v)) - data.Y[v], 2));
        return Measure(arch, data, options, run) with { InitialLoss = initial, Stopped = run.Stopped };
    }

    /// <summary>Trains a two-layer net on the given device (<see cref="TrainDevice.Auto"/> resolved first).</summary>
    public static TrainResult Run(TwoLayer arch, double[] theta0, Dataset data, TrainOptions options, TrainDevice device, IProgress<EpochProgress>? progress = null, CancellationToken cancel = default) =>
        AcceleratedTrainers.Resolve(device) switch
        {
            TrainDevice.Cpu => FloatTrainer.Train(arch, theta0, data, options, progress, cancel),
            TrainDevice.CpuFloat64 => CpuTrainer.Train(arch, theta0, data, options, progress, cancel),
            var other => AcceleratedTrainers.Require(other).Train(arch, theta0, data, options, other, progress, cancel),
        };

    // The trained net over the same cube it was trained on: ‖g − χ‖₂, E[gχ], C(g) and the Theorem 6 bound.
    static ParityRun Measure(TwoLayer arch, Dataset data, TrainOptions options, TrainResult run)
    {
        int d = arch.D, width = arch.Width;
        var net = arch.ToNetwork(run.Theta);
        double sq = 0, corr = 0;
        for (int v = 0; v < data.N; v++)
        {
            double g = net.Evaluate(data.Row(v));
            sq += (g - data.Y[v]) * (g - data.Y[v]);
            corr += g * data.Y[v];
        }
        double dist = Math.Sqrt(sq / data.N), rho = NeuronCorrelation.Rho(new Dimension(d)).ToDouble();
        return new ParityRun(d, width, options.WeightDecay, run.Epochs, run.FinalLoss, dist, net.Cost, corr / data.N, rho, (1 - dist) / rho, run.Seconds, run.Device, run.Theta);
    }

    /// <summary>
    /// A two-layer net trained on n labelled vertices only (not the cube), then evaluated on every vertex: the trained
    /// learner beside the VP on the same samples. Returns its values on the cube and its cost C(g) = Σ|a|‖w‖₂.
    /// </summary>
    public static (double[] OnCube, double Cost, double FinalLoss) TrainOnSamples(int d, IReadOnlyList<ulong> points, IReadOnlyList<int> labels, int width, TrainOptions options)
    {
        if (d < 2 || d > 20) throw new SizeRefusedException($"training on samples evaluates 2^d vertices: need 2 ≤ d ≤ 20, got d={d}");
        if (width < 1 || width > 65_536) throw new SizeRefusedException($"width must be in [1, 65536], got {width}");
        if (points.Count != labels.Count || points.Count == 0) throw new ArgumentException("need as many labels as points, and at least one");
        var x = new double[points.Count * d];
        for (int i = 0; i < points.Count; i++)
            for (int k = 0; k < d; k++) x[i * d + k] = Vertex.Coordinate(points[i], k);
        var data = new Dataset(points.Count, d, x, labels.Select(v => (double)v).ToArray());
        var arch = new TwoLayer(d, width);
        var run = FloatTrainer.Train(arch, arch.Initialize(options.Seed), data, options);
        var net = arch.ToNetwork(run.Theta);
        var g = new double[1 << d];
        Parallel.For(0, g.Length, v => g[v] = net.Evaluate(Vertex.ToVector((ulong)v, new Dimension(d))));
        return (g, net.Cost, run.FinalLoss);
    }
}
