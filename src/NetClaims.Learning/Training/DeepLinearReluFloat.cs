using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetClaims.Training;

/// <summary>
/// C (m × n) = A (m × k) · B (k × n) in float32, row-major, m a multiple of 8 and n a multiple of 16: blocks of 8 rows ×
/// 16 columns (one Vector512) accumulate over k, so each B vector loaded feeds 8 fused multiply-adds, and B is read in
/// panels of 128 rows that stay in cache across all row blocks. Row blocks are split over threads; every output block is
/// computed by one thread in k order, so results do not depend on the number of cores.
/// </summary>
internal static class FloatGemm
{
    public const int Rows = 8, Lanes = 16;

    /// <summary>Rows of B per pass: a 128-row panel of a 1000-column B is 512 KB and stays in L2 while every row block uses it.</summary>
    const int Panel = 128;

    /// <param name="threads">false: on the calling thread only (for callers that are themselves one of several parallel chunks).</param>
    public static void Multiply(float[] a, float[] b, float[] c, int m, int k, int n, bool accumulate = false, bool threads = true)
    {
        if (m % Rows != 0 || n % Lanes != 0) throw new ArgumentException($"FloatGemm needs m % 8 = 0 and n % 16 = 0, got m={m}, n={n}");
        int blocks = m / Rows;
        bool parallel = threads && (long)m * n * k >= 1 << 18;
        // Panels of B in k order; each output block is summed by one thread in k order whatever the threads do.
        for (int p0 = 0; p0 < k; p0 += Panel)
        {
            int p1 = Math.Min(k, p0 + Panel);
            bool add = accumulate || p0 > 0;
            if (!parallel) { for (int blk = 0; blk < blocks; blk++) Block(a, b, c, blk * Rows, k, n, p0, p1, add); continue; }
            Parallel.For(0, blocks, blk => Block(a, b, c, blk * Rows, k, n, p0, p1, add));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Block(float[] a, float[] b, float[] c, int r0, int k, int n, int pFrom, int pTo, bool accumulate)
    {
        ref float ar = ref MemoryMarshal.GetArrayDataReference(a);
        ref float br = ref MemoryMarshal.GetArrayDataReference(b);
        ref float cr = ref MemoryMarshal.GetArrayDataReference(c);
        int a0 = r0 * k;
        for (int j = 0; j < n; j += Lanes)
        {
            Vector512<float> c0, c1, c2, c3, c4, c5, c6, c7;
            if (accumulate)
            {
                c0 = Vector512.LoadUnsafe(ref cr, (nuint)(r0 * n + j)); c1 = Vector512.LoadUnsafe(ref cr, (nuint)((r0 + 1) * n + j));
                c2 = Vector512.LoadUnsafe(ref cr, (nuint)((r0 + 2) * n + j)); c3 = Vector512.LoadUnsafe(ref cr, (nuint)((r0 + 3) * n + j));
                c4 = Vector512.LoadUnsafe(ref cr, (nuint)((r0 + 4) * n + j)); c5 = Vector512.LoadUnsafe(ref cr, (nuint)((r0 + 5) * n + j));
                c6 = Vector512.LoadUnsafe(ref cr, (nuint)((r0 + 6) * n + j)); c7 = Vector512.LoadUnsafe(ref cr, (nuint)((r0 + 7) * n + j));
            }
            else c0 = c1 = c2 = c3 = c4 = c5 = c6 = c7 = Vector512<float>.Zero;
            for (int p = pFrom; p < pTo; p++)
            {
                var bv = Vector512.LoadUnsafe(ref br, (nuint)(p * n + j));
                c0 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ar, a0 + p)), bv, c0);
                c1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ar, a0 + k + p)), bv, c1);
                c2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ar, a0 + 2 * k + p)), bv, c2);
                c3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ar, a0 + 3 * k + p)), bv, c3);
                c4 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ar, a0 + 4 * k + p)), bv, c4);
                c5 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ar, a0 + 5 * k + p)), bv, c5);
                c6 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ar, a0 + 6 * k + p)), bv, c6);
                c7 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ar, a0 + 7 * k + p)), bv, c7);
            }
            c0.StoreUnsafe(ref cr, (nuint)(r0 * n + j)); c1.StoreUnsafe(ref cr, (nuint)((r0 + 1) * n + j));
            c2.StoreUnsafe(ref cr, (nuint)((r0 + 2) * n + j)); c3.StoreUnsafe(ref cr, (nuint)((r0 + 3) * n + j));
            c4.StoreUnsafe(ref cr, (nuint)((r0 + 4) * n + j)); c5.StoreUnsafe(ref cr, (nuint)((r0 + 5) * n + j));
            c6.StoreUnsafe(ref cr, (nuint)((r0 + 6) * n + j)); c7.StoreUnsafe(ref cr, (nuint)((r0 + 7) * n + j));
        }
    }

    /// <summary>Writes the transpose of a (rows × cols) into t (cols × rows).</summary>
    public static void Transpose(float[] a, float[] t, int rows, int cols)
    {
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) t[j * rows + i] = a[i * cols + j];
    }
}

