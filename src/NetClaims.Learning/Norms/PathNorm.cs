using MathNet.Numerics.LinearAlgebra;
using NetClaims.Networks;

namespace NetClaims.Norms;

/// <summary>
/// Path norms of a two-layer ReLU net f(x) = Σ_k a_k σ(⟨w_k, x⟩ + b_k) + c.
/// <para>
/// Liu–Dadi–Cevher (docs/ldc24.md §4, [SEED/REC]) write f_θ(x) = (1/m)Σ_k a′_k σ(⟨w̃_k, x̃⟩), x̃ = (x, 1), w̃_k = (w_k, b_k),
/// ‖θ‖_P = (1/m)Σ_k |a′_k|·‖w̃_k‖₁. With a_k = a′_k/m that is <see cref="L1"/> = Σ_k |a_k|·‖(w_k, b_k)‖₁ (the constant c
/// is not a path); <see cref="L2"/> uses ‖w̃_k‖₂. Jiang et al.'s path.norm (§6) is the network with every weight squared
/// evaluated at the all-ones input: for a bias-free two-layer net, Σ_k a_k²‖w_k‖₂² (<see cref="Squared"/>).
/// </para>
/// </summary>
public static class PathNorm
{
    /// <summary>Σ_k |a_k|·(‖w_k‖₁ + |b_k|): the ℓ1 path norm with the bias as an input coordinate.</summary>
    public static double L1(DenseTwoLayerRelu net)
    {
        double s = 0;
        for (int k = 0; k < net.Width; k++) s += Math.Abs(net.A[k]) * (net.W[k].Sum(Math.Abs) + Math.Abs(net.B[k]));
        return s;
    }

    /// <summary>Σ_k |a_k|·‖(w_k, b_k)‖₂.</summary>
    public static double L2(DenseTwoLayerRelu net)
    {
        double s = 0;
        for (int k = 0; k < net.Width; k++) s += Math.Abs(net.A[k]) * Math.Sqrt(net.W[k].Sum(x => x * x) + net.B[k] * net.B[k]);
        return s;
    }

    /// <summary>Σ over input→output paths of the squared weight products, including the bias paths: Σ_k a_k²(‖w_k‖₂² + b_k²).</summary>
    public static double Squared(DenseTwoLayerRelu net)
    {
        double s = 0;
        for (int k = 0; k < net.Width; k++) s += net.A[k] * net.A[k] * (net.W[k].Sum(x => x * x) + net.B[k] * net.B[k]);
        return s;
    }

    /// <summary>The same function with unit k rescaled: (a_k/t_k, t_k·w_k, t_k·b_k) — equal for t_k &gt; 0 (σ positively homogeneous).</summary>
    public static DenseTwoLayerRelu Rescaled(DenseTwoLayerRelu net, double[] t) =>
        new(net.W.Select((w, k) => w.Select(x => x * t[k]).ToArray()).ToArray(), net.B.Select((b, k) => b * t[k]).ToArray(),
            net.A.Select((a, k) => a / t[k]).ToArray(), net.C, net.Linear);
}

/// <summary>
/// Capacity measures of Jiang et al. (docs/jnm20.md §6, [REC]) for a two-layer net (weight matrices W₁ = W (m×d), W₂ = aᵀ),
/// in the regression setting (no margin: γ = 1, stated). Depth D = 2 weight layers. Fisher–Rao needs the training
/// data; called without it (the rescaling checks), it is NaN.
/// </summary>
public sealed record CapacityMeasures(double LogProdFrobenius, double DistanceToInit, double SpectralComplexity, double FisherRao, double PathNorm)
{
    /// <summary>Every capacity measure of a trained net on its training data (margins, norms, distance to initialisation, Fisher–Rao).</summary>
    public static CapacityMeasures Of(DenseTwoLayerRelu net, DenseTwoLayerRelu init, double[][] x, double[] y)
    {
        var w = Matrix<double>.Build.DenseOfRowArrays(net.W);
        var a = Matrix<double>.Build.DenseOfRowArrays(net.A);
        var w0 = Matrix<double>.Build.DenseOfRowArrays(init.W);
        var a0 = Matrix<double>.Build.DenseOfRowArrays(init.A);
        double f1 = w.FrobeniusNorm(), f2 = a.FrobeniusNorm(), s1 = w.L2Norm(), s2 = a.L2Norm();
        double logFro = Math.Log(f1 * f1 * f2 * f2);
        double dist = Math.Pow((w - w0).FrobeniusNorm(), 2) + Math.Pow((a - a0).FrobeniusNorm(), 2);
        double spec = Math.Log(s1 * s1 * s2 * s2 * (f1 * f1 / (s1 * s1) + f2 * f2 / (s2 * s2)));
        // Fisher–Rao with ℓ = (f − y)²: ⟨w, ∇_wℓ⟩ = 2(f − y)·⟨w, ∇_w f⟩ over the weights; computed from the gradient itself
        // (not from Euler's D·f) so the identity can be checked against it.
        // Without data Fisher–Rao is undefined: NaN, stated rather than produced by 0·(9/0).
        double fr = double.NaN;
        if (x.Length > 0)
        {
            fr = 0;
            for (int i = 0; i < x.Length; i++)
            {
                double f = net.Evaluate(x[i]);
                double inner = EulerInner(net, x[i]);
                fr += Math.Pow(2 * (f - y[i]) * inner, 2);
            }
            fr *= 9.0 / x.Length; // (D + 1)² with D = 2 weight layers, Liang et al.'s convention [REC]
        }
        return new CapacityMeasures(logFro, dist, spec, fr, Norms.PathNorm.Squared(net));
    }

    /// <summary>
    /// The spectral sanity floor log(D·∏_j‖W_j‖₂²) (D = 2): spec ≥ it because each ‖W_j‖_F²/‖W_j‖₂² ≥ 1 (docs/jnm20.md §6).
    /// </summary>
    public static double SpectralFloor(DenseTwoLayerRelu net)
    {
        var w = Matrix<double>.Build.DenseOfRowArrays(net.W);
        var a = Matrix<double>.Build.DenseOfRowArrays(net.A);
        return Math.Log(2 * Math.Pow(w.L2Norm(), 2) * Math.Pow(a.L2Norm(), 2));
    }

    /// <summary>
    /// ⟨w, ∇_w f(x)⟩ over the weights W and a only (biases and c are not weights), from the hand gradient:
    /// Σ_{k: z_k &gt; 0} [a_k·z_k (the a_k term) + a_k·⟨w_k, x⟩ (the w_k term)], z_k = ⟨w_k, x⟩ + b_k. For a bias-free net
    /// (b = 0, c = 0) this is 2f(x) (Euler, D = 2); biases break it.
    /// </summary>
    public static double EulerInner(DenseTwoLayerRelu net, ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int k = 0; k < net.Width; k++)
        {
            double wx = System.Numerics.Tensors.TensorPrimitives.Dot(net.W[k], x), z = wx + net.B[k];
            if (z > 0) s += net.A[k] * z + net.A[k] * wx;
        }
        return s;
    }
}
