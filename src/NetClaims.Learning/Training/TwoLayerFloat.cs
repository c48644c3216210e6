using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetClaims.Training;

/// <summary>The gradient of a <see cref="TwoLayerFloat"/> in its own (transposed, padded) layout.</summary>
public sealed class FloatGradient
{
    /// <summary>A zero gradient for a net of d inputs and the given padded width.</summary>
    public FloatGradient(int d, int stride)
    {
        WT = new float[d * stride]; B = new float[stride]; A = new float[stride];
    }

    /// <summary>∂/∂Wᵀ (d × stride).</summary>
    public float[] WT { get; }
    /// <summary>∂/∂b.</summary>
    public float[] B { get; }
    /// <summary>∂/∂a.</summary>
    public float[] A { get; }
    /// <summary>∂/∂c.</summary>
    public double C { get; set; }

    internal void Clear()
    {
        Array.Clear(WT); Array.Clear(B); Array.Clear(A); C = 0;
    }

    internal void Add(FloatGradient other)
    {
        TensorPrimitives.Add(WT, other.WT, WT);
        TensorPrimitives.Add(B, other.B, B);
        TensorPrimitives.Add(A, other.A, A);
        C += other.C;
    }
}

/// <summary>
/// The float32, SIMD forward+backward pass of the two-layer net f(x) = Σ_k a_k σ(⟨w_k, x⟩ + b_k) + c (the CPU
/// throughput path behind <see cref="FloatTrainer"/>). Inner weights are held transposed and padded, Wᵀ (d × Stride)
/// with Stride the width rounded up to 16, and padded units are zero (they stay zero: their gradient is zero).
/// The kernel works on blocks of 8 rows × 16 units (one Vector512; on hardware without AVX-512 .NET runs it as two Vector256 halves) so every weight vector loaded feeds 8 fused multiply-adds, and keeps a
/// block's pre-activations (8 × Stride floats) in cache between the forward and the backward half.
/// Rows are split into a fixed number of chunks that depends only on the number of rows, each summed in row order into
/// its own buffer and the buffers added in chunk order: a result is the same bit for bit on any number of cores.
/// Same loss and gradient as <see cref="TwoLayer"/> (MSE mean; decay is the optimiser's business). Not thread-safe:
/// one call at a time per instance (it reuses its scratch).
/// </summary>
public sealed class TwoLayerFloat
{
    /// <summary>Rows per block and units per vector (Vector512 of float) of the kernel.</summary>
    internal const int Rows = 8, Lanes = 16;

    /// <summary>At most this many chunks of rows (the parallel grain); fewer when there are few rows.</summary>
    internal const int MaxChunks = 32, MinRowsPerChunk = 64;

    /// <summary>The most threads a pass may use (tests set 1 to check that results do not depend on it).</summary>
    internal int MaxParallelism { get; set; } = -1;

    FloatGradient[] partials = [];
    Block[] scratch = [];

    // One chunk's block buffers: pre-activations (8 × Stride), the rows (8 × d) and the scaled errors.
    sealed class Block(int d, int stride)
    {
        public readonly float[] Z = new float[Rows * stride], X = new float[Rows * d], Gr = new float[Rows];
    }

    /// <summary>The chunks a pass over <paramref name="rows"/> rows uses (a function of the row count only).</summary>
    internal static int Chunks(long rows) => (int)Math.Clamp(rows / MinRowsPerChunk, 1, MaxChunks);

    /// <summary>A float32 two-layer net of the given shape (zero weights).</summary>
    public TwoLayerFloat(int d, int width)
    {
        if (d < 1 || width < 1) throw new ArgumentOutOfRangeException(nameof(d), "d and width must be positive");
        D = d; Width = width; Stride = (width + Lanes - 1) / Lanes * Lanes;
        WT = new float[d * Stride]; B = new float[Stride]; A = new float[Stride];
    }