/// <summary>
/// The float32 trainer of the Parkinson–Ongie–Willett student (<see cref="DeepLinearReluArchitecture"/>: L − 1 linear
/// layers, the last with a bias, a ReLU and a linear output) on blocked matrix products (<see cref="FloatGemm"/>). Every
/// dimension is padded with zeros to a multiple of 16 (rows of a batch too); padded weights get zero
/// gradients and stay zero. Same options, minibatch order and update rules as <see cref="CpuTrainer"/>, in float32;
/// deterministic given the seed and independent of the number of cores.
/// </summary>
public static class DeepFloatTrainer
{
    /// <summary>The device name this trainer reports.</summary>
    public const string DeviceName = "cpu-f32";

    static int Pad(int x, int to) => (x + to - 1) / to * to;

    sealed class Net
    {
        public readonly int D, Width, Depth, Dp, Wp;
        public readonly float[][] W;
        public readonly float[] B, A;
        public float C;

        public Net(DeepLinearReluArchitecture arch)
        {
            D = arch.D; Width = arch.Width; Depth = arch.Depth; Dp = Pad(D, FloatGemm.Lanes); Wp = Pad(Width, FloatGemm.Lanes);
            W = Enumerable.Range(0, Depth - 1).Select(l => new float[Wp * In(l)]).ToArray();
            B = new float[Wp]; A = new float[Wp];
        }

        public int In(int l) => l == 0 ? Dp : Wp;

        int InReal(int l) => l == 0 ? D : Width;

        // θ = [W₁ (width × d), W₂…W_{L−1} (width × width), b, a, c], as DeepLinearReluArchitecture lays it out.
        public void From(ReadOnlySpan<double> theta)
        {
            int at = 0;
            for (int l = 0; l < Depth - 1; l++)
            {
                int fin = InReal(l), fp = In(l);
                for (int i = 0; i < Width; i++) for (int t = 0; t < fin; t++) W[l][i * fp + t] = (float)theta[at++];
            }
            for (int i = 0; i < Width; i++) B[i] = (float)theta[at++];
            for (int i = 0; i < Width; i++) A[i] = (float)theta[at++];
            C = (float)theta[at];
        }

        public double[] ToTheta(int count)
        {
            var theta = new double[count];
            int at = 0;
            for (int l = 0; l < Depth - 1; l++)
            {
                int fin = InReal(l), fp = In(l);
                for (int i = 0; i < Width; i++) for (int t = 0; t < fin; t++) theta[at++] = W[l][i * fp + t];
            }
            for (int i = 0; i < Width; i++) theta[at++] = B[i];
            for (int i = 0; i < Width; i++) theta[at++] = A[i];
            theta[at] = C;
            return theta;
        }
    }

