using System.Numerics;
using Fractions;
using NetClaims.Cube;
using NetClaims.Exact;

namespace NetClaims.Networks;

/// <summary>
/// Exact evaluation of a <see cref="SignUnitNetwork"/> on every vertex of {±1}^d by Walsh–Hadamard transforms.
/// <para>
/// With D_b the lcm of the bias denominators and B_j = D_b·b_j, unit (j, v) at x is σ(D_b(d − 2|v ⊕ x|) + B_j)/D_b, a
/// function t_j of the Hamming distance alone. So V(x) = Σ_j Σ_v N_j[v]·t_j(|v ⊕ x|) is a sum of group convolutions
/// N_j ⋆ T_j on {0,1}^d, and 2^d·V = WHT(Σ_j WHT(N_j)·T̂_j) with T̂_j(s) = Σ_k t_j(k)·K_k(|s|) (Krawtchouk): one
/// transform per bias class plus one, O((J + 1)·d·2^d) additions instead of 2^d·2^d neuron evaluations. The network's
/// own units are summed — never a construction's closed form — and g(x) = OutputScale·V(x)/D_b.
/// </para>
/// <para>
/// Exactness: the transforms run in wrapping arithmetic (a ring homomorphism), so the result is exact once the true
/// |2^d·V(x)| ≤ 2^d·Σ_j Σ_v |N_j[v]|·max_k |t_j(k)| is below 2^63; that bound is computed before the run, and when it
/// fails the same transforms run in 128 bits (exact below 2^127). V itself must fit 64 bits, or the network is refused.
/// </para>
/// </summary>
public static class SignUnitEvaluator
{
    /// <summary>Bytes per vertex: the accumulator and one work array (64-bit path; the 128-bit path needs twice this).</summary>
    public const int BytesPerVertex = 16;

    /// <summary>The exact values: g(x) = <see cref="Unit"/>·<see cref="Scaled"/>[x].</summary>
    public sealed record Values(long[] Scaled, Fraction Unit, bool Used128Bits);

    /// <summary>V(x) for every vertex (see the type's remarks), and the unit that turns it into g(x).</summary>
    public static Values Evaluate(SignUnitNetwork net, CancellationToken cancel = default)
    {
        int d = net.Dim.Value;
        if (d > 30) throw new SizeRefusedException($"the transform at d={d} needs 2^{d} vertices in memory; d ≤ 30");
        long n = 1L << d;
        var dBias = net.Biases.Aggregate(BigInteger.One, (l, b) => IntegerMath.Lcm(l, b.Denominator));
        var tables = new long[net.Biases.Count][];
        BigInteger bound = 0;
        for (int j = 0; j < net.Biases.Count; j++)
        {
            var scaledBias = net.Biases[j] * new Fraction(dBias);
            var t = new BigInteger[d + 1];
            for (int k = 0; k <= d; k++) t[k] = BigInteger.Max(0, dBias * (d - 2 * k) + scaledBias.Numerator);
            var maxT = t.Max();
            if (maxT > long.MaxValue >> 1) throw new SizeRefusedException($"a scaled pre-activation ({maxT}) does not fit 64 bits");
            tables[j] = t.Select(v => (long)v).ToArray();
            BigInteger sumAbs = 0;
            foreach (var u in net.Numerators[j]) sumAbs += Math.Abs(u);
            bound += sumAbs * maxT;
        }
        if (bound >= BigInteger.One << 63) throw new SizeRefusedException($"network values may reach {bound}, beyond 64 bits");
        bool wide = (bound << d) >= BigInteger.One << 63;
        if (wide && (bound << d) >= BigInteger.One << 127) throw new SizeRefusedException($"the transform's values may reach 2^{d}·{bound}, beyond 128 bits");
        SizeGuard.EnsureFits($"the transform at d={d}", n, wide ? 2 * BytesPerVertex : BytesPerVertex);

        var kraw = WalshHadamard.Krawtchouk(d);
        // T̂_j by weight class |s| = w (wrapping: only the final value must be in range).
        var hats = tables.Select(t => Enumerable.Range(0, d + 1).Select(w =>
        {
            long s = 0;
            unchecked { for (int k = 0; k <= d; k++) s += t[k] * kraw[k, w]; }
            return s;
        }).ToArray()).ToArray();
        var unit = net.OutputScale / new Fraction(dBias);
        var scaled = wide ? Run128(net, hats, d, cancel) : Run64(net, hats, d, cancel);
        return new Values(scaled, unit, wide);
    }

    const int Chunk = 1 << 14;

