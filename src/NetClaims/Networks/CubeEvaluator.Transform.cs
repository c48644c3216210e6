using System.Numerics;
using Fractions;
using NetClaims.Cube;

namespace NetClaims.Networks;

public sealed partial class CubeEvaluator
{
    /// <summary>Whether every hidden unit has a sign-vector inner weight (the transform path needs this).</summary>
    public bool SignUnitsOnly => denseW.Length == 0;

    /// <summary>
    /// D_out·D_b·g(x) for every vertex x at once, exactly, by Walsh–Hadamard transforms: with A_k(w) the group of
    /// direction w's exact table entry at distance k, g = Σ_k A_k ⋆ S_k, computed as WHT⁻¹(Σ_k Â_k·K_k(|·|)) — d + 2
    /// transforms, O(d²·2^d) operations instead of O(groups·2^d). It evaluates the network's own neuron tables, never a
    /// construction's closed form. Overflow: |2^d·g_scaled(x)| ≤ 2^d·(Σ_groups |coef|·max_k|table| + affine) is checked
    /// below 2^63 before the run, so the wrapping arithmetic returns exact values.
    /// </summary>
    public long[] ValuesByTransform(CancellationToken cancel = default)
    {
        if (!SignUnitsOnly) throw new InvalidOperationException("the transform path needs sign-vector inner weights only; use Check");
        ulong n = 1UL << d;
        SizeGuard.EnsureFits($"the transform at d={d} (two arrays of 2^{d} 64-bit integers)", 2.0 * n, 8);
        BigInteger bound = BigInteger.Abs(linC) + linV.Aggregate(BigInteger.Zero, (s, v) => s + BigInteger.Abs(v));
        for (int g = 0; g < masks.Length; g++)
        {
            long maxAbs = 0;
            for (int k = 0; k <= d; k++) maxAbs = Math.Max(maxAbs, Math.Abs(exactTables[exactOffsets[g] + k]));
            bound += BigInteger.Abs(coefs[g]) * maxAbs;
        }
        if ((bound << d) >= BigInteger.One << 63)
            throw new SizeRefusedException($"the transform's values may reach 2^{d}·{bound}, beyond 64-bit; use the direct evaluator");
        var krawtchouk = WalshHadamard.Krawtchouk(d);
        var acc = new long[n];
        var buf = new long[n];
        for (int k = 0; k <= d; k++)
        {
            cancel.ThrowIfCancellationRequested();
            Array.Clear(buf);
            bool any = false;
            unchecked
            {
                for (int g = 0; g < masks.Length; g++)
                {
                    long v = coefs[g] * exactTables[exactOffsets[g] + k];
                    if (v == 0) continue;
                    buf[masks[g]] += v;
                    any = true;
                }
            }
            if (!any) continue;
            WalshHadamard.Transform(buf);
            int kk = k;
            Parallel.For(0L, (long)n, s => { unchecked { acc[s] += buf[s] * krawtchouk[kk, BitOperations.PopCount((ulong)s)]; } });
        }
        cancel.ThrowIfCancellationRequested();
        WalshHadamard.Transform(acc);
        // acc = 2^d·(Σ_units part): exact after the bound, and divisible by 2^d; then the affine part.
        Parallel.For(0L, (long)n, x =>
        {
            long s = acc[x] >> d;
            s += linC;
            for (int j = 0; j < linV.Length; j++) s += ((x >> j) & 1) != 0 ? -linV[j] : linV[j];
            acc[x] = s;
        });
        return acc;
    }

    /// <summary>
    /// The exhaustive check of <see cref="Check"/> by the transform (<see cref="ValuesByTransform"/>): exact mismatches,
    /// first mismatch and max error as before; the float column is the exact value rounded once to double (no separate
    /// float evaluation of the neurons on this path).
    /// </summary>
    public CubeCheck CheckByTransform(Parity target, CancellationToken cancel = default)
    {
        if (target.Dim.Value != d) throw new ArgumentException($"target has d={target.Dim.Value}, network has d={d}");
        var values = ValuesByTransform(cancel);
        ulong mismatches = 0, first = ulong.MaxValue;
        long maxExact = 0;
        for (ulong x = 0; x < (ulong)values.Length; x++)
        {
            long gap = Math.Abs(values[x] - target.At(x) * scale);
            if (gap == 0) continue;
            mismatches++;
            if (x < first) first = x;
            if (gap > maxExact) maxExact = gap;
        }
        var maxError = new Fraction(maxExact, scale);
        return new CubeCheck((ulong)values.Length, mismatches, first == ulong.MaxValue ? null : first,
            first == ulong.MaxValue ? null : new Fraction(values[first], scale).ToString(), maxError.ToDouble(), maxError);
    }
}