    sealed class Scratch(Net net, int rows)
    {
        public readonly int Rows = rows;
        // Activations are kept transposed (features × rows), so every product has a weight matrix as it is stored:
        // Hᵀ_{l+1} = W_l·Hᵀ_l, ∂W_l += Gᵀ·H_l, G_l = G_{l+1}·W_l; only activation-sized matrices are ever transposed.
        public readonly float[][] HT = Enumerable.Range(0, net.Depth).Select(l => new float[rows * (l == 0 ? net.Dp : net.Wp)]).ToArray();
        public readonly float[] H = new float[rows * Math.Max(net.Dp, net.Wp)], GT = new float[rows * Math.Max(net.Dp, net.Wp)],
            G = new float[rows * net.Wp], Gprev = new float[rows * Math.Max(net.Dp, net.Wp)], Err = new float[rows];
    }

    // The summed squared error over `count` rows of the batch (indices, or rows start… when null); when g is given, adds
    // the gradient of the mean over those rows into it.
    static double Pass(Net net, float[] x, float[] y, int[]? index, int start, int count, Scratch s, Net? g)
    {
        int rows = Pad(count, FloatGemm.Lanes), dp = net.Dp, wp = net.Wp, d = net.D;
        var h0 = s.HT[0];
        Array.Clear(h0, 0, rows * dp);
        for (int r = 0; r < count; r++)
        {
            int i = index is null ? start + r : index[start + r];
            for (int t = 0; t < d; t++) h0[t * rows + r] = x[i * d + t];
        }
        for (int l = 0; l < net.Depth - 1; l++) FloatGemm.Multiply(net.W[l], s.HT[l], s.HT[l + 1], wp, net.In(l), rows);
        var z = s.HT[net.Depth - 1];
        for (int k = 0; k < wp; k++) TensorPrimitives.Add(z.AsSpan(k * rows, rows), net.B[k], z.AsSpan(k * rows, rows));
        var f = s.Err.AsSpan(0, rows);
        f.Fill(net.C);
        for (int k = 0; k < wp; k++)
        {
            if (net.A[k] == 0) continue;
            var zk = z.AsSpan(k * rows, rows);
            for (int r = 0; r < rows; r++) if (zk[r] > 0) f[r] += net.A[k] * zk[r];
        }
        double loss = 0;
        for (int r = 0; r < rows; r++)
        {
            if (r >= count) { f[r] = 0; continue; }
            int i = index is null ? start + r : index[start + r];
            f[r] -= y[i];
            loss += (double)f[r] * f[r];
        }
        if (g is null) return loss;
        float scale = 2f / count;
        double gc = 0;
        for (int r = 0; r < count; r++) gc += scale * f[r];
        g.C += (float)gc;
        var gt = s.GT;
        for (int k = 0; k < wp; k++)
        {
            var zk = z.AsSpan(k * rows, rows);
            var gk = gt.AsSpan(k * rows, rows);
            float ak = net.A[k], ga = 0, gb = 0;
            for (int r = 0; r < rows; r++)
            {
                float e = scale * f[r];
                bool on = zk[r] > 0;
                gk[r] = on ? e * ak : 0;
                if (on) ga += e * zk[r];
                gb += gk[r];
            }
            g.A[k] += ga;
            g.B[k] += gb;
        }
        for (int l = net.Depth - 2; l >= 0; l--)
        {
            int fin = net.In(l);
            // ∂W_l (w × in) += Gᵀ (w × rows) · H_l (rows × in).
            FloatGemm.Transpose(s.HT[l], s.H, fin, rows);
            FloatGemm.Multiply(gt, s.H, g.W[l], wp, rows, fin, accumulate: true);
            if (l == 0) break;
            // G_l (rows × in) = G_{l+1} (rows × w) · W_l (w × in), kept transposed for the next layer.
            FloatGemm.Transpose(gt, s.G, wp, rows);
            FloatGemm.Multiply(s.G, net.W[l], s.Gprev, rows, wp, fin);
            FloatGemm.Transpose(s.Gprev, gt, rows, fin);
        }
        return loss;
    }

