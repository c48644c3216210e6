using System.Numerics;
using NetClaims.Cube;
using NetClaims.Exact;

namespace NetClaims.Norms;

/// <summary>
/// Correlation of a single ReLU neuron with parity, E_x[χ(x)σ(⟨w,x⟩+b)] over the uniform cube (docs/ahs23.md §1.4, §1.6),
/// maximised exactly over the bias b: as a function of b it is piecewise linear with breakpoints b = −⟨w,x⟩ and
/// vanishes as b → ±∞ for d ≥ 2 (affine functions are uncorrelated with χ), so the maximum of |·| is at a breakpoint.
/// </summary>
public static class NeuronCorrelation
{
    /// <summary>max_b |E[χσ(⟨w,x⟩+b)]| and the maximising b, exhaustively over {±1}^d (float64; d ≥ 2).</summary>
    public static (double Correlation, double Bias) MaxOverBias(ReadOnlySpan<double> w) => MaxOverBias(w, (1UL << w.Length) - 1);

    /// <summary>The same for χ_S, S given as a bit-mask (|S| ≥ 2, or an affine function could correlate).</summary>
    public static (double Correlation, double Bias) MaxOverBias(ReadOnlySpan<double> w, ulong subset)
    {
        int d = w.Length;
        if (d < 2 || BitOperations.PopCount(subset) < 2) throw new ArgumentOutOfRangeException(nameof(w), "the correlation lemma needs d ≥ 2 and |S| ≥ 2");
        var dim = new Dimension(d);
        SizeGuard.EnsureFits($"projections of the {dim.VertexCount} vertices at d={d}", dim.VertexCount, 16);
        int n = (int)dim.VertexCount;
        var p = new double[n];
        var chi = new int[n];
        for (int x = 0; x < n; x++)
        {
            double s = 0;
            for (int i = 0; i < d; i++) s += ((x >> i) & 1) == 0 ? w[i] : -w[i];
            p[x] = s;
            chi[x] = (BitOperations.PopCount((ulong)x & subset) & 1) == 0 ? 1 : -1;
        }
        // Sort projections descending; at b = −p_(j) the active units are the first j−1 (ties add χ·0).
        Array.Sort(p, chi);
        Array.Reverse(p);
        Array.Reverse(chi);
        double s1 = 0, s0 = 0, best = 0, bestB = 0;
        for (int j = 0; j < n; j++)
        {
            double b = -p[j];
            double f = (s1 + b * s0) / n;
            if (Math.Abs(f) > best) (best, bestB) = (Math.Abs(f), b);
            s1 += chi[j] * p[j];
            s0 += chi[j];
        }
        return (best, bestB);
    }

    /// <summary>
    /// ρ_d = sup over unit w and b (docs/ahs23.md §1.4 D2, [DER+NUM]: attained at w ∝ s ∈ {±1}^d):
    /// even d: 2·C(d−2, d/2−1)/(2^d√d); odd d: C(d−1, (d−1)/2)/(2^d√d).
    /// </summary>
    public static SurdSum Rho(Dimension d)
    {
        int n = d.Value;
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(d), "ρ_d is defined here for d ≥ 2");
        var top = n % 2 == 0 ? 2 * IntegerMath.Binomial(n - 2, n / 2 - 1) : IntegerMath.Binomial(n - 1, (n - 1) / 2);
        // top/(2^d·√d) = top·√d/(2^d·d).
        return SurdSum.Of(new Fractions.Fraction(top, (BigInteger.One << n) * n), n);
    }
}
