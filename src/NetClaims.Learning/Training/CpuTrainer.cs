namespace NetClaims.Training;

/// <summary>The optimiser of a training run.</summary>
public enum OptimizerKind
{
    /// <summary>Full-batch gradient descent.</summary>
    Gd,

    /// <summary>Minibatch stochastic gradient descent.</summary>
    Sgd,

    /// <summary>Adam (β₁ = 0.9, β₂ = 0.999, ε = 1e-8) on minibatches.</summary>
    Adam,
}

/// <summary>
/// How to train: optimiser (full-batch GD, minibatch SGD, Adam with β = (0.9, 0.999), ε = 1e-8), learning rate with
/// steps (×<see cref="LrGamma"/> at each milestone epoch), weight decay λ on the weight matrices — coupled (λθ added to
/// the gradient, PyTorch's weight_decay) or decoupled (θ ← θ − lr·λ·θ, AdamW) — optionally switched off from epoch
/// <see cref="DecayOffFrom"/>. An epoch is one pass over the data (one step for GD).
/// </summary>
public sealed record TrainOptions
{
    /// <summary>The optimiser.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Gd;
    /// <summary>The initial learning rate.</summary>
    public double LearningRate { get; init; } = 0.01;
    /// <summary>Number of epochs.</summary>
    public int Epochs { get; init; } = 100;
    /// <summary>Minibatch size (SGD and Adam).</summary>
    public int BatchSize { get; init; } = 64;
    /// <summary>Weight decay λ on the decayed parameters.</summary>
    public double WeightDecay { get; init; }
    /// <summary>Decoupled (AdamW-style) instead of coupled (gradient += λθ) decay.</summary>
    public bool Decoupled { get; init; }
    /// <summary>Epochs at which the learning rate is multiplied by LrGamma.</summary>
    public int[] LrMilestones { get; init; } = [];
    /// <summary>The learning-rate factor at each milestone.</summary>
    public double LrGamma { get; init; } = 0.1;
    /// <summary>The epoch from which weight decay is switched off.</summary>
    public int DecayOffFrom { get; init; } = int.MaxValue;
    /// <summary>Seed of initialisation and minibatch order.</summary>
    public int Seed { get; init; } = 1;
    /// <summary>Stop early once the training loss (without the penalty) is at most this.</summary>
    public double StopAtLoss { get; init; } = double.NegativeInfinity;

    /// <summary>Throws on options that cannot train (non-positive rate, epochs or batch, negative decay).</summary>
    public void Validate()
    {
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new ArgumentOutOfRangeException(nameof(LearningRate), $"learning rate must be positive and finite, got {LearningRate}");
        if (Epochs < 1 || Epochs > 10_000_000) throw new ArgumentOutOfRangeException(nameof(Epochs), $"epochs must be in [1, 1e7], got {Epochs}");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), "batch size must be ≥ 1");
        if (!(WeightDecay >= 0) || !double.IsFinite(WeightDecay)) throw new ArgumentOutOfRangeException(nameof(WeightDecay), $"weight decay must be ≥ 0 and finite, got {WeightDecay}");
    }

    /// <summary>The learning rate at an epoch.</summary>
    public double RateAt(int epoch) => LearningRate * Math.Pow(LrGamma, LrMilestones.Count(m => epoch >= m));
}

/// <summary>One training run: final parameters, the loss after each epoch, and timing.</summary>
public sealed record TrainResult(double[] Theta, double[] Losses, int Epochs, double Seconds, string Device)
{
    /// <summary>True when training was stopped (cancelled) before its last epoch: the result is the partial run.</summary>
    public bool Stopped { get; init; }

    /// <summary>The last epoch's loss.</summary>
    public double FinalLoss => Losses[^1];
}

/// <summary>An epoch report for progress output.</summary>
public readonly record struct EpochProgress(int Epoch, int Epochs, double Loss);

/// <summary>The CPU reference trainer (managed, SIMD through TensorPrimitives inside the architectures).</summary>
public static class CpuTrainer
{
    /// <summary>The device name this trainer reports.</summary>
    public const string DeviceName = "cpu-f64";

    /// <summary>Trains arch from theta0 on data (float64 reference trainer); reports progress per epoch and stops on cancellation.</summary>
    public static TrainResult Train(IArchitecture arch, double[] theta0, Dataset data, TrainOptions options, IProgress<EpochProgress>? progress = null, CancellationToken cancel = default)
    {
        options.Validate();
        if (theta0.Length != arch.ParameterCount) throw new ArgumentException($"θ has {theta0.Length} entries, the architecture {arch.ParameterCount}");
        if (data.D != arch.D) throw new ArgumentException($"data has d={data.D}, the architecture d={arch.D}");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var theta = (double[])theta0.Clone();
        var decayed = arch.Decayed;
        var grad = new double[theta.Length];
        var m = new double[theta.Length];
        var v = new double[theta.Length];
        var order = Enumerable.Range(0, data.N).ToArray();
        var rng = new Random(options.Seed);
        var losses = new List<double>();
        long step = 0;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            cancel.ThrowIfCancellationRequested();
            double lr = options.RateAt(epoch), lambda = epoch >= options.DecayOffFrom ? 0 : options.WeightDecay;
            int batch = options.Optimizer == OptimizerKind.Gd ? data.N : Math.Min(options.BatchSize, data.N);
            if (options.Optimizer != OptimizerKind.Gd) Shuffle(order, rng);
            for (int start = 0; start < data.N; start += batch)
            {
                var idx = options.Optimizer == OptimizerKind.Gd ? ReadOnlySpan<int>.Empty : order.AsSpan(start, Math.Min(batch, data.N - start));
                Array.Clear(grad);
                arch.Loss(theta, data, idx, grad);
                Step(theta, grad, m, v, decayed, options, lr, lambda, ++step);
            }
            double loss = arch.Loss(theta, data, ReadOnlySpan<int>.Empty, Span<double>.Empty);
            if (!double.IsFinite(loss)) throw new ArithmeticException($"training diverged: the loss is {loss} after epoch {epoch + 1} (learning rate {lr})");
            losses.Add(loss);
            progress?.Report(new EpochProgress(epoch + 1, options.Epochs, loss));
            if (loss <= options.StopAtLoss) break;
        }
        return new TrainResult(theta, losses.ToArray(), losses.Count, clock.Elapsed.TotalSeconds, DeviceName);
    }

    /// <summary>One optimiser update (shared by the trainers so their arithmetic is the same).</summary>
    public static void Step(double[] theta, double[] grad, double[] m, double[] v, bool[] decayed, TrainOptions o, double lr, double lambda, long t)
    {
        const double b1 = 0.9, b2 = 0.999, eps = 1e-8;
        double c1 = 1 - Math.Pow(b1, t), c2 = 1 - Math.Pow(b2, t);
        for (int i = 0; i < theta.Length; i++)
        {
            double g = grad[i];
            if (decayed[i] && lambda > 0)
            {
                if (o.Decoupled) theta[i] -= lr * lambda * theta[i];
                else g += lambda * theta[i];
            }
            if (o.Optimizer == OptimizerKind.Adam)
            {
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                theta[i] -= lr * (m[i] / c1) / (Math.Sqrt(v[i] / c2) + eps);
            }
            else theta[i] -= lr * g;
        }
    }

    internal static void Shuffle(int[] a, Random rng)
    {
        for (int i = a.Length - 1; i > 0; i--) { int j = rng.Next(i + 1); (a[i], a[j]) = (a[j], a[i]); }
    }
}
