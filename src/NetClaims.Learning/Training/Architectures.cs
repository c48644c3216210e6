using System.Numerics.Tensors;

namespace NetClaims.Training;

/// <summary>A regression dataset: n inputs of dimension d (row-major) and targets.</summary>
public sealed record Dataset(int N, int D, double[] X, double[] Y)
{
    /// <summary>Input row i.</summary>
    public ReadOnlySpan<double> Row(int i) => X.AsSpan(i * D, D);

    /// <summary>A dataset from rows and targets (copied into one flat array).</summary>
    public static Dataset Of(double[][] x, double[] y)
    {
        if (x.Length != y.Length || x.Length == 0) throw new ArgumentException($"need as many targets as inputs (≥ 1): {x.Length} inputs, {y.Length} targets");
        int d = x[0].Length;
        if (x.Any(r => r.Length != d)) throw new ArgumentException("inputs have different dimensions");
        if (y.Any(v => !double.IsFinite(v)) || x.Any(r => r.Any(v => !double.IsFinite(v)))) throw new ArgumentException("data must be finite");
        return new Dataset(x.Length, d, x.SelectMany(r => r).ToArray(), y);
    }
}

/// <summary>
/// A network architecture over a flat parameter vector θ, with hand-derived gradients of the MSE loss
/// L(θ) = (1/|B|)Σ_{i∈B}(f(x_i) − y_i)² (PyTorch's MSELoss, so experiments transcribe). <see cref="Decayed"/> marks the
/// weight-matrix entries that weight decay acts on (never biases).
/// </summary>
public interface IArchitecture
{
    /// <summary>A short name for logs.</summary>
    string Name { get; }

    /// <summary>Input dimension.</summary>
    int D { get; }

    /// <summary>Number of parameters.</summary>
    int ParameterCount { get; }

    /// <summary>True for the entries weight decay applies to.</summary>
    bool[] Decayed { get; }

    /// <summary>PyTorch's default init (nn.Linear: weights and biases U(−1/√fan_in, 1/√fan_in), i.e. Kaiming-uniform with a = √5).</summary>
    double[] Initialize(int seed);

    /// <summary>The network's value at x with parameters theta.</summary>
    double Evaluate(ReadOnlySpan<double> theta, ReadOnlySpan<double> x);

    /// <summary>The loss over the rows <paramref name="batch"/> (all rows when null), adding its gradient into <paramref name="gradient"/> when given.</summary>
    double Loss(ReadOnlySpan<double> theta, Dataset data, ReadOnlySpan<int> batch, Span<double> gradient);
}

/// <summary>Uniform initialisation in ±1/√fan-in (PyTorch's default for linear layers).</summary>
internal static class ParameterInit
{
    public static void Uniform(Random rng, Span<double> target, int fanIn)
    {
        double bound = 1 / Math.Sqrt(fanIn);
        for (int i = 0; i < target.Length; i++) target[i] = (2 * rng.NextDouble() - 1) * bound;
    }
}

/// <summary>Row indexing of a mini-batch: an empty batch means every row of the dataset.</summary>
internal static class BatchRows
{
    public static int Rows(Dataset data, ReadOnlySpan<int> batch) => batch.IsEmpty ? data.N : batch.Length;

    public static int Index(ReadOnlySpan<int> batch, int j) => batch.IsEmpty ? j : batch[j];
}

/// <summary>f(x) = Σ_k a_k σ(⟨w_k, x⟩ + b_k) + c; θ = [W (m×d, row-major), b (m), a (m), c]. Decay on W and a.</summary>
public sealed class TwoLayer(int d, int width) : IArchitecture
{
    /// <inheritdoc/>
    public string Name => "two-layer";

    /// <inheritdoc/>
    public int D { get; } = d > 0 ? d : throw new ArgumentOutOfRangeException(nameof(d));

    /// <summary>Number of hidden units.</summary>
    public int Width { get; } = width > 0 ? width : throw new ArgumentOutOfRangeException(nameof(width));

    /// <inheritdoc/>
    public int ParameterCount => Width * D + 2 * Width + 1;

    int B0 => Width * D;

    int A0 => Width * D + Width;

    int C0 => Width * D + 2 * Width;

    /// <inheritdoc/>
    public bool[] Decayed => Enumerable.Range(0, ParameterCount).Select(i => i < B0 || (i >= A0 && i < C0)).ToArray();

