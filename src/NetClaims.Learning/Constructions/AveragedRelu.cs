using System.Numerics;
using Fractions;
using NetClaims.Cube;
using NetClaims.Exact;
using NetClaims.Networks;

namespace NetClaims.Constructions;

/// <summary>
/// The averaged single ReLU g*(x) = (1/M_d)·Σ_{v∈{±1}^d} χ(v)·σ(⟨v,x⟩ + β), β = 0 (even d) / 1 (odd d),
/// the minimum-R-norm parity interpolant of docs/ahs23.md §1.4 ([DER+NUM], beyond the paper). Width 2^d.
/// The normaliser is built from its defining sum M_d = Σ_k (−1)^k C(d,k) σ(d − 2k + β); the cost claim compares with
/// the separate binomial closed form, so the construction and the closed form are computed independently.
/// </summary>
public static class AveragedRelu
{
    /// <summary>The catalogue name of the averaged single ReLU g*, the minimum-norm parity interpolant.</summary>
    public const string Name = "averaged-relu";

    const double BytesPerUnit = 128;

    /// <param name="d">Dimension.</param>
    /// <param name="signedM">Use the signed normaliser (false: |M_d|, the negative control giving −χ where M_d &lt; 0).</param>
    public static TwoLayerRelu Build(Dimension d, bool signedM = true)
    {
        SizeGuard.EnsureFits($"{Name} at d={d.Value} (2^{d.Value} units)", d.VertexCount, BytesPerUnit);
        return BuildSignUnits(d, signedM).ToTwoLayerRelu();
    }

    /// <summary>The same network in compact form (<see cref="SignUnitNetwork"/>): units σ(⟨v,x⟩ + β) with outputs χ(v)/M_d.</summary>
    public static SignUnitNetwork BuildSignUnits(Dimension d, bool signedM = true)
    {
        SizeGuard.EnsureFits($"{Name} at d={d.Value} (2^{d.Value} units, compact)", d.VertexCount, sizeof(long));
        int n = d.Value, beta = n % 2;
        var m = NormaliserBySum(d);
        if (!signedM) m = BigInteger.Abs(m);
        if (m.IsZero) throw new InvalidOperationException($"M_d's defining sum vanishes at d={n}: no normaliser makes the average equal χ");
        long count = (long)d.VertexCount;
        var outs = new long[count];
        Parallel.For(0, (count + 4095) / 4096, c =>
        {
            for (long v = c * 4096; v < Math.Min(count, (c + 1) * 4096); v++) outs[v] = Parity.Sign((ulong)v);
        });
        return new SignUnitNetwork(d, [new Fraction(beta)], [outs], new Fraction(BigInteger.One, m));
    }

    /// <summary>M_d from its defining sum Σ_k (−1)^k C(d,k) σ(d − 2k + β).</summary>
    public static BigInteger NormaliserBySum(Dimension d)
    {
        int n = d.Value, beta = n % 2;
        var m = BigInteger.Zero;
        for (int k = 0; k <= n; k++)
        {
            int pre = n - 2 * k + beta;
            if (pre > 0) m += (k % 2 == 0 ? 1 : -1) * IntegerMath.Binomial(n, k) * pre;
        }
        return m;
    }

    /// <summary>M_d closed form (docs/ahs23.md §1.4, valid for d ≥ 2): (−1)^{d/2−1}·2C(d−2,d/2−1) even, (−1)^{(d−1)/2}·C(d−1,(d−1)/2) odd.</summary>
    public static BigInteger NormaliserClosedForm(Dimension d)
    {
        int n = d.Value;
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(d), "the closed form of M_d holds for d ≥ 2");
        return n % 2 == 0
            ? ((n / 2 - 1) % 2 == 0 ? 1 : -1) * 2 * IntegerMath.Binomial(n - 2, n / 2 - 1)
            : (((n - 1) / 2) % 2 == 0 ? 1 : -1) * IntegerMath.Binomial(n - 1, (n - 1) / 2);
    }

    /// <summary>Closed form C(g*) = √d·2^d/|M_d| = 1/ρ_d (d ≥ 2).</summary>
    public static SurdSum ClosedFormCost(Dimension d) =>
        SurdSum.Of(new Fraction(BigInteger.One << d.Value, BigInteger.Abs(NormaliserClosedForm(d))), d.Value);
}
