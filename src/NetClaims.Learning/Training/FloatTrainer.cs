using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetClaims.Training;

/// <summary>
/// The float32 SIMD trainer of the two-layer net (<see cref="TwoLayerFloat"/>): the same options, minibatch order,
/// update rules and loss reporting as the float64 reference <see cref="CpuTrainer"/>, in float32 throughout (parameters,
/// gradients and Adam moments). Deterministic given the seed and independent of the number of cores. Cancellation stops
/// after the current epoch and returns the partial run (<see cref="TrainResult.Stopped"/>).
/// </summary>
public static class FloatTrainer
{
    /// <summary>The device name this trainer reports.</summary>
    public const string DeviceName = "cpu-f32";

    /// <summary>Trains <paramref name="arch"/> from <paramref name="theta0"/> on <paramref name="data"/>.</summary>
    public static TrainResult Train(TwoLayer arch, double[] theta0, Dataset data, TrainOptions options, IProgress<EpochProgress>? progress = null, CancellationToken cancel = default)
    {
        options.Validate();
        if (theta0.Length != arch.ParameterCount) throw new ArgumentException($"θ has {theta0.Length} entries, the architecture {arch.ParameterCount}");
        if (data.D != arch.D) throw new ArgumentException($"data has d={data.D}, the architecture d={arch.D}");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var net = TwoLayerFloat.From(arch, theta0);
        var x = Array.ConvertAll(data.X, v => (float)v);
        var y = Array.ConvertAll(data.Y, v => (float)v);
        var grad = net.NewGradient();
        var state = new AdamState(net);
        // A batch that holds every row is full-batch training whatever the optimiser (the shuffle cannot change the gradient).
        bool full = options.Optimizer == OptimizerKind.Gd || options.BatchSize >= data.N;
        var (losses, stopped) = FloatEpochs.Run(data.N, options, full,
            (order, start, count) => net.Loss(x, y, order is null ? ReadOnlySpan<int>.Empty : order.AsSpan(start, count), grad),
            (lr, lambda, t) => state.Step(net, grad, options, lr, lambda, t),
            () => net.Loss(x, y, ReadOnlySpan<int>.Empty, null), progress, cancel);
        return new TrainResult(net.ToTheta(), losses, losses.Length, clock.Elapsed.TotalSeconds, DeviceName) { Stopped = stopped };
    }

    // Adam moments and the update of CpuTrainer.Step, in float32 over the padded layout (decay on Wᵀ and a, never b, c).
    sealed class AdamState(TwoLayerFloat net)
    {
        readonly float[] mW = new float[net.WT.Length], vW = new float[net.WT.Length], mB = new float[net.Stride], vB = new float[net.Stride],
            mA = new float[net.Stride], vA = new float[net.Stride];
        double mC, vC;

        public void Step(TwoLayerFloat p, FloatGradient g, TrainOptions o, double lr, double lambda, long t)
        {
            const double b1 = 0.9, b2 = 0.999;
            float c1 = (float)(1 - Math.Pow(b1, t)), c2 = (float)(1 - Math.Pow(b2, t));
            FloatOptimizer.Update(p.WT, g.WT, mW, vW, o, (float)lr, (float)lambda, c1, c2);
            FloatOptimizer.Update(p.B, g.B, mB, vB, o, (float)lr, 0, c1, c2);
            FloatOptimizer.Update(p.A, g.A, mA, vA, o, (float)lr, (float)lambda, c1, c2);
            Span<float> c = [p.C], gc = [(float)g.C], mc = [(float)mC], vc = [(float)vC];
            FloatOptimizer.Update(c, gc, mc, vc, o, (float)lr, 0, c1, c2);
            p.C = c[0]; mC = mc[0]; vC = vc[0];
        }
    }
}

