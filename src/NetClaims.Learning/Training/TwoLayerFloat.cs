using System.Numerics.Tensors;

namespace NetClaims.Training;

/// <summary>
/// The float32, SIMD forward+backward pass of the two-layer net for large batches (the CPU throughput path; the issue's
/// benchmark shape is d = 16, width 1024, n = 65536). Inner weights are held transposed, Wᵀ (d×m), so every operation is
/// a contiguous length-m vector operation: z = b + Σ_t x_t·Wᵀ[t,:], then ∂Wᵀ[t,:] += x_t·(g·a ⊙ 1[z&gt;0]).
/// Same loss and gradient as <see cref="TwoLayer"/> (MSE mean; coupled decay is the optimiser's business).
/// </summary>
public sealed class TwoLayerFloat
{
    /// <summary>A float32 two-layer net of the given shape (zero weights).</summary>
    public TwoLayerFloat(int d, int width)
    {
        if (d < 1 || width < 1) throw new ArgumentOutOfRangeException(nameof(d), "d and width must be positive");
        D = d; Width = width;
        WT = new float[d * width]; B = new float[width]; A = new float[width];
    }

    /// <summary>Input dimension.</summary>
    public int D { get; }
    /// <summary>Number of units.</summary>
    public int Width { get; }
    /// <summary>Inner weights, transposed (d × width, row-major).</summary>
    public float[] WT { get; }
    /// <summary>Biases.</summary>
    public float[] B { get; }
    /// <summary>Output weights.</summary>
    public float[] A { get; }
    /// <summary>The output constant.</summary>
    public float C { get; set; }

    /// <summary>Copies the <see cref="TwoLayer"/> layout θ = [W (m×d), b, a, c] into this (transposing W).</summary>
    public static TwoLayerFloat From(TwoLayer arch, ReadOnlySpan<double> theta)
    {
        var f = new TwoLayerFloat(arch.D, arch.Width);
        int m = arch.Width, d = arch.D;
        for (int k = 0; k < m; k++)
        {
            for (int t = 0; t < d; t++) f.WT[t * m + k] = (float)theta[k * d + t];
            f.B[k] = (float)theta[m * d + k];
            f.A[k] = (float)theta[m * d + m + k];
        }
        f.C = (float)theta[m * d + 2 * m];
        return f;
    }

    /// <summary>MSE over all rows of <paramref name="x"/> (n×d row-major); writes the gradient (same shapes) into the given arrays.</summary>
    public float LossAndGradient(ReadOnlySpan<float> x, ReadOnlySpan<float> y, float[] gWT, float[] gB, float[] gA, out float gC)
    {
        int n = y.Length, m = Width, d = D;
        if (x.Length != n * d) throw new ArgumentException($"x has {x.Length} entries, expected n·d = {n * d}");
        Array.Clear(gWT); Array.Clear(gB); Array.Clear(gA);
        var z = new float[m];
        var r = new float[m];
        var gz = new float[m];
        var mask = new float[m];
        double loss = 0, gc = 0;
        float scale = 2f / n;
        for (int i = 0; i < n; i++)
        {
            var xi = x.Slice(i * d, d);
            B.CopyTo(z, 0);
            for (int t = 0; t < d; t++) TensorPrimitives.FusedMultiplyAdd(WT.AsSpan(t * m, m), xi[t], z, z);
            TensorPrimitives.Max(z, 0f, r);
            float e = TensorPrimitives.Dot(r, A) + C - y[i];
            loss += (double)e * e;
            float g = scale * e;
            gc += g;
            TensorPrimitives.FusedMultiplyAdd(r, g, gA, gA);
            // gz = g·a ⊙ 1[z > 0], the indicator as min(⌈r⌉, 1) with r = σ(z) ≥ 0 (two vector ops, no branches).
            TensorPrimitives.Ceiling<float>(r, mask);
            TensorPrimitives.Min(mask, 1f, mask);
            TensorPrimitives.Multiply(A, g, gz);
            TensorPrimitives.Multiply(gz, mask, gz);
            TensorPrimitives.Add(gB, gz, gB);
            for (int t = 0; t < d; t++) TensorPrimitives.FusedMultiplyAdd(gz, xi[t], gWT.AsSpan(t * m, m), gWT.AsSpan(t * m, m));
        }
        gC = (float)gc;
        return (float)(loss / n);
    }
}