    /// <inheritdoc/>
    public double[] Initialize(int seed)
    {
        var rng = new Random(seed);
        var t = new double[ParameterCount];
        ParameterInit.Uniform(rng, t.AsSpan(0, B0), D);
        ParameterInit.Uniform(rng, t.AsSpan(B0, Width), D);
        ParameterInit.Uniform(rng, t.AsSpan(A0, Width), Width);
        ParameterInit.Uniform(rng, t.AsSpan(C0, 1), Width);
        return t;
    }

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> theta, ReadOnlySpan<double> x)
    {
        double f = theta[C0];
        for (int k = 0; k < Width; k++)
        {
            double z = TensorPrimitives.Dot(theta.Slice(k * D, D), x) + theta[B0 + k];
            if (z > 0) f += theta[A0 + k] * z;
        }
        return f;
    }

    /// <inheritdoc/>
    public double Loss(ReadOnlySpan<double> theta, Dataset data, ReadOnlySpan<int> batch, Span<double> gradient)
    {
        int rows = BatchRows.Rows(data, batch);
        var z = new double[Width];
        double loss = 0;
        for (int j = 0; j < rows; j++)
        {
            var x = data.Row(BatchRows.Index(batch, j));
            double f = theta[C0];
            for (int k = 0; k < Width; k++)
            {
                z[k] = TensorPrimitives.Dot(theta.Slice(k * D, D), x) + theta[B0 + k];
                if (z[k] > 0) f += theta[A0 + k] * z[k];
            }
            double e = f - data.Y[BatchRows.Index(batch, j)];
            loss += e * e;
            if (gradient.IsEmpty) continue;
            double g = 2 * e / rows;
            gradient[C0] += g;
            for (int k = 0; k < Width; k++)
            {
                if (z[k] <= 0) continue;
                gradient[A0 + k] += g * z[k];
                double gz = g * theta[A0 + k];
                gradient[B0 + k] += gz;
                TensorPrimitives.MultiplyAdd(x, gz, gradient.Slice(k * D, D), gradient.Slice(k * D, D));
            }
        }
        return loss / rows;
    }

    /// <summary>The trained parameters as a float network the evaluators and cost functions accept.</summary>
    public Networks.DenseTwoLayerRelu ToNetwork(ReadOnlySpan<double> theta)
    {
        var w = new double[Width][];
        for (int k = 0; k < Width; k++) w[k] = theta.Slice(k * D, D).ToArray();
        return new Networks.DenseTwoLayerRelu(w, theta.Slice(B0, Width).ToArray(), theta.Slice(A0, Width).ToArray(), theta[C0]);
    }
}

/// <summary>
/// The Parkinson–Ongie–Willett student (docs/pow23.md §3.8): L − 1 linear layers (the first L − 2 bias-free, d → width →
/// … → width; the last with a bias), a ReLU, and a linear output with bias. L = 2 is the two-layer net.
/// θ = [W₁, …, W_{L−1} (row-major), b, a, c]. Decay on the W's and a.
/// </summary>
public sealed class DeepLinearReluArchitecture(int d, int width, int depth) : IArchitecture
{
    /// <inheritdoc/>
    public string Name => $"linear-relu-L{depth}";

    /// <inheritdoc/>
    public int D { get; } = d > 0 ? d : throw new ArgumentOutOfRangeException(nameof(d));

    /// <summary>Width of every hidden layer.</summary>
    public int Width { get; } = width > 0 ? width : throw new ArgumentOutOfRangeException(nameof(width));

    /// <summary>L: the number of weight layers (L − 1 linear layers, then the ReLU layer's output).</summary>
    public int Depth { get; } = depth >= 2 ? depth : throw new ArgumentOutOfRangeException(nameof(depth), "L ≥ 2");

    int LayerIn(int l) => l == 0 ? D : Width;

    int LayerStart(int l) => l == 0 ? 0 : D * Width + (l - 1) * Width * Width;

    int B0 => LayerStart(Depth - 1);

    int A0 => B0 + Width;

    int C0 => A0 + Width;

    /// <inheritdoc/>
    public int ParameterCount => C0 + 1;

    /// <inheritdoc/>
    public bool[] Decayed => Enumerable.Range(0, ParameterCount).Select(i => i < B0 || (i >= A0 && i < C0)).ToArray();

    /// <inheritdoc/>
    public double[] Initialize(int seed)
    {
        var rng = new Random(seed);
        var t = new double[ParameterCount];
        for (int l = 0; l < Depth - 1; l++) ParameterInit.Uniform(rng, t.AsSpan(LayerStart(l), Width * LayerIn(l)), LayerIn(l));
        ParameterInit.Uniform(rng, t.AsSpan(B0, Width), LayerIn(Depth - 2));
        ParameterInit.Uniform(rng, t.AsSpan(A0, Width), Width);
        ParameterInit.Uniform(rng, t.AsSpan(C0, 1), Width);
        return t;
    }

    // Forward pass storing each layer's output: h[0] = x, h[l+1] = W_{l+1} h[l] (+ b at the last linear layer).
    double Forward(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, double[][] h)
    {
        x.CopyTo(h[0]);
        for (int l = 0; l < Depth - 1; l++)
        {
            int fin = LayerIn(l);
            for (int k = 0; k < Width; k++) h[l + 1][k] = TensorPrimitives.Dot(theta.Slice(LayerStart(l) + k * fin, fin), h[l].AsSpan(0, fin));
        }
        var z = h[Depth - 1];
        TensorPrimitives.Add(z, theta.Slice(B0, Width), z);
        double f = theta[C0];
        for (int k = 0; k < Width; k++) if (z[k] > 0) f += theta[A0 + k] * z[k];
        return f;
    }