    /// <summary>Input dimension.</summary>
    public int D { get; }
    /// <summary>Number of units.</summary>
    public int Width { get; }
    /// <summary>The width rounded up to a multiple of 16: the row length of <see cref="WT"/> and the length of B and A.</summary>
    public int Stride { get; }
    /// <summary>Inner weights, transposed (d × Stride, row-major; columns ≥ Width are zero).</summary>
    public float[] WT { get; }
    /// <summary>Biases (Stride entries; the padding is zero).</summary>
    public float[] B { get; }
    /// <summary>Output weights (Stride entries; the padding is zero).</summary>
    public float[] A { get; }
    /// <summary>The output constant.</summary>
    public float C { get; set; }

    /// <summary>Copies the <see cref="TwoLayer"/> layout θ = [W (m×d), b, a, c] into this (transposing W).</summary>
    public static TwoLayerFloat From(TwoLayer arch, ReadOnlySpan<double> theta)
    {
        if (theta.Length != arch.ParameterCount) throw new ArgumentException($"θ has {theta.Length} entries, the architecture {arch.ParameterCount}");
        var f = new TwoLayerFloat(arch.D, arch.Width);
        int m = arch.Width, d = arch.D, s = f.Stride;
        for (int k = 0; k < m; k++)
        {
            for (int t = 0; t < d; t++) f.WT[t * s + k] = (float)theta[k * d + t];
            f.B[k] = (float)theta[m * d + k];
            f.A[k] = (float)theta[m * d + m + k];
        }
        f.C = (float)theta[m * d + 2 * m];
        return f;
    }

    /// <summary>The parameters in the <see cref="TwoLayer"/> layout θ = [W (m×d), b, a, c].</summary>
    public double[] ToTheta()
    {
        int m = Width, d = D, s = Stride;
        var theta = new double[m * d + 2 * m + 1];
        for (int k = 0; k < m; k++)
        {
            for (int t = 0; t < d; t++) theta[k * d + t] = WT[t * s + k];
            theta[m * d + k] = B[k];
            theta[m * d + m + k] = A[k];
        }
        theta[^1] = C;
        return theta;
    }

    /// <summary>A zero gradient of this net's shape.</summary>
    public FloatGradient NewGradient() => new(D, Stride);

    /// <summary>MSE over all rows of <paramref name="x"/> (n×d row-major); writes the gradient into <paramref name="gradient"/>.</summary>
    public double LossAndGradient(float[] x, float[] y, FloatGradient gradient) => Loss(x, y, ReadOnlySpan<int>.Empty, gradient);

