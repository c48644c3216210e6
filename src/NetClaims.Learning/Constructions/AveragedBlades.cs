using System.Numerics;
using Fractions;
using NetClaims.Cube;
using NetClaims.Exact;
using NetClaims.Networks;

namespace NetClaims.Constructions;

/// <summary>
/// Averaged single-bladed sawtooth (AHS Theorem 4; docs/ahs23.md §1.3):
/// g(x) = (Q/2^d)·Σ_{v∈{±1}^d} χ(v)·s_h(⟨v,x⟩ − β), β = 0 for even d and 1 for odd d (the shifted blade [DER]),
/// Q = (−1)^{d/2}·2^d/C(d,d/2) (even d) or (−1)^{(d−1)/2}·2^d/C(d,(d−1)/2) (odd d). Width 3·2^d.
/// h = 1 is the theorem's blade; h = 2 the half-width-2 blade with the same Q at half the cost.
/// The network takes Q from its own normalising sum (<see cref="NormaliserBySum"/>: the value that makes g = χ, by the
/// key symmetry Σ_v χ(v)s(⟨v,x⟩−β) = χ(x)·Σ_u χ(u)s(1ᵀu−β)); the cost claims compare with the separate binomial closed
/// form <see cref="Q"/>, so the construction and the closed form are computed independently.
/// </summary>
public static class AveragedBlades
{
    /// <summary>The catalogue name of the averaged-blades construction (Theorem 4).</summary>
    public const string Name = "averaged-blades";
    /// <summary>The catalogue name of the half-width (h = 2) blades, at half the cost.</summary>
    public const string HalfWidthName = "half-width-blades";

    /// <summary>Bytes per hidden unit held in memory (unit record, two rationals, shared weight); for the size guard.</summary>
    const double BytesPerUnit = 128;

    /// <param name="d">Dimension.</param>
    /// <param name="halfWidth">Blade half-width h (1: Theorem 4; 2: the half-width-2 improvement).</param>
    /// <param name="signedQ">Use the sign of Q (false: |Q|, the negative control that gives −χ when d ≡ 2, 3 mod 4).</param>
    /// <param name="shiftOdd">Shift the blade by 1 for odd d (false: centred blade, which gives g ≡ 0 for odd d).</param>
    /// <param name="normaliser">Q to use instead of the blade's own normalising sum (for false variants that keep a Q
    /// believed to work, e.g. the centred blade for odd d, whose sum is 0).</param>
    public static TwoLayerRelu Build(Dimension d, int halfWidth = 1, bool signedQ = true, bool shiftOdd = true, Fraction? normaliser = null)
    {
        SizeGuard.EnsureFits($"{Name} at d={d.Value} (3·2^{d.Value} units)", 3.0 * d.VertexCount, BytesPerUnit);
        return BuildSignUnits(d, halfWidth, signedQ, shiftOdd, normaliser).ToTwoLayerRelu();
    }

    /// <summary>
    /// The same network in compact form (<see cref="SignUnitNetwork"/>): blade v is χ(v)·(Q/2^d)·s_h(⟨v,x⟩ − shift),
    /// i.e. three units σ(⟨v,x⟩ + b) at b = h − shift, −shift, −h − shift with outputs χ(v)·Q/(2^d·h)·(1, −2, 1).
    /// </summary>
    public static SignUnitNetwork BuildSignUnits(Dimension d, int halfWidth = 1, bool signedQ = true, bool shiftOdd = true, Fraction? normaliser = null)
    {
        if (halfWidth < 1) throw new ArgumentOutOfRangeException(nameof(halfWidth), "blade half-width must be ≥ 1");
        SizeGuard.EnsureFits($"{Name} at d={d.Value} (3·2^{d.Value} units, compact)", 3.0 * d.VertexCount, sizeof(long));
        int n = d.Value;
        int shift = shiftOdd && n % 2 == 1 ? 1 : 0;
        var q = normaliser ?? NormaliserBySum(d, halfWidth, shift);
        if (!signedQ) q = Fraction.Abs(q);
        long count = (long)d.VertexCount;
        var outer = new long[count];
        var middle = new long[count];
        Parallel.For(0, (count + 4095) / 4096, c =>
        {
            for (long v = c * 4096; v < Math.Min(count, (c + 1) * 4096); v++)
            {
                long chi = Parity.Sign((ulong)v);
                outer[v] = chi;
                middle[v] = -2 * chi;
            }
        });
        return new SignUnitNetwork(d, [new Fraction(halfWidth - shift), new Fraction(-shift), new Fraction(-halfWidth - shift)],
            [outer, middle, (long[])outer.Clone()], q / new Fraction((BigInteger.One << n) * halfWidth));
    }

    /// <summary>
    /// Q = 2^d / Σ_k (−1)^k C(d,k)·s_h(d − 2k − shift), the normaliser that makes the average equal χ (k counts the −1
    /// entries of u, so 1ᵀu = d − 2k and χ(u) = (−1)^k). Throws when the sum vanishes (no normalisation exists).
    /// </summary>
    public static Fraction NormaliserBySum(Dimension d, int halfWidth, int shift)
    {
        int n = d.Value;
        var sum = Fraction.Zero;
        for (int k = 0; k <= n; k++)
        {
            int z = n - 2 * k - shift;
            // s_h(z) = (σ(z+h) − 2σ(z) + σ(z−h))/h.
            var tent = new Fraction(Math.Max(0, z + halfWidth) - 2 * Math.Max(0, z) + Math.Max(0, z - halfWidth), halfWidth);
            if (!tent.IsZero) sum += (k % 2 == 0 ? 1 : -1) * new Fraction(IntegerMath.Binomial(n, k)) * tent;
        }
        if (sum.IsZero) throw new InvalidOperationException($"the blade's normalising sum vanishes at d={n} (half-width {halfWidth}, shift {shift}): no Q makes the average equal χ");
        return new Fraction(BigInteger.One << n) / sum;
    }

    /// <summary>Q with its sign in closed form, docs/ahs23.md §1.3 [DER]: (−1)^m·2^d/C(d, m), m = ⌊d/2⌋.</summary>
    public static Fraction Q(Dimension d)
    {
        int n = d.Value;
        int m = n % 2 == 0 ? n / 2 : (n - 1) / 2;
        var sign = m % 2 == 0 ? BigInteger.One : BigInteger.MinusOne;
        return new Fraction(sign * (BigInteger.One << n), IntegerMath.Binomial(n, m));
    }

    /// <summary>Closed form: C = (4/h)·√d·|Q| (4√d|Q| for Theorem 4, 2√d|Q| for half-width 2).</summary>
    public static SurdSum ClosedFormCost(Dimension d, int halfWidth = 1) =>
        SurdSum.Of(new Fraction(4, halfWidth) * Fraction.Abs(Q(d)), d.Value);
}
