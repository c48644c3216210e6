using System.Numerics;
using Fractions;
using NetClaims.Cube;
using NetClaims.Exact;

namespace NetClaims.Networks;

/// <summary>
/// Exhaustive exact evaluation of a <see cref="TwoLayerRelu"/> on {±1}^d, neuron by neuron, in 64-bit integers.
/// <para>
/// Why it is exact: with D_out the lcm of the output-side denominators and D_b that of the biases,
/// D_out·D_b·g(x) = Σ_i U_i·σ(D_b⟨w_i,x⟩ + B_i) + D_b(⟨V,x⟩ + C) with integers U, B, V, C. A bound on every
/// partial sum is checked before the run, so no overflow can occur.
/// </para>
/// <para>
/// Why it is fast: units sharing a sign-vector inner weight s form a group; on the cube ⟨s,x⟩ = d − 2·popcount(s ⊕ x)
/// takes only d+1 values, so the group's summed activations are tabulated once per value (an exact evaluation of
/// those very neurons at every pre-activation that can occur). Tables equal up to an integer factor are shared, so
/// the per-vertex loop is xor + popcount + one multiply-add per group, over tables that stay in L1.
/// The closed form a proof derives for g is never used.
/// </para>
/// </summary>
public sealed partial class CubeEvaluator
{
    readonly int d;
    readonly long scale;
    // Sign-vector groups: mask, integer coefficient, offset of the shared exact table, offset of the float table.
    readonly ulong[] masks;
    readonly long[] coefs;
    readonly int[] exactOffsets;
    readonly int[] floatOffsets;
    readonly long[] exactTables;
    readonly double[] floatTables;
    // Units on general integer weights, evaluated directly.
    readonly InnerWeight[] denseW;
    readonly long[] denseU, denseB;
    readonly double[] denseUf, denseBf;
    // Affine part, integer-scaled and float.
    readonly long[] linV;
    readonly long linC;
    readonly double[] linVf;
    readonly double linCf;
    readonly long dB;

    /// <summary>Compiles a network for exhaustive evaluation; refuses it with a clear message if it cannot be exact in 64 bits.</summary>
    public CubeEvaluator(TwoLayerRelu net)
    {
        d = net.Dim.Value;
        var dOut = BigInteger.One;
        foreach (var u in net.Units) dOut = IntegerMath.Lcm(dOut, u.Out.Denominator);
        foreach (var v in net.Linear) dOut = IntegerMath.Lcm(dOut, v.Denominator);
        dOut = IntegerMath.Lcm(dOut, net.Constant.Denominator);
        var dBias = BigInteger.One;
        foreach (var u in net.Units) dBias = IntegerMath.Lcm(dBias, u.Bias.Denominator);
        if (dOut * dBias > long.MaxValue >> 8)
            throw new SizeRefusedException($"common denominator {dOut * dBias} does not fit 64-bit exact evaluation");
        dB = (long)dBias;
        scale = (long)(dOut * dBias);

        long Int(Fraction q, BigInteger den) => ToLong(q * new Fraction(den), "a scaled weight");
        linV = net.Linear.Select(v => Int(v, dOut) * dB).ToArray();
        linC = Int(net.Constant, dOut) * dB;
        linVf = net.Linear.Select(v => v.ToDouble()).ToArray();
        linCf = net.Constant.ToDouble();

        var groups = new Dictionary<ulong, List<ReluUnit>>();
        var dense = new List<ReluUnit>();
        foreach (var u in net.Units)
        {
            if (u.Out.IsZero) continue;
            if (u.W is SignWeight s)
            {
                if (!groups.TryGetValue(s.Mask, out var list)) groups[s.Mask] = list = new List<ReluUnit>(3);
                list.Add(u);
            }
            else dense.Add(u);
        }

        denseW = dense.Select(u => u.W).ToArray();
        denseU = dense.Select(u => Int(u.Out, dOut)).ToArray();
        denseB = dense.Select(u => Int(u.Bias, dBias)).ToArray();
        denseUf = dense.Select(u => u.Out.ToDouble()).ToArray();
        denseBf = dense.Select(u => u.Bias.ToDouble()).ToArray();

        (masks, coefs, exactOffsets, floatOffsets, exactTables, floatTables) = Tabulate(groups, dOut, dBias);
        EnsureNoOverflow(dense);
    }

    /// <summary>D_out·D_b: the integer the exact sums are scaled by.</summary>
    public long Scale => scale;

    /// <summary>Number of distinct inner-weight groups evaluated per vertex.</summary>
    public int GroupCount => masks.Length + denseW.Length;

    static long ToLong(Fraction q, string what)
    {
        if (!q.Denominator.IsOne) throw new InvalidOperationException($"{what} is not an integer after scaling");
        if (BigInteger.Abs(q.Numerator) > long.MaxValue >> 8)
            throw new SizeRefusedException($"{what} ({q.Numerator}) is too large for 64-bit exact evaluation");
        return (long)q.Numerator;
    }
}
