using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace NetClaims.Training;

/// <summary>
/// The ILGPU kernels of the two-layer trainer (float32, the <see cref="TwoLayer"/> layout θ = [W, b, a, c]). No atomics:
/// each gradient entry is summed by one thread in row order, so a run is deterministic on every accelerator.
/// </summary>
public static class TwoLayerKernels
{
    /// <summary>e_j = f(x_{batch[j]}) − y_{batch[j]} for the j-th row of the batch.</summary>
    public static void Residuals(Index1D j, ArrayView<float> x, ArrayView<float> y, ArrayView<float> theta, ArrayView<int> batch, ArrayView<float> residual, int d, int m)
    {
        int i = batch[j];
        int b0 = m * d, a0 = b0 + m;
        float f = theta[a0 + m];
        for (int k = 0; k < m; k++)
        {
            float z = theta[b0 + k];
            for (int t = 0; t < d; t++) z += theta[k * d + t] * x[i * d + t];
            if (z > 0) f += theta[a0 + k] * z;
        }
        residual[j] = f - y[i];
    }

    /// <summary>
    /// Thread (k, c), k ≤ m, c &lt; chunks: unit k's share of the gradient (its W row, b_k, a_k; k = m: ∂c) over the c-th
    /// contiguous chunk of the batch's rows, written to partial[c·p + ·] (p parameters). MSE over <paramref name="rows"/> rows.
    /// Every chunk is summed in row order by one thread, so no atomics are needed and the result does not depend on the
    /// scheduling; <see cref="Reduce"/> adds the chunks in chunk order.
    /// </summary>
    public static void GradientPartial(Index2D kc, ArrayView<float> x, ArrayView<float> theta, ArrayView<int> batch, ArrayView<float> residual, ArrayView<float> partial,
        int d, int m, int rows, int chunks)
    {
        int k = kc.X, c = kc.Y;
        int b0 = m * d, a0 = b0 + m, p = a0 + m + 1, baseIndex = c * p;
        int first = (int)((long)rows * c / chunks), last = (int)((long)rows * (c + 1) / chunks);
        float scale = 2.0f / rows;
        if (k == m)
        {
            float gc = 0;
            for (int j = first; j < last; j++) gc += scale * residual[j];
            partial[baseIndex + a0 + m] = gc;
            return;
        }
        for (int t = 0; t < d; t++) partial[baseIndex + k * d + t] = 0;
        float gb = 0, ga = 0, a = theta[a0 + k];
        for (int j = first; j < last; j++)
        {
            int i = batch[j];
            float z = theta[b0 + k];
            for (int t = 0; t < d; t++) z += theta[k * d + t] * x[i * d + t];
            if (z <= 0) continue;
            float g = scale * residual[j];
            ga += g * z;
            gb += g * a;
            for (int t = 0; t < d; t++) partial[baseIndex + k * d + t] += g * a * x[i * d + t];
        }
        partial[baseIndex + b0 + k] = gb;
        partial[baseIndex + a0 + k] = ga;
    }

    /// <summary>grad[i] = Σ_c partial[c·p + i], in chunk order (p = grad's length).</summary>
    public static void Reduce(Index1D i, ArrayView<float> partial, ArrayView<float> grad, int p, int chunks)
    {
        float sum = 0;
        for (int c = 0; c < chunks; c++) sum += partial[c * p + i];
        grad[i] = sum;
    }

    /// <summary>Chunks of a batch of the given rows: about 64 rows each, at most 64 (enough threads for a GPU at width ≥ 1024).</summary>
    public static int Chunks(int rows) => Math.Clamp(rows / 64, 1, 64);

    /// <summary>One optimiser update per parameter (the arithmetic of <see cref="CpuTrainer.Step"/>, in float32). adam: 1 for Adam, 0 for GD/SGD.</summary>
    public static void Update(Index1D i, ArrayView<float> theta, ArrayView<float> grad, ArrayView<float> m1, ArrayView<float> m2, ArrayView<int> decayed,
        float lr, float lambda, int decoupled, int adam, float c1, float c2)
    {
        float g = grad[i];
        if (decayed[i] != 0 && lambda > 0)
        {
            if (decoupled != 0) theta[i] -= lr * lambda * theta[i];
            else g += lambda * theta[i];
        }
        if (adam != 0)
        {
            m1[i] = 0.9f * m1[i] + 0.1f * g;
            m2[i] = 0.999f * m2[i] + 0.001f * g * g;
            theta[i] -= lr * (m1[i] / c1) / (XMath.Sqrt(m2[i] / c2) + 1e-8f);
        }
        else theta[i] -= lr * g;
    }

