using System.Numerics;
using Fractions;
using NetClaims.Cube;

namespace NetClaims.Networks;

public sealed partial class CubeEvaluator
{
    /// <summary>Upper limit on neuron-group evaluations for one exhaustive run (≈ a few minutes on 2 cores).</summary>
    public const double OperationCap = 1L << 38;

    /// <summary>
    /// Evaluates the network exactly on every vertex and compares with the parity target.
    /// Streams the cube in parallel chunks; nothing of size 2^d is allocated.
    /// </summary>
    /// <param name="target">The target χ_S.</param>
    /// <param name="stopAtFirstMismatch">Stop early once any mismatch is known (negative controls, shrinking).</param>
    /// <param name="progress">Receives the number of vertices done so far, now and then.</param>
    /// <param name="cancel">Stops the run between chunks.</param>
    public CubeCheck Check(Parity target, bool stopAtFirstMismatch = false, IProgress<ulong>? progress = null, CancellationToken cancel = default)
    {
        if (target.Dim.Value != d) throw new ArgumentException($"target has d={target.Dim.Value}, network has d={d}");
        ulong n = target.Dim.VertexCount;
        SizeGuard.EnsureFeasible($"exhaustive check at d={d} ({GroupCount} weight groups × 2^{d} vertices)", (double)n * Math.Max(1, GroupCount), OperationCap);
        const ulong chunk = 1 << 12;
        long chunks = (long)((n + chunk - 1) / chunk);
        ulong mismatches = 0, done = 0, first = ulong.MaxValue;
        long maxExact = 0;
        double maxErr = 0;
        var gate = new object();
        var options = new ParallelOptions { CancellationToken = cancel };
        Parallel.For(0L, chunks, options, (ci, state) =>
        {
            if (stopAtFirstMismatch && Volatile.Read(ref first) != ulong.MaxValue) { state.Stop(); return; }
            ulong lo = (ulong)ci * chunk, hi = Math.Min(n, lo + chunk);
            ulong localMis = 0, localFirst = ulong.MaxValue;
            long localMaxExact = 0;
            double localErr = 0;
            for (ulong x = lo; x < hi; x++)
            {
                int t = target.At(x);
                var (s, f) = Evaluate(x);
                long gap = Math.Abs(s - t * scale);
                if (gap > localMaxExact) localMaxExact = gap;
                if (gap != 0)
                {
                    localMis++;
                    if (x < localFirst) localFirst = x;
                }
                double err = Math.Abs(f - t);
                // NaN never passes: it is recorded as an infinite error.
                if (double.IsNaN(err)) err = double.PositiveInfinity;
                if (err > localErr) localErr = err;
            }
            lock (gate)
            {
                mismatches += localMis;
                if (localFirst < first) first = localFirst;
                if (localErr > maxErr) maxErr = localErr;
                if (localMaxExact > maxExact) maxExact = localMaxExact;
                done += hi - lo;
                progress?.Report(done);
            }
        });
        string? value = first == ulong.MaxValue ? null : ExactValue(first).ToString();
        return new CubeCheck(done, mismatches, first == ulong.MaxValue ? null : first, value, maxErr, new Fraction(maxExact, scale));
    }

    /// <summary>
    /// Exact moments against a parity target over the uniform cube: E[g·χ_S] and E[(g − χ_S)²] as rationals
    /// (sums of scaled integers in big integers, divided once).
    /// </summary>
    public (Fraction Correlation, Fraction SquaredError) Moments(Parity target)
    {
        if (target.Dim.Value != d) throw new ArgumentException($"target has d={target.Dim.Value}, network has d={d}");
        ulong n = target.Dim.VertexCount;
        SizeGuard.EnsureFeasible($"exact moments at d={d}", (double)n * Math.Max(1, GroupCount), OperationCap);
        BigInteger corr = 0, sq = 0;
        for (ulong x = 0; x < n; x++)
        {
            int t = target.At(x);
            long s = Evaluate(x).Exact;
            corr += t * (BigInteger)s;
            var gap = (BigInteger)s - t * (BigInteger)scale;
            sq += gap * gap;
        }
        var N = new BigInteger(n);
        return (new Fraction(corr, N * scale), new Fraction(sq, N * scale * scale));
    }

    /// <summary>g(x) exactly, as a rational (scaled integer sum divided by <see cref="Scale"/>).</summary>
    public Fraction ExactValue(ulong x) => new Fraction(new BigInteger(Evaluate(x).Exact), new BigInteger(scale));

    /// <summary>(D_out·D_b·g(x), g_f64(x)) at one vertex.</summary>
    public (long Exact, double Float) Evaluate(ulong x)
    {
        long s = linC;
        double f = linCf;
        for (int j = 0; j < linV.Length; j++)
        {
            bool neg = ((x >> j) & 1) != 0;
            s += neg ? -linV[j] : linV[j];
            f += neg ? -linVf[j] : linVf[j];
        }
        var m = masks.AsSpan();
        var c = coefs.AsSpan();
        var eo = exactOffsets.AsSpan();
        var fo = floatOffsets.AsSpan();
        var et = exactTables.AsSpan();
        var ft = floatTables.AsSpan();
        for (int g = 0; g < m.Length; g++)
        {
            int k = BitOperations.PopCount(m[g] ^ x);
            s += c[g] * et[eo[g] + k];
            f += ft[fo[g] + k];
        }
        for (int i = 0; i < denseW.Length; i++)
        {
            long z = denseW[i].DotVertex(x);
            long pre = dB * z + denseB[i];
            if (pre > 0) s += denseU[i] * pre;
            f += denseUf[i] * Math.Max(0, z + denseBf[i]);
        }
        return (s, f);
    }
}
