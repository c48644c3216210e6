using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;

using NetClaims.Training;

namespace NetClaims.Benchmarks;

/// <summary>
/// <c>--train-epoch [D M N]</c>: one full-batch Adam epoch of the two-layer net (default d = 16, m = 1024, n = 65536) with
/// the float32 trainer, the float64 reference trainer and PyTorch (peers/train_epoch_torch.py, when <c>import torch</c>
/// works) in the same run; GFLOP/s counted as 4·n·m·d per epoch, and the machine's float32 FMA roof measured here.
/// </summary>
internal static class TrainEpoch
{
    const int Repeats = 5;

    public static int Run(int d, int m, int n, TrainDevice? accelerator = null)
    {
        var rng = new Random(1);
        var x = Enumerable.Range(0, n * d).Select(_ => (double)(float)(2 * rng.NextDouble() - 1)).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => (double)(float)rng.NextDouble()).ToArray();
        var data = new Dataset(n, d, x, y);
        var arch = new TwoLayer(d, m);
        var theta = arch.Initialize(1);
        double flop = 4.0 * n * m * d;
        const int Epochs = 10;
        var options = new TrainOptions { Optimizer = OptimizerKind.Adam, Epochs = Epochs, BatchSize = n, LearningRate = 1e-3 };
        Console.WriteLine($"one full-batch Adam epoch, d = {d}, m = {m}, n = {n} ({flop / 1e9:F2} GFLOP counted as 4·n·m·d); {Environment.ProcessorCount} cores; median of {Repeats}");
        // Adam with batch = n is one step per epoch, as PyTorch's full-batch loop. The float32 trainer's epoch is a tenth of
        // a 10-epoch run: it includes the Adam update, the gradient reduction over chunks, and (amortised) the conversion
        // of the data to float32 and the closing loss pass. The passes alone are timed too.
        double f32 = Median(() => FloatTrainer.Train(arch, theta, data, options)) / Epochs;
        var fast = TwoLayerFloat.From(arch, theta);
        var (xf, yf, g) = (Array.ConvertAll(x, v => (float)v), Array.ConvertAll(y, v => (float)v), fast.NewGradient());
        double pass = Median(() => fast.LossAndGradient(xf, yf, g));
        var grad = new double[theta.Length];
        double f64 = Median(() => arch.Loss(theta, data, ReadOnlySpan<int>.Empty, grad), repeats: 1);
        double roof = FmaRoof();
        Row("float32 trainer (epoch)", f32, flop, roof);
        Row("float32 forward+backward pass", pass, flop, roof);
        Row("float64 reference forward+backward pass", f64, flop, roof);
        if (accelerator is { } device)
        {
            // The ILGPU trainer on CUDA (or its CPU accelerator, the stand-in without a GPU): a 3-epoch run, per epoch.
            int repeats = device == TrainDevice.Cuda ? Repeats : 1;
            double ilgpu = Median(() => IlgpuTrainer.Train(arch, theta, data, options with { Epochs = 3 }, device), repeats) / 3;
            Row($"ILGPU trainer on {device} (epoch)", ilgpu, flop, roof);
        }
        Console.WriteLine($"float32 FMA roof of this machine (Vector512 FMAs on {Environment.ProcessorCount} threads, best of 3, measured now): {roof:F1} GFLOP/s");
        var peer = Peers.Run("train_epoch_torch.py", $"{d} {m} {n} {Repeats} {Environment.ProcessorCount}");
        if (peer is null)
        {
            Console.WriteLine("PyTorch peer: not run (needs python3 with PyTorch: apt-get install python3-torch)");
            return 0;
        }
        var parts = peer.Trim().Split(' ');
        double torch = double.Parse(parts[1], CultureInfo.InvariantCulture);
        Row($"PyTorch {parts[3]} CPU, {parts[5]} threads (epoch)", torch, flop, roof);
        Console.WriteLine($"ratio PyTorch / float32 trainer: {torch / f32:F1}× per epoch; PyTorch epoch / float64 reference pass: {torch / f64:F1}×");
        return 0;
    }

    static void Row(string what, double seconds, double flop, double roof) =>
        Console.WriteLine($"  {what,-44} {seconds * 1e3,9:F1} ms  {flop / seconds / 1e9,6:F1} GFLOP/s  ({100 * flop / seconds / 1e9 / roof:F0}% of the roof)");

    static double Median(Action run, int repeats = Repeats)
    {
        run();
        var times = new double[repeats];
        for (int i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            run();
            times[i] = clock.Elapsed.TotalSeconds;
        }
        Array.Sort(times);
        return times[repeats / 2];
    }

    static double FmaRoof() => Enumerable.Range(0, 3).Max(_ => FmaRoofOnce());

    // Twelve independent FMA chains per thread (enough to cover the FMA latency on two pipes), all cores.
    static double FmaRoofOnce()
    {
        const long Iterations = 25_000_000;
        int threads = Environment.ProcessorCount;
        var sink = new float[threads];
        var clock = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var m = Vector512.Create(0.999999f);
            var a = Vector512.Create(1e-7f);
            Vector512<float> c0 = Vector512.Create(1f), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
            for (long i = 0; i < Iterations; i++)
            {
                c0 = Vector512.FusedMultiplyAdd(c0, m, a); c1 = Vector512.FusedMultiplyAdd(c1, m, a); c2 = Vector512.FusedMultiplyAdd(c2, m, a);
                c3 = Vector512.FusedMultiplyAdd(c3, m, a); c4 = Vector512.FusedMultiplyAdd(c4, m, a); c5 = Vector512.FusedMultiplyAdd(c5, m, a);
                c6 = Vector512.FusedMultiplyAdd(c6, m, a); c7 = Vector512.FusedMultiplyAdd(c7, m, a); c8 = Vector512.FusedMultiplyAdd(c8, m, a);
                c9 = Vector512.FusedMultiplyAdd(c9, m, a); c10 = Vector512.FusedMultiplyAdd(c10, m, a); c11 = Vector512.FusedMultiplyAdd(c11, m, a);
            }
            sink[t] = Vector512.Sum(c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11);
        });
        double seconds = clock.Elapsed.TotalSeconds;
        if (sink.Any(float.IsNaN)) throw new InvalidOperationException("roof kernel produced NaN");
        return Iterations * 12.0 * 16 * 2 * threads / seconds / 1e9;
    }
}

