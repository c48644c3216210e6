using System.Numerics;
using NetClaims.Cube;

namespace NetClaims.Networks;

/// <summary>
/// The Walsh–Hadamard transform on the group {0,1}^d (vertices as bit-masks) and what it buys on the cube: a function
/// of the Hamming distance alone, σ(⟨w,x⟩ − b) = σ(d − 2·|w ⊕ x| − b) for a sign vector w, makes Σ_w A(w)·[|w ⊕ x| = k]
/// a group convolution A ⋆ S_k with the Hamming sphere S_k, and WHT(S_k)(s) = K_k(|s|), the Krawtchouk polynomial.
/// So d + 2 transforms of size 2^d replace 4^d direct evaluations.
/// <para>
/// Integer transforms run in wrapping (mod 2^64) arithmetic: a ring homomorphism, so a result whose true value is known
/// to lie in (−2^63, 2^63) is recovered exactly however large the intermediate sums grew. Callers prove that bound.
/// </para>
/// </summary>
public static class WalshHadamard
{
    /// <summary>The unnormalised transform x̂(s) = Σ_y (−1)^{⟨s,y⟩} x(y), in place, wrapping mod 2^64.</summary>
    public static void Transform(long[] x)
    {
        int n = x.Length;
        if (n == 0 || (n & (n - 1)) != 0) throw new ArgumentException($"length {n} is not a power of 2");
        const int block = 1 << 13;
        int small = Math.Min(n, block);
        // Stages h < block stay inside cache-sized blocks: one pass per block, blocks in parallel.
        Parallel.For(0, n / small, bi => SmallStages(x.AsSpan(bi * small, small)));
        // Larger stages: contiguous spans (i, i + h) of length h, split into chunks run in parallel.
        for (int h = small; h < n; h *= 2)
        {
            int hh = h;
            int chunk = Math.Min(hh, block);
            int perPair = hh / chunk;
            Parallel.For(0, n / (2 * hh) * perPair, t =>
            {
                int pair = t / perPair, c = t % perPair;
                int i = pair * 2 * hh + c * chunk;
                Butterfly(x.AsSpan(i, chunk), x.AsSpan(i + hh, chunk));
            });
        }
    }

    static void SmallStages(Span<long> x)
    {
        int n = x.Length;
        unchecked
        {
            for (int h = 1; h < n && h < Vector<long>.Count; h *= 2)
                for (int i = 0; i < n; i += 2 * h)
                    for (int j = i; j < i + h; j++)
                    {
                        long a = x[j], b = x[j + h];
                        x[j] = a + b;
                        x[j + h] = a - b;
                    }
            for (int h = Vector<long>.Count; h < n; h *= 2)
                for (int i = 0; i < n; i += 2 * h)
                    Butterfly(x.Slice(i, h), x.Slice(i + h, h));
        }
    }

    // (a, b) ← (a + b, a − b), elementwise, wrapping.
    static void Butterfly(Span<long> a, Span<long> b)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
            for (; i + Vector<long>.Count <= a.Length; i += Vector<long>.Count)
            {
                var va = new Vector<long>(a[i..]);
                var vb = new Vector<long>(b[i..]);
                (va + vb).CopyTo(a[i..]);
                (va - vb).CopyTo(b[i..]);
            }
        unchecked
        {
            for (; i < a.Length; i++)
            {
                long p = a[i], q = b[i];
                a[i] = p + q;
                b[i] = p - q;
            }
        }
    }

    /// <summary>
    /// The unnormalised transform in 128-bit wrapping arithmetic, in place: the fallback when a proven bound does not fit
    /// 64 bits (scalar butterflies; about 3× the time of the 64-bit transform).
    /// </summary>
    public static void Transform(Int128[] x)
    {
        int n = x.Length;
        if (n == 0 || (n & (n - 1)) != 0) throw new ArgumentException($"length {n} is not a power of 2");
        const int chunk = 1 << 12;
        for (int h = 1; h < n; h *= 2)
        {
            int hh = h;
            // Pairs (j, j + h) for j in the lower half of each 2h-block, in chunks of consecutive j.
            int pairs = n / 2, chunks = Math.Max(1, pairs / chunk);
            Parallel.For(0, chunks, c =>
            {
                unchecked
                {
                    for (int t = c * (pairs / chunks); t < (c + 1) * (pairs / chunks); t++)
                    {
                        int j = (t / hh) * 2 * hh + t % hh;
                        Int128 a = x[j], b = x[j + hh];
                        x[j] = a + b;
                        x[j + hh] = a - b;
                    }
                }
            });
        }
    }

    /// <summary>The unnormalised transform of doubles, in place (for dual vectors; rounding ≈ d·ε·Σ|x|).</summary>
    public static void Transform(double[] x)
    {
        int n = x.Length;
        if (n == 0 || (n & (n - 1)) != 0) throw new ArgumentException($"length {n} is not a power of 2");
        for (int h = 1; h < n; h *= 2)
        {
            int hh = h;
            // Small transforms (the pricing of one sub-cube among thousands) run on the calling thread.
            ParallelFor(n / (2 * hh), n, p =>
            {
                int i = p * 2 * hh;
                for (int j = i; j < i + hh; j++)
                {
                    double a = x[j], b = x[j + hh];
                    x[j] = a + b;
                    x[j + hh] = a - b;
                }
            });
        }
    }

    /// <summary>Below this many entries a loop over an array is not worth the thread pool.</summary>
    internal const int ParallelThreshold = 1 << 13;

    /// <summary><c>Parallel.For(0, count, body)</c> when the array it works on has at least
    /// <see cref="ParallelThreshold"/> entries, a plain loop otherwise.</summary>
    internal static void ParallelFor(int count, int size, Action<int> body)
    {
        if (size >= ParallelThreshold) Parallel.For(0, count, body);
        else for (int i = 0; i < count; i++) body(i);
    }

    /// <summary>
    /// Krawtchouk values K_k(j) = Σ_i (−1)^i C(j, i)·C(d − j, k − i) for k, j ∈ [0, d] — the transform of the Hamming
    /// sphere of radius k at any s with |s| = j — exactly (|K_k(j)| ≤ C(d, k) &lt; 2^62 for d ≤ 62).
    /// </summary>
    public static long[,] Krawtchouk(int d)
    {
        if (d >= 0 && d < KrawtchoukTables.Length) return (long[,])KrawtchoukTables[d].Value.Clone();
        return KrawtchoukOf(d);
    }

    // A lookup table (pure function of d), not a result cache: the VP's ternary pricing asks for it per sub-cube.
    static readonly Lazy<long[,]>[] KrawtchoukTables = Enumerable.Range(0, 31).Select(d => new Lazy<long[,]>(() => KrawtchoukOf(d))).ToArray();

    /// <summary>The shared table (not a copy): callers must not write to it.</summary>
    internal static long[,] KrawtchoukShared(int d) => d >= 0 && d < KrawtchoukTables.Length ? KrawtchoukTables[d].Value : KrawtchoukOf(d);

    static long[,] KrawtchoukOf(int d)
    {
        var k = new long[d + 1, d + 1];
        for (int r = 0; r <= d; r++)
            for (int j = 0; j <= d; j++)
            {
                BigInteger s = 0;
                for (int i = 0; i <= Math.Min(j, r); i++)
                    s += (i % 2 == 0 ? 1 : -1) * Exact.IntegerMath.Binomial(j, i) * Exact.IntegerMath.Binomial(d - j, r - i);
                k[r, j] = (long)s;
            }
        return k;
    }
}