    static long[] Run64(SignUnitNetwork net, long[][] hats, int d, CancellationToken cancel)
    {
        long n = 1L << d;
        var acc = new long[n];
        var buf = new long[n];
        for (int j = 0; j < hats.Length; j++)
        {
            cancel.ThrowIfCancellationRequested();
            Array.Copy(net.Numerators[j], buf, n);
            WalshHadamard.Transform(buf);
            var hat = hats[j];
            ForChunks(n, (lo, hi) => { unchecked { for (long s = lo; s < hi; s++) acc[s] += buf[s] * hat[BitOperations.PopCount((ulong)s)]; } }, cancel);
        }
        WalshHadamard.Transform(acc);
        // acc = 2^d·V exactly (the bound), so the arithmetic shift divides exactly.
        ForChunks(n, (lo, hi) => { for (long x = lo; x < hi; x++) acc[x] >>= d; }, cancel);
        return acc;
    }

    static long[] Run128(SignUnitNetwork net, long[][] hats, int d, CancellationToken cancel)
    {
        long n = 1L << d;
        var acc = new Int128[n];
        var buf = new Int128[n];
        for (int j = 0; j < hats.Length; j++)
        {
            cancel.ThrowIfCancellationRequested();
            var num = net.Numerators[j];
            ForChunks(n, (lo, hi) => { for (long v = lo; v < hi; v++) buf[v] = num[v]; }, cancel);
            WalshHadamard.Transform(buf);
            var hat = hats[j];
            ForChunks(n, (lo, hi) => { unchecked { for (long s = lo; s < hi; s++) acc[s] += buf[s] * hat[BitOperations.PopCount((ulong)s)]; } }, cancel);
        }
        WalshHadamard.Transform(acc);
        var result = new long[n];
        ForChunks(n, (lo, hi) => { for (long x = lo; x < hi; x++) result[x] = (long)(acc[x] >> d); }, cancel);
        return result;
    }

    static void ForChunks(long n, Action<long, long> body, CancellationToken cancel) =>
        Parallel.For(0, (n + Chunk - 1) / Chunk, new ParallelOptions { CancellationToken = cancel }, c => body(c * Chunk, Math.Min(n, (c + 1) * Chunk)));

    /// <summary>
    /// The exhaustive check against χ_S: mismatches, the first mismatching vertex and the exact maximum error, from the
    /// exact values; the float column is the exact maximum error rounded to double (this path has no separate float64
    /// evaluation of the neurons).
    /// </summary>
    public static CubeCheck Check(SignUnitNetwork net, Parity target, CancellationToken cancel = default)
    {
        if (target.Dim.Value != net.Dim.Value) throw new ArgumentException($"target has d={target.Dim.Value}, network has d={net.Dim.Value}");
        var values = Evaluate(net, cancel);
        // g(x) = (p/q)·V(x) equals χ(x) ⟺ p·V(x) = q·χ(x).
        var p = values.Unit.Numerator;
        var q = values.Unit.Denominator;
        if (BigInteger.Abs(p) > long.MaxValue || q > long.MaxValue)
            throw new SizeRefusedException($"the output unit {values.Unit} does not fit 64-bit exact comparison");
        Int128 p128 = (Int128)(long)p, q128 = (Int128)(long)q;
        long n = values.Scaled.LongLength;
        ulong mismatches = 0;
        long first = long.MaxValue;
        Int128 maxGap = 0;
        var gate = new object();
        Parallel.For(0, (n + Chunk - 1) / Chunk, new ParallelOptions { CancellationToken = cancel }, c =>
        {
            ulong mis = 0;
            long f = long.MaxValue;
            Int128 gap = 0;
            for (long x = c * Chunk, hi = Math.Min(n, (c + 1) * Chunk); x < hi; x++)
            {
                Int128 e = p128 * values.Scaled[x] - q128 * target.At((ulong)x);
                if (e == 0) continue;
                mis++;
                if (x < f) f = x;
                var a = Int128.Abs(e);
                if (a > gap) gap = a;
            }
            lock (gate)
            {
                mismatches += mis;
                first = Math.Min(first, f);
                if (gap > maxGap) maxGap = gap;
            }
        });
        var maxError = new Fraction((BigInteger)maxGap, q);
        bool any = first != long.MaxValue;
        return new CubeCheck((ulong)n, mismatches, any ? (ulong)first : null,
            any ? (values.Unit * new Fraction(values.Scaled[first])).ToString() : null, maxError.ToDouble(), maxError);
    }
}