/// <summary>
/// <c>--pow-epoch [L…]</c>: one Adam epoch (batch 64) of the Parkinson–Ongie–Willett student at the paper's scale
/// (d = 20, width 1000, n = 2048) for each depth L, on the float32 blocked trainer and the float64 reference, and the
/// share of the paper's 60 100-epoch schedule that one hour of this machine buys per student.
/// </summary>
internal static class PowEpoch
{
    const int D = 20, Width = 1000, N = 2048, PaperEpochs = 60_100;

    public static int Run(int[] depths)
    {
        var rng = new Random(1);
        var x = Enumerable.Range(0, N * D).Select(_ => (double)(float)(rng.NextDouble() - 0.5)).ToArray();
        var y = Enumerable.Range(0, N).Select(i => (double)(float)Math.Sin(3 * x[i * D])).ToArray();
        var data = new Dataset(N, D, x, y);
        Console.WriteLine($"one Adam epoch (batch 64) of the POW student, d = {D}, width {Width}, n = {N}; {Environment.ProcessorCount} cores");
        foreach (var depth in depths)
        {
            var arch = new DeepLinearReluArchitecture(D, Width, depth);
            var theta = arch.Initialize(1);
            var options = new TrainOptions { Optimizer = OptimizerKind.Adam, LearningRate = 1e-4, BatchSize = 64, Epochs = 1, WeightDecay = 1e-3 };
            // flops per epoch: forward 2·n·(d·w + (L − 2)·w²), backward twice that (the first layer's input gradient is skipped).
            double flop = 6.0 * N * (D * (double)Width + (depth - 2) * (double)Width * Width) + 2.0 * N * Width;
            DeepFloatTrainer.Train(arch, theta, data, options);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            DeepFloatTrainer.Train(arch, theta, data, options with { Epochs = 2 });
            double f32 = clock.Elapsed.TotalSeconds / 2;
            clock.Restart();
            CpuTrainer.Train(arch, theta, data, options);
            double f64 = clock.Elapsed.TotalSeconds;
            double perHour = 3600 / f32;
            Console.WriteLine($"  L = {depth}: float32 {f32:F2} s per epoch ({flop / f32 / 1e9:F1} GFLOP/s), float64 reference {f64:F2} s ({f64 / f32:F1}×); one hour = {perHour:F0} epochs = {100 * perHour / PaperEpochs:F2}% of the paper's schedule for one student");
        }
        return 0;
    }
}
