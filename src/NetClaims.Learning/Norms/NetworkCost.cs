using System.Numerics;
using Fractions;
using NetClaims.Exact;
using NetClaims.Networks;

namespace NetClaims.Norms;

/// <summary>
/// The network cost C(g) = Σ_i |u_i|·‖w_i‖₂ (biases and the free affine part not counted): the representation cost
/// that upper-bounds the R-norm (docs/ahs23.md §1.0). Held exactly as a <see cref="SurdSum"/>.
/// </summary>
public static class NetworkCost
{
    /// <summary>C(g) exactly, summed from the network's own weights.</summary>
    public static SurdSum Exact(TwoLayerRelu net, RNormVariant variant = RNormVariant.FreeAffine)
    {
        // Group by squared inner norm first: the averaged constructions have 2^d units of the same norm,
        // and summing |u| per norm keeps this linear with few big-rational square-root reductions.
        var byNorm = new Dictionary<BigInteger, Fraction>();
        foreach (var u in net.Units)
        {
            var n = u.W.NormSquared;
            byNorm[n] = (byNorm.TryGetValue(n, out var q) ? q : Fraction.Zero) + Fraction.Abs(u.Out);
        }
        var total = SurdSum.Zero;
        foreach (var (n, q) in byNorm) total += SurdSum.Of(q, n);
        if (variant == RNormVariant.FreeConstant && !net.HasZeroLinearPart)
        {
            // ‖v‖₂ = √(Σ v_j²) with rational v_j: write Σv_j² = p/q, so ‖v‖ = √(p·q)/q.
            var s = net.Linear.Aggregate(Fraction.Zero, (acc, v) => acc + v * v);
            total += SurdSum.Of(new Fraction(2) / new Fraction(s.Denominator), s.Numerator * s.Denominator);
        }
        return total;
    }

    /// <summary>C(g) in double arithmetic, summed unit by unit (an independent float path for cross-checks).</summary>
    public static double Float(TwoLayerRelu net)
    {
        double s = 0;
        foreach (var u in net.Units) s += Math.Abs(u.Out.ToDouble()) * Math.Sqrt((double)u.W.NormSquared);
        return s;
    }

    /// <summary>C(f) = Σ_k |a_k|·‖w_k‖₂ of a float network (random-feature and trained nets).</summary>
    public static double Float(DenseTwoLayerRelu net) => net.Cost;
}
