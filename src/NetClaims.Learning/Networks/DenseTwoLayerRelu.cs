using System.Numerics.Tensors;

namespace NetClaims.Networks;

/// <summary>
/// A two-layer ReLU network in float64, f(x) = Σ_k a_k σ(⟨w_k, x⟩ + b_k) + ⟨v, x⟩ + c, with real inner weights: the
/// shape random-feature and trained networks take (the exact <see cref="TwoLayerRelu"/> needs integer inner weights).
/// Rows of <see cref="W"/> are the units' inner weights. Immutable by convention (arrays are not copied).
/// </summary>
public sealed record DenseTwoLayerRelu
{
    /// <summary>Σ_k a_k σ(⟨w_k, x⟩ + b_k) + ⟨linear, x⟩ + c with float64 weights (rows of w are the w_k).</summary>
    public DenseTwoLayerRelu(double[][] w, double[] b, double[] a, double c = 0, double[]? linear = null)
    {
        if (w.Length != b.Length || w.Length != a.Length) throw new ArgumentException($"need as many biases and output weights as units: {w.Length} units, {b.Length} biases, {a.Length} output weights");
        int d = w.Length > 0 ? w[0].Length : linear?.Length ?? 0;
        if (w.Any(row => row.Length != d)) throw new ArgumentException("inner weights have different lengths");
        if (linear != null && linear.Length != d) throw new ArgumentException($"linear part has {linear.Length} entries, expected d={d}");
        W = w; B = b; A = a; C = c; Linear = linear; D = d;
    }

    /// <summary>Inner weights, one row per unit.</summary>
    public double[][] W { get; }

    /// <summary>Biases.</summary>
    public double[] B { get; }

    /// <summary>Output weights.</summary>
    public double[] A { get; }

    /// <summary>The output constant.</summary>
    public double C { get; }

    /// <summary>The free linear part v (null: zero).</summary>
    public double[]? Linear { get; }

    /// <summary>Input dimension.</summary>
    public int D { get; }

    /// <summary>Number of units.</summary>
    public int Width => A.Length;

    /// <summary>The network's value at x.</summary>
    public double Evaluate(ReadOnlySpan<double> x)
    {
        if (x.Length != D) throw new ArgumentException($"x has {x.Length} entries, expected d={D}");
        double s = C + (Linear is null ? 0 : TensorPrimitives.Dot(Linear, x));
        for (int k = 0; k < A.Length; k++)
        {
            double pre = TensorPrimitives.Dot(W[k], x) + B[k];
            if (pre > 0) s += A[k] * pre;
        }
        return s;
    }

    /// <summary>C(f) = Σ_k |a_k|·‖w_k‖₂ (the R-norm's network cost; biases and the affine part not counted).</summary>
    public double Cost
    {
        get
        {
            double s = 0;
            for (int k = 0; k < A.Length; k++) s += Math.Abs(A[k]) * TensorPrimitives.Norm(W[k]);
            return s;
        }
    }

    /// <summary>The exact network in float64 (same units, same affine part), so both kinds meet one evaluator.</summary>
    public static DenseTwoLayerRelu From(TwoLayerRelu net)
    {
        int d = net.Dim.Value;
        var w = net.Units.Select(u => Enumerable.Range(0, d).Select(i => (double)u.W[i]).ToArray()).ToArray();
        return new DenseTwoLayerRelu(w, net.Units.Select(u => u.Bias.ToDouble()).ToArray(), net.Units.Select(u => u.Out.ToDouble()).ToArray(),
            net.Constant.ToDouble(), net.HasZeroLinearPart ? null : net.Linear.Select(v => v.ToDouble()).ToArray());
    }
}
