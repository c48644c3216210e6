using System.Numerics;
using Fractions;
using NetClaims.Cube;
using NetClaims.Networks;

namespace NetClaims.Constructions;

/// <summary>
/// AHS Theorem 5 by random-direction sampling of the Theorem-4 average (THEOREMS.md §1.5, [DER]): draw v_1…v_m iid
/// uniform on {±1}^d and set g_m(x) = (Q/m)·Σ_j χ(v_j)·s(⟨v_j,x⟩ − β). Width 3m; cost exactly 4√d|Q| for every sample.
/// </summary>
public static class SampledBlades
{
    public const string Name = "sampled-blades";

    /// <summary>
    /// The width from Bernstein's inequality and a union bound over the 2^d vertices:
    /// m = ⌈2(|Q| − 1 + (|Q|+1)ε/3)(d ln 2 + ln(2/δ))/ε²⌉ gives P(max_x |g_m − χ| ≤ ε) ≥ 1 − δ.
    /// </summary>
    public static int BernsteinWidth(Dimension d, double epsilon, double delta)
    {
        if (!(epsilon > 0) || !(delta > 0 && delta < 1)) throw new ArgumentOutOfRangeException(nameof(epsilon), "need ε > 0 and 0 < δ < 1");
        double q = Math.Abs(AveragedBlades.Q(d).ToDouble());
        return (int)Math.Ceiling(2 * (q - 1 + (q + 1) * epsilon / 3) * (d.Value * Math.Log(2) + Math.Log(2 / delta)) / (epsilon * epsilon));
    }

    /// <summary>g_m for directions drawn with <paramref name="seed"/> (System.Random: deterministic for a seed).</summary>
    public static TwoLayerRelu Build(Dimension d, int m, int seed)
    {
        if (m < 1) throw new ArgumentOutOfRangeException(nameof(m), "need at least one blade");
        SizeGuard.EnsureFits($"{Name} with m={m}", 3.0 * m, 128);
        var rng = new Random(seed);
        int n = d.Value, shift = n % 2;
        var plus = AveragedBlades.Q(d) / new Fraction(m);
        var units = new List<ReluUnit>(3 * m);
        for (int j = 0; j < m; j++)
        {
            ulong v = (ulong)rng.NextInt64() & (d.VertexCount - 1);
            units.AddRange(Blade.Units(InnerWeight.Sign(v, n), 1, shift, Parity.Sign(v) > 0 ? plus : -plus));
        }
        return new TwoLayerRelu(d, units);
    }
}