    /// <summary>The trained parameters as the linear-layers network (layers W₁…W_{L−1}, b, a, c) the Φ_L and EGOP code accepts.</summary>
    public LinearLayers.DeepLinearRelu ToNetwork(ReadOnlySpan<double> theta)
    {
        var layers = new List<MathNet.Numerics.LinearAlgebra.Matrix<double>>();
        for (int l = 0; l < Depth - 1; l++)
        {
            int fin = LayerIn(l), start = LayerStart(l);
            var block = theta.Slice(start, Width * fin).ToArray();
            layers.Add(MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(Width, fin, (k, t) => block[k * fin + t]));
        }
        return new LinearLayers.DeepLinearRelu(layers, MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(theta.Slice(B0, Width).ToArray()),
            MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(theta.Slice(A0, Width).ToArray()), theta[C0]);
    }

    double[][] Buffers() => Enumerable.Range(0, Depth).Select(l => new double[l == 0 ? D : Width]).ToArray();

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> theta, ReadOnlySpan<double> x) => Forward(theta, x, Buffers());

    /// <inheritdoc/>
    public double Loss(ReadOnlySpan<double> theta, Dataset data, ReadOnlySpan<int> batch, Span<double> gradient)
    {
        int rows = BatchRows.Rows(data, batch);
        var h = Buffers();
        var gz = new double[Width];
        var gnext = new double[Math.Max(D, Width)];
        double loss = 0;
        for (int j = 0; j < rows; j++)
        {
            int i = BatchRows.Index(batch, j);
            double e = Forward(theta, data.Row(i), h) - data.Y[i];
            loss += e * e;
            if (gradient.IsEmpty) continue;
            double g = 2 * e / rows;
            gradient[C0] += g;
            var z = h[Depth - 1];
            for (int k = 0; k < Width; k++)
            {
                gz[k] = z[k] > 0 ? g * theta[A0 + k] : 0;
                if (z[k] > 0) gradient[A0 + k] += g * z[k];
                gradient[B0 + k] += gz[k];
            }
            // Back through the linear layers: ∂W_l = gz ⊗ h[l−1], gz ← W_lᵀ gz.
            for (int l = Depth - 2; l >= 0; l--)
            {
                int fin = LayerIn(l);
                var input = h[l].AsSpan(0, fin);
                var back = gnext.AsSpan(0, fin);
                back.Clear();
                for (int k = 0; k < Width; k++)
                {
                    if (gz[k] == 0) continue;
                    var row = theta.Slice(LayerStart(l) + k * fin, fin);
                    var grow = gradient.Slice(LayerStart(l) + k * fin, fin);
                    TensorPrimitives.MultiplyAdd(input, gz[k], grow, grow);
                    TensorPrimitives.MultiplyAdd(row, gz[k], back, back);
                }
                if (l > 0) back.CopyTo(gz);
            }
        }
        return loss / rows;
    }
}

/// <summary>The bias-free sum-of-ReLUs student of docs/zlc24.md §5: f(x) = Σ_j σ(⟨w_j, x⟩); θ = W (m×d). Decay on W.</summary>
public sealed class SumOfRelus(int d, int width) : IArchitecture
{
    /// <inheritdoc/>
    public string Name => "sum-of-relus";

    /// <inheritdoc/>
    public int D { get; } = d > 0 ? d : throw new ArgumentOutOfRangeException(nameof(d));

    /// <summary>Number of student neurons.</summary>
    public int Width { get; } = width > 0 ? width : throw new ArgumentOutOfRangeException(nameof(width));

    /// <inheritdoc/>
    public int ParameterCount => Width * D;

    /// <inheritdoc/>
    public bool[] Decayed => Enumerable.Repeat(true, ParameterCount).ToArray();

    /// <inheritdoc/>
    public double[] Initialize(int seed)
    {
        var t = new double[ParameterCount];
        ParameterInit.Uniform(new Random(seed), t, D);
        return t;
    }

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> theta, ReadOnlySpan<double> x)
    {
        double f = 0;
        for (int k = 0; k < Width; k++) f += Math.Max(0, TensorPrimitives.Dot(theta.Slice(k * D, D), x));
        return f;
    }

    /// <inheritdoc/>
    public double Loss(ReadOnlySpan<double> theta, Dataset data, ReadOnlySpan<int> batch, Span<double> gradient)
    {
        int rows = BatchRows.Rows(data, batch);
        var z = new double[Width];
        double loss = 0;
        for (int j = 0; j < rows; j++)
        {
            int i = BatchRows.Index(batch, j);
            var x = data.Row(i);
            double f = 0;
            for (int k = 0; k < Width; k++) { z[k] = TensorPrimitives.Dot(theta.Slice(k * D, D), x); if (z[k] > 0) f += z[k]; }
            double e = f - data.Y[i];
            loss += e * e;
            if (gradient.IsEmpty) continue;
            double g = 2 * e / rows;
            for (int k = 0; k < Width; k++)
                if (z[k] > 0) TensorPrimitives.MultiplyAdd(x, g, gradient.Slice(k * D, D), gradient.Slice(k * D, D));
        }
        return loss / rows;
    }
}