    /// <summary>The kernels by name, for PTX generation.</summary>
    public static readonly string[] Names = [nameof(Residuals), nameof(GradientPartial), nameof(Reduce), nameof(Update)];

    /// <summary>
    /// The PTX text a kernel compiles to (sm_75, ISA 7.0), generated without a GPU: kept as golden files so a change in
    /// the kernels or the compiler is seen in review even on the CPU-only CI.
    /// </summary>
    public static string Ptx(string kernel)
    {
        var method = typeof(TwoLayerKernels).GetMethod(kernel) ?? throw new ArgumentException($"no kernel '{kernel}'");
        using var ctx = Context.Create(b => b.CPU(CPUDeviceKind.Nvidia).EnableAlgorithms().Optimize(OptimizationLevel.O2));
        using var ptx = new PTXBackend(ctx, CudaArchitecture.SM_75, CudaInstructionSet.ISA_70, nvvmAPI: null!);
        var desc = EntryPointDescription.FromImplicitlyGroupedKernel(method);
        return ((PTXCompiledKernel)ptx.Compile(desc, KernelSpecialization.Empty)).PTXAssembly;
    }
}

/// <summary>
/// The ILGPU trainer for <see cref="TwoLayer"/> nets: the same options as <see cref="CpuTrainer"/> (GD, SGD, Adam,
/// decay, LR steps, shuffling from the same seed), float32 on the device. Runs on CUDA when asked and present, on
/// ILGPU's CPU accelerator otherwise; asking for CUDA without a GPU is a one-line <see cref="DeviceUnavailableException"/>.
/// </summary>
public static class IlgpuTrainer
{
    public static bool CudaAvailable()
    {
        using var ctx = Context.Create(b => b.Cuda());
        return ctx.GetCudaDevices().Count > 0;
    }

    /// <summary>Resolves <see cref="TrainDevice.Auto"/>: CUDA when a GPU is present, the float32 SIMD CPU trainer otherwise.</summary>
    public static TrainDevice Resolve(TrainDevice device) => AcceleratedTrainers.Resolve(device);

