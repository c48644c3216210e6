using System.Numerics;
using Fractions;
using NetClaims.Cube;
using NetClaims.Networks;

namespace NetClaims.Constructions;

/// <summary>
/// AHS Theorem 5 by random-direction sampling of the Theorem-4 average (docs/ahs23.md §1.5, [DER]): draw v_1…v_m iid
/// uniform on {±1}^d and set g_m(x) = (Q/m)·Σ_j χ(v_j)·s(⟨v_j,x⟩ − β). Width 3m; cost exactly 4√d|Q| for every sample.
/// </summary>
public static class SampledBlades
{
    /// <summary>The catalogue name of the sampled blades (Theorem 5).</summary>
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

    /// <summary>
    /// g_m on every vertex in O(d·2^d), whatever m, exactly: the blade c·s_1(⟨v,x⟩ − (d mod 2)) is c at the vertices x
    /// with |v ⊕ x| = r = ⌊d/2⌋ and 0 elsewhere, so g_m = (Q/m)·k with the integers k = c ⋆ 1_{|·| = r} for the signed
    /// counts c(v) = Σ_j χ(v_j)[v_j = v] — one integer Walsh–Hadamard transform each way with the Krawtchouk values
    /// K_r(|s|) between (the second transform gives 2^d·k, divided exactly). Draws the same directions as <see cref="Build"/>.
    /// </summary>
    public static long[] SphereCounts(Dimension d, int m, int seed)
    {
        if (m < 1) throw new ArgumentOutOfRangeException(nameof(m), "need at least one blade");
        if (d.Value > 24) throw new SizeRefusedException($"{Name} on the cube: d={d.Value} > 24 (2^d integers)");
        // |2^d·k| ≤ 2^d·m·C(d, r) must stay below 2^62.
        if (Math.Log2(m) + d.Value + Math.Log2((double)Exact.IntegerMath.Binomial(d.Value, d.Value / 2)) > 62)
            throw new SizeRefusedException($"{Name} on the cube: m={m} at d={d.Value} leaves 64-bit range");
        var rng = new Random(seed);
        int n = 1 << d.Value, r = d.Value / 2;
        var c = new long[n];
        for (int j = 0; j < m; j++)
        {
            ulong v = (ulong)rng.NextInt64() & (d.VertexCount - 1);
            c[v] += Parity.Sign(v);
        }
        WalshHadamard.Transform(c);
        var kraw = WalshHadamard.KrawtchoukShared(d.Value);
        for (int s = 0; s < n; s++) c[s] *= kraw[r, BitOperations.PopCount((uint)s)];
        WalshHadamard.Transform(c);
        for (int x = 0; x < n; x++) c[x] >>= d.Value;
        return c;
    }

    /// <summary>g_m on every vertex (doubles from the exact integers of <see cref="SphereCounts"/>).</summary>
    public static double[] OnCube(Dimension d, int m, int seed)
    {
        double scale = AveragedBlades.Q(d).ToDouble() / m;
        return SphereCounts(d, m, seed).Select(k => scale * k).ToArray();
    }

    /// <summary>
    /// max_x |g_m(x) − χ(x)| over the whole cube, as the exact integer max_x |sgn(Q)·2^d·k(x) − χ(x)·C(d, r)·m| over its
    /// denominator C(d, r)·m (|Q| = 2^d/C(d, r)): <paramref name="numerator"/> ≤ ε·denominator decides "within ε" without
    /// rounding for dyadic ε.
    /// </summary>
    public static double MaxError(Dimension d, int m, int seed, out long numerator, out long denominator)
    {
        var k = SphereCounts(d, m, seed);
        long binom = (long)Exact.IntegerMath.Binomial(d.Value, d.Value / 2);
        int sign = AveragedBlades.Q(d).IsNegative ? -1 : 1;
        denominator = binom * m;
        long worst = 0;
        for (int x = 0; x < k.Length; x++)
            worst = Math.Max(worst, Math.Abs(sign * (k[x] << d.Value) - Parity.Sign((ulong)x) * denominator));
        numerator = worst;
        return worst / (double)denominator;
    }

    /// <summary>max_x |g_m(x) − χ(x)| over the whole cube (<see cref="MaxError(Dimension, int, int, out long, out long)"/>).</summary>
    public static double MaxError(Dimension d, int m, int seed) => MaxError(d, m, seed, out _, out _);

    /// <summary>Whether max_x |g_m(x) − χ(x)| ≤ ε, decided on the exact integers (exact for dyadic ε such as ½, ¼, ⅛).</summary>
    public static bool WithinEpsilon(Dimension d, int m, int seed, double epsilon)
    {
        MaxError(d, m, seed, out long num, out long den);
        return num <= epsilon * den;
    }
}