    /// <summary>
    /// The MSE over the rows <paramref name="batch"/> of (x, y) (every row when empty); when <paramref name="gradient"/> is
    /// given it is overwritten with the gradient of that loss.
    /// </summary>
    public double Loss(float[] x, float[] y, ReadOnlySpan<int> batch, FloatGradient? gradient)
    {
        int n = y.Length;
        if (x.Length != n * D) throw new ArgumentException($"x has {x.Length} entries, expected n·d = {n * D}");
        int rows = batch.IsEmpty ? n : batch.Length;
        if (rows == 0) throw new ArgumentException("the batch is empty");
        int chunks = Chunks(rows);
        Prepare(chunks, gradient is not null);
        var losses = new double[chunks];
        int[]? index = batch.IsEmpty ? null : batch.ToArray();
        float scale = 2f / rows;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelism }, k =>
        {
            int start = (int)((long)rows * k / chunks), end = (int)((long)rows * (k + 1) / chunks);
            var g = gradient is null ? null : partials[k];
            g?.Clear();
            losses[k] = Chunk(x, y, index, start, end, scale, scratch[k], g);
        });
        if (gradient is not null)
        {
            gradient.Clear();
            for (int k = 0; k < chunks; k++) gradient.Add(partials[k]);
        }
        double loss = 0;
        for (int k = 0; k < chunks; k++) loss += losses[k];
        return loss / rows;
    }

    void Prepare(int chunks, bool gradients)
    {
        if (scratch.Length < chunks)
            scratch = Enumerable.Range(0, chunks).Select(_ => new Block(D, Stride)).ToArray();
        if (gradients && partials.Length < chunks)
            partials = Enumerable.Range(0, chunks).Select(_ => NewGradient()).ToArray();
    }

    // Rows start..end of the batch in blocks of 8 (the last block padded with zero rows whose error is zero).
    double Chunk(float[] x, float[] y, int[]? index, int start, int end, float scale, Block buffer, FloatGradient? g)
    {
        int d = D, s = Stride;
        var (z, xb, gr) = (buffer.Z, buffer.X, buffer.Gr);
        double loss = 0, gc = 0;
        for (int r0 = start; r0 < end; r0 += Rows)
        {
            int count = Math.Min(Rows, end - r0);
            Array.Clear(xb);
            for (int r = 0; r < count; r++)
            {
                int i = index is null ? r0 + r : index[r0 + r];
                x.AsSpan(i * d, d).CopyTo(xb.AsSpan(r * d, d));
            }
            Forward(xb, z);
            for (int r = 0; r < Rows; r++)
            {
                if (r >= count) { gr[r] = 0; continue; }
                int i = index is null ? r0 + r : index[r0 + r];
                float f = ReluDot(z.AsSpan(r * s, s), A) + C;
                float e = f - y[i];
                loss += (double)e * e;
                gr[r] = scale * e;
                gc += gr[r];
            }
            if (g is not null) Backward(xb, z, gr, g);
        }
        if (g is not null) g.C = gc;
        return loss;
    }

    static float ReluDot(ReadOnlySpan<float> z, ReadOnlySpan<float> a)
    {
        var acc = Vector512<float>.Zero;
        ref float zr = ref MemoryMarshal.GetReference(z);
        ref float ar = ref MemoryMarshal.GetReference(a);
        for (int j = 0; j < z.Length; j += Lanes)
            acc = Vector512.FusedMultiplyAdd(Vector512.Max(Vector512.LoadUnsafe(ref zr, (nuint)j), Vector512<float>.Zero), Vector512.LoadUnsafe(ref ar, (nuint)j), acc);
        return Vector512.Sum(acc);
    }

    // z[r, :] = b + Σ_t x[r, t]·Wᵀ[t, :] for the 8 rows of the block: the blocked product of FloatGemm, on this thread.
    void Forward(float[] xb, float[] z)
    {
        for (int r = 0; r < Rows; r++) B.CopyTo(z, r * Stride);
        FloatGemm.Multiply(xb, WT, z, Rows, D, Stride, accumulate: true, threads: false);
    }

    // With gz[r, :] = g_r·a ⊙ 1[z[r, :] > 0]: ∂a += Σ_r g_r·σ(z[r, :]), ∂b += Σ_r gz[r, :], ∂Wᵀ[t, :] += Σ_r x[r, t]·gz[r, :].
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void Backward(ReadOnlySpan<float> xb, ReadOnlySpan<float> z, ReadOnlySpan<float> gr, FloatGradient g)
    {
        int d = D, s = Stride;
        ref float a = ref MemoryMarshal.GetArrayDataReference(A);
        ref float xr = ref MemoryMarshal.GetReference(xb);
        ref float zr = ref MemoryMarshal.GetReference(z);
        ref float gw = ref MemoryMarshal.GetArrayDataReference(g.WT);
        ref float gb = ref MemoryMarshal.GetArrayDataReference(g.B);
        ref float ga = ref MemoryMarshal.GetArrayDataReference(g.A);
        var zero = Vector512<float>.Zero;
        for (int j = 0; j < s; j += Lanes)
        {
            var aj = Vector512.LoadUnsafe(ref a, (nuint)j);
            Vector512<float> gz0, gz1, gz2, gz3, gz4, gz5, gz6, gz7;
            var sumA = Vector512.LoadUnsafe(ref ga, (nuint)j);
            var sumB = Vector512.LoadUnsafe(ref gb, (nuint)j);
            {
                var zz = Vector512.LoadUnsafe(ref zr, (nuint)j); var gv = Vector512.Create(gr[0]);
                gz0 = (aj * gv) & Vector512.GreaterThan(zz, zero); sumA = Vector512.FusedMultiplyAdd(Vector512.Max(zz, zero), gv, sumA);
                zz = Vector512.LoadUnsafe(ref zr, (nuint)(s + j)); gv = Vector512.Create(gr[1]);
                gz1 = (aj * gv) & Vector512.GreaterThan(zz, zero); sumA = Vector512.FusedMultiplyAdd(Vector512.Max(zz, zero), gv, sumA);
                zz = Vector512.LoadUnsafe(ref zr, (nuint)(2 * s + j)); gv = Vector512.Create(gr[2]);
                gz2 = (aj * gv) & Vector512.GreaterThan(zz, zero); sumA = Vector512.FusedMultiplyAdd(Vector512.Max(zz, zero), gv, sumA);
                zz = Vector512.LoadUnsafe(ref zr, (nuint)(3 * s + j)); gv = Vector512.Create(gr[3]);
                gz3 = (aj * gv) & Vector512.GreaterThan(zz, zero); sumA = Vector512.FusedMultiplyAdd(Vector512.Max(zz, zero), gv, sumA);
                zz = Vector512.LoadUnsafe(ref zr, (nuint)(4 * s + j)); gv = Vector512.Create(gr[4]);
                gz4 = (aj * gv) & Vector512.GreaterThan(zz, zero); sumA = Vector512.FusedMultiplyAdd(Vector512.Max(zz, zero), gv, sumA);
                zz = Vector512.LoadUnsafe(ref zr, (nuint)(5 * s + j)); gv = Vector512.Create(gr[5]);
                gz5 = (aj * gv) & Vector512.GreaterThan(zz, zero); sumA = Vector512.FusedMultiplyAdd(Vector512.Max(zz, zero), gv, sumA);
                zz = Vector512.LoadUnsafe(ref zr, (nuint)(6 * s + j)); gv = Vector512.Create(gr[6]);
                gz6 = (aj * gv) & Vector512.GreaterThan(zz, zero); sumA = Vector512.FusedMultiplyAdd(Vector512.Max(zz, zero), gv, sumA);
                zz = Vector512.LoadUnsafe(ref zr, (nuint)(7 * s + j)); gv = Vector512.Create(gr[7]);
                gz7 = (aj * gv) & Vector512.GreaterThan(zz, zero); sumA = Vector512.FusedMultiplyAdd(Vector512.Max(zz, zero), gv, sumA);
            }
            sumA.StoreUnsafe(ref ga, (nuint)j);
            (sumB + ((gz0 + gz1) + (gz2 + gz3)) + ((gz4 + gz5) + (gz6 + gz7))).StoreUnsafe(ref gb, (nuint)j);
            for (int t = 0; t < d; t++)
            {
                nuint at = (nuint)(t * s + j);
                var acc = Vector512.LoadUnsafe(ref gw, at);
                acc = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xr, t)), gz0, acc);
                acc = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xr, d + t)), gz1, acc);
                acc = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xr, 2 * d + t)), gz2, acc);
                acc = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xr, 3 * d + t)), gz3, acc);
                acc = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xr, 4 * d + t)), gz4, acc);
                acc = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xr, 5 * d + t)), gz5, acc);
                acc = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xr, 6 * d + t)), gz6, acc);
                acc = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xr, 7 * d + t)), gz7, acc);
                acc.StoreUnsafe(ref gw, at);
            }
        }
    }
}