    public static TrainResult Train(TwoLayer arch, double[] theta0, Dataset data, TrainOptions options, TrainDevice device, IProgress<EpochProgress>? progress = null, CancellationToken cancel = default)
    {
        options.Validate();
        if (device is not (TrainDevice.IlgpuCpu or TrainDevice.Cuda)) throw new ArgumentException($"the ILGPU trainer runs on ilgpu-cpu or cuda, not {device}");
        if (theta0.Length != arch.ParameterCount || data.D != arch.D) throw new ArgumentException("parameters or data do not match the architecture");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var ctx = Context.Create(b => b.CPU(CPUDeviceKind.Nvidia).Cuda().EnableAlgorithms().Optimize(OptimizationLevel.O2));
        Accelerator acc;
        if (device == TrainDevice.Cuda)
        {
            var gpus = ctx.GetCudaDevices();
            if (gpus.Count == 0) throw new DeviceUnavailableException("--device cuda: no CUDA device is present on this machine (use --device auto, cpu or ilgpu-cpu)");
            acc = gpus[0].CreateAccelerator(ctx);
        }
        else acc = ctx.GetCPUDevice(0).CreateAccelerator(ctx);
        using var _ = acc;
        int n = data.N, d = arch.D, m = arch.Width, p = arch.ParameterCount;
        using var x = acc.Allocate1D(data.X.Select(v => (float)v).ToArray());
        using var y = acc.Allocate1D(data.Y.Select(v => (float)v).ToArray());
        using var theta = acc.Allocate1D(theta0.Select(v => (float)v).ToArray());
        using var grad = acc.Allocate1D<float>(p);
        using var m1 = acc.Allocate1D<float>(p);
        using var m2 = acc.Allocate1D<float>(p);
        m1.MemSetToZero(); m2.MemSetToZero();
        using var decayed = acc.Allocate1D(arch.Decayed.Select(b => b ? 1 : 0).ToArray());
        using var residual = acc.Allocate1D<float>(n);
        using var partial = acc.Allocate1D<float>((long)TwoLayerKernels.Chunks(n) * p);
        using var batchBuf = acc.Allocate1D<int>(n);
        var residuals = acc.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<float>, int, int>(TwoLayerKernels.Residuals);
        var gradient = acc.LoadAutoGroupedStreamKernel<Index2D, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<float>, int, int, int, int>(TwoLayerKernels.GradientPartial);
        var reduce = acc.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, int, int>(TwoLayerKernels.Reduce);
        var update = acc.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<int>, float, float, int, int, float, float>(TwoLayerKernels.Update);
        var order = Enumerable.Range(0, n).ToArray();
        var all = (int[])order.Clone();
        var rng = new Random(options.Seed);
        var losses = new List<double>();
        var host = new float[n];
        long step = 0;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            cancel.ThrowIfCancellationRequested();
            double lr = options.RateAt(epoch), lambda = epoch >= options.DecayOffFrom ? 0 : options.WeightDecay;
            int batch = options.Optimizer == OptimizerKind.Gd ? n : Math.Min(options.BatchSize, n);
            if (options.Optimizer != OptimizerKind.Gd) CpuTrainer.Shuffle(order, rng); // same seed, same minibatches as the CPU trainer
            for (int start = 0; start < n; start += batch)
            {
                int rows = Math.Min(batch, n - start);
                batchBuf.View.SubView(0, rows).CopyFromCPU(order.AsSpan(start, rows).ToArray());
                residuals(rows, x.View, y.View, theta.View, batchBuf.View, residual.View, d, m);
                int chunks = TwoLayerKernels.Chunks(rows);
                gradient(new Index2D(m + 1, chunks), x.View, theta.View, batchBuf.View, residual.View, partial.View, d, m, rows, chunks);
                reduce(p, partial.View, grad.View, p, chunks);
                step++;
                float c1 = (float)(1 - Math.Pow(0.9, step)), c2 = (float)(1 - Math.Pow(0.999, step));
                update(p, theta.View, grad.View, m1.View, m2.View, decayed.View, (float)lr, (float)lambda, options.Decoupled ? 1 : 0, options.Optimizer == OptimizerKind.Adam ? 1 : 0, c1, c2);
            }
            batchBuf.CopyFromCPU(all);
            residuals(n, x.View, y.View, theta.View, batchBuf.View, residual.View, d, m);
            acc.Synchronize();
            residual.CopyToCPU(host);
            double loss = host.Sum(e => (double)e * e) / n;
            if (!double.IsFinite(loss)) throw new ArithmeticException($"training diverged: the loss is {loss} after epoch {epoch + 1} (learning rate {lr})");
            losses.Add(loss);
            progress?.Report(new EpochProgress(epoch + 1, options.Epochs, loss));
            if (loss <= options.StopAtLoss) break;
        }
        var result = theta.GetAsArray1D().Select(v => (double)v).ToArray();
        return new TrainResult(result, losses.ToArray(), losses.Count, clock.Elapsed.TotalSeconds, device == TrainDevice.Cuda ? $"cuda ({acc.Name})" : "ilgpu-cpu");
    }
}

/// <summary>The ILGPU trainer as NetClaims.Learning finds it (by name, only when a run asks for an accelerator).</summary>
public sealed class IlgpuTrainerBackend : IAcceleratedTrainer
{
    public bool CudaAvailable() => IlgpuTrainer.CudaAvailable();

    public TrainResult Train(TwoLayer arch, double[] theta0, Dataset data, TrainOptions options, TrainDevice device, IProgress<EpochProgress>? progress, CancellationToken cancel) =>
        IlgpuTrainer.Train(arch, theta0, data, options, device, progress, cancel);
}