/// <summary>
/// The epochs of the float32 trainers: the reference trainer's schedule (learning-rate milestones, decay switched off
/// from an epoch, minibatch shuffles from the seed, the loss over all rows after each epoch, early stop, divergence as an
/// <see cref="ArithmeticException"/>), stopping after the current epoch on cancellation with the partial run.
/// </summary>
internal static class FloatEpochs
{
    /// <param name="n">Rows of the data.</param>
    /// <param name="full">Full-batch: one step per epoch over every row in data order.</param>
    /// <param name="pass">Computes the gradient of the mean loss over rows start…start+count of the order (null: all rows in data order) at the current parameters and returns that loss.</param>
    /// <param name="update">The optimiser step (learning rate, decay, step count).</param>
    /// <param name="fullLoss">The mean loss over all rows at the current parameters.</param>
    /// <returns>The loss after each epoch and whether training was stopped by cancellation.</returns>
    public static (double[] Losses, bool Stopped) Run(int n, TrainOptions options, bool full, Func<int[]?, int, int, double> pass, Action<double, double, long> update,
        Func<double> fullLoss, IProgress<EpochProgress>? progress, CancellationToken cancel)
    {
        var order = Enumerable.Range(0, n).ToArray();
        var rng = new Random(options.Seed);
        var losses = new List<double>();
        bool stopped = false;
        long step = 0;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            if (cancel.IsCancellationRequested) { stopped = true; break; }
            double lr = options.RateAt(epoch), lambda = epoch >= options.DecayOffFrom ? 0 : options.WeightDecay;
            if (full)
            {
                // The gradient pass also gives the loss at the current parameters, which is the previous epoch's loss.
                double before = pass(null, 0, n);
                if (epoch > 0 && Record(before, epoch - 1)) break;
                update(lr, lambda, ++step);
                continue;
            }
            int batch = Math.Min(options.BatchSize, n);
            CpuTrainer.Shuffle(order, rng);
            for (int start = 0; start < n; start += batch)
            {
                pass(order, start, Math.Min(batch, n - start));
                update(lr, lambda, ++step);
            }
            if (Record(fullLoss(), epoch)) break;
        }
        if (full && losses.Count < step) Record(fullLoss(), (int)step - 1);
        if (losses.Count == 0) throw new OperationCanceledException("training was stopped before the first epoch finished", cancel);
        return (losses.ToArray(), stopped);

        // Records the loss after epoch (0-based); true when training should stop there (target loss reached).
        bool Record(double loss, int epoch)
        {
            if (!double.IsFinite(loss)) throw new ArithmeticException($"training diverged: the loss is {loss} after epoch {epoch + 1} (learning rate {options.RateAt(epoch)})");
            losses.Add(loss);
            progress?.Report(new EpochProgress(epoch + 1, options.Epochs, loss));
            return loss <= options.StopAtLoss;
        }
    }
}

/// <summary>The optimiser update of <see cref="CpuTrainer.Step"/> in float32, shared by the float32 trainers.</summary>
internal static class FloatOptimizer
{
    public static void Update(Span<float> theta, Span<float> grad, Span<float> m, Span<float> v, TrainOptions o, float lr, float lambda, float c1, float c2)
    {
        const float b1 = 0.9f, b2 = 0.999f, eps = 1e-8f;
        if (lambda > 0)
        {
            if (o.Decoupled) TensorPrimitives.Multiply(theta, 1 - lr * lambda, theta);
            else TensorPrimitives.FusedMultiplyAdd(theta, lambda, grad, grad);
        }
        if (o.Optimizer != OptimizerKind.Adam)
        {
            TensorPrimitives.FusedMultiplyAdd(grad, -lr, theta, theta);
            return;
        }
        // One fused pass, vectorised; the same operations in the same order as the scalar tail (no contraction to FMA),
        // so a parameter's update does not depend on whether it falls in a vector or in the tail.
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var vb1 = Vector512.Create(b1); var vb1c = Vector512.Create(1 - b1); var vb2 = Vector512.Create(b2); var vb2c = Vector512.Create(1 - b2);
            var vlr = Vector512.Create(lr); var vc1 = Vector512.Create(c1); var vc2 = Vector512.Create(c2); var veps = Vector512.Create(eps);
            ref float tr = ref MemoryMarshal.GetReference(theta);
            ref float gr = ref MemoryMarshal.GetReference(grad);
            ref float mr = ref MemoryMarshal.GetReference(m);
            ref float vr = ref MemoryMarshal.GetReference(v);
            for (; i + 16 <= theta.Length; i += 16)
            {
                var g = Vector512.LoadUnsafe(ref gr, (nuint)i);
                var mi = vb1 * Vector512.LoadUnsafe(ref mr, (nuint)i) + vb1c * g;
                var vi = vb2 * Vector512.LoadUnsafe(ref vr, (nuint)i) + vb2c * g * g;
                mi.StoreUnsafe(ref mr, (nuint)i);
                vi.StoreUnsafe(ref vr, (nuint)i);
                (Vector512.LoadUnsafe(ref tr, (nuint)i) - vlr * (mi / vc1) / (Vector512.Sqrt(vi / vc2) + veps)).StoreUnsafe(ref tr, (nuint)i);
            }
        }
        for (; i < theta.Length; i++)
        {
            float gi = grad[i];
            m[i] = b1 * m[i] + (1 - b1) * gi;
            v[i] = b2 * v[i] + (1 - b2) * gi * gi;
            theta[i] -= lr * (m[i] / c1) / (MathF.Sqrt(v[i] / c2) + eps);
        }
    }
}