    /// <summary>The MSE over all rows and its gradient in the θ layout (for the agreement tests).</summary>
    internal static (double Loss, double[] Gradient) LossAndGradient(DeepLinearReluArchitecture arch, double[] theta, Dataset data)
    {
        var net = new Net(arch);
        net.From(theta);
        var g = new Net(arch);
        var s = new Scratch(net, Pad(data.N, FloatGemm.Lanes));
        double loss = Pass(net, Array.ConvertAll(data.X, v => (float)v), Array.ConvertAll(data.Y, v => (float)v), null, 0, data.N, s, g);
        return (loss / data.N, g.ToTheta(arch.ParameterCount));
    }

    /// <summary>Trains <paramref name="arch"/> from <paramref name="theta0"/> on <paramref name="data"/> (float32; see the type).</summary>
    public static TrainResult Train(DeepLinearReluArchitecture arch, double[] theta0, Dataset data, TrainOptions options, IProgress<EpochProgress>? progress = null, CancellationToken cancel = default)
    {
        options.Validate();
        if (theta0.Length != arch.ParameterCount) throw new ArgumentException($"θ has {theta0.Length} entries, the architecture {arch.ParameterCount}");
        if (data.D != arch.D) throw new ArgumentException($"data has d={data.D}, the architecture d={arch.D}");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var net = new Net(arch);
        net.From(theta0);
        var g = new Net(arch);
        var m1 = new Net(arch);
        var m2 = new Net(arch);
        var x = Array.ConvertAll(data.X, v => (float)v);
        var y = Array.ConvertAll(data.Y, v => (float)v);
        bool full = options.Optimizer == OptimizerKind.Gd;
        int batch = full ? data.N : Math.Min(options.BatchSize, data.N);
        var s = new Scratch(net, Pad(Math.Max(batch, Math.Min(data.N, 4096)), FloatGemm.Lanes));
        var (losses, stopped) = FloatEpochs.Run(data.N, options, full,
            (order, start, count) => { Clear(g); return Pass(net, x, y, order, start, count, s, g) / count; },
            (lr, lambda, t) => Step(net, g, m1, m2, options, (float)lr, (float)lambda, t),
            () => FullLoss(net, x, y, data.N, s), progress, cancel);
        return new TrainResult(net.ToTheta(arch.ParameterCount), losses, losses.Length, clock.Elapsed.TotalSeconds, DeviceName) { Stopped = stopped };
    }

    static double FullLoss(Net net, float[] x, float[] y, int n, Scratch s)
    {
        double loss = 0;
        int chunk = s.Rows;
        for (int start = 0; start < n; start += chunk) loss += Pass(net, x, y, null, start, Math.Min(chunk, n - start), s, null);
        return loss / n;
    }

    static void Clear(Net g)
    {
        foreach (var w in g.W) Array.Clear(w);
        Array.Clear(g.B); Array.Clear(g.A); g.C = 0;
    }

    // CpuTrainer.Step in float32: decay on the W's and a (never b, c), Adam with β = (0.9, 0.999), ε = 1e-8.
    static void Step(Net p, Net g, Net m1, Net m2, TrainOptions o, float lr, float lambda, long t)
    {
        float c1 = (float)(1 - Math.Pow(0.9, t)), c2 = (float)(1 - Math.Pow(0.999, t));
        for (int l = 0; l < p.Depth - 1; l++) FloatOptimizer.Update(p.W[l], g.W[l], m1.W[l], m2.W[l], o, lr, lambda, c1, c2);
        FloatOptimizer.Update(p.B, g.B, m1.B, m2.B, o, lr, 0, c1, c2);
        FloatOptimizer.Update(p.A, g.A, m1.A, m2.A, o, lr, lambda, c1, c2);
        Span<float> c = [p.C], gc = [g.C], mc = [m1.C], vc = [m2.C];
        FloatOptimizer.Update(c, gc, mc, vc, o, lr, 0, c1, c2);
        p.C = c[0]; m1.C = mc[0]; m2.C = vc[0];
    }

}
