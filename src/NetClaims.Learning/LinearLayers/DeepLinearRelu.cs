using MathNet.Numerics.LinearAlgebra;

namespace NetClaims.LinearLayers;

/// <summary>
/// f(x) = aᵀσ(W_{L−1}⋯W_1x + b) + c (docs/pow23.md §3.1; L−1 linear layers, bias only on the last one and the output),
/// with its virtual matrix W = W_{L−1}⋯W_1 and its weight-decay cost C_L = (1/L)(‖a‖² + Σ‖W_ℓ‖_F²).
/// </summary>
public sealed record DeepLinearRelu(IReadOnlyList<Matrix<double>> Layers, Vector<double> B, Vector<double> A, double C)
{
    /// <summary>L = number of linear layers + 1.</summary>
    public int L => Layers.Count + 1;

    /// <summary>The virtual weight matrix W_{L−1}⋯W_1.</summary>
    public Matrix<double> Virtual => BalancedFactorization.Product(Layers);

    /// <summary>The cost C_L = (‖a‖² + Σ‖W_ℓ‖_F²)/L (biases free).</summary>
    public double Cost => (A.DotProduct(A) + Layers.Sum(w => Math.Pow(w.FrobeniusNorm(), 2))) / L;

    /// <summary>The network's value at x.</summary>
    public double Evaluate(Vector<double> x)
    {
        var h = Layers.Aggregate(x, (v, w) => w * v) + B;
        return A.DotProduct(h.PointwiseMaximum(0)) + C;
    }

    /// <summary>
    /// The representation behind the Lemma of §3.3: rescale unit k by s_k > 0 (a_k/s_k, s_k·w_k, s_k·b_k — the same
    /// function, ReLU being positively homogeneous), then factor D_sW into L−1 balanced layers. Its cost is the Φ_L
    /// objective at s; at the optimal s it is Φ_L(W, a).
    /// </summary>
    public static DeepLinearRelu FromTwoLayer(Matrix<double> w, Vector<double> a, Vector<double> b, double c, int l, double[] s, int seed = 1)
    {
        if (l < 2) throw new ArgumentOutOfRangeException(nameof(l), "L ≥ 2");
        var ds = Matrix<double>.Build.DiagonalOfDiagonalArray(s);
        var layers = BalancedFactorization.Build(ds * w, l - 1, seed);
        return new DeepLinearRelu(layers, ds * b, Vector<double>.Build.DenseOfEnumerable(a.Select((x, k) => s[k] == 0 ? 0 : x / s[k])), c);
    }

    /// <summary>
    /// The global-scale identity (§3.3): min_t (1/L)‖a/t‖² + ((L−1)/L)‖tW‖_{S_q}^q with q = 2/(L−1) equals (‖a‖₂·‖W‖_{S_q})^{2/L}.
    /// Returns the numerically minimised value (golden section in log t) and the closed form.
    /// </summary>
    public static (double Minimised, double ClosedForm, double FirstTerm, double SecondTerm) GlobalScale(Matrix<double> w, Vector<double> a, int l)
    {
        double q = 2.0 / (l - 1), an = a.L2Norm(), powered = Schatten.Powered(w, q);
        double F(double logT) => an * an * Math.Exp(-2 * logT) / l + (l - 1.0) / l * Math.Exp(q * logT) * powered;
        double lo = -30, hi = 30, phi = (Math.Sqrt(5) - 1) / 2;
        for (int i = 0; i < 200; i++)
        {
            double m1 = hi - phi * (hi - lo), m2 = lo + phi * (hi - lo);
            if (F(m1) < F(m2)) hi = m2; else lo = m1;
        }
        double t = (lo + hi) / 2;
        return (F(t), Math.Pow(an * Math.Pow(powered, 1 / q), 2.0 / l), an * an * Math.Exp(-2 * t), Math.Exp(q * t) * powered);
    }
}
