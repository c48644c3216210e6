using System.Numerics;
using NetClaims.Cube;
using NetClaims.Networks;

namespace NetClaims.Solvers;

/// <summary>
/// The pricing step of column generation over the sign-direction dictionary: for a dual vector λ on the 2^d vertices,
/// the correlation Σ_x λ(x)·σ(⟨w,x⟩ − b) of every neuron with w ∈ {±1}^d (as a mask) and every bias b in a list, all at
/// once. With C_k(w) = Σ_{x: |w ⊕ x| = k} λ(x) = (λ ⋆ S_k)(w) the correlation is Σ_k σ(d − 2k − b)·C_k(w), and
/// C_k = WHT(λ̂·K_k(|·|))/2^d: d + 2 transforms instead of a 4^d double sum. A neuron's reduced cost in the LP
/// min Σ‖w‖|u| is ‖w‖ − |correlation| = √d − |correlation|.
/// </summary>
public static class SignDictionaryPricing
{
    /// <summary>correlations[i][w] = Σ_x λ(x)·σ(⟨w,x⟩ − biases[i]) for every mask w (floating point, rounding ≈ d·ε·Σ|λ|).</summary>
    public static double[][] Correlations(int d, double[] lambda, IReadOnlyList<int> biases)
    {
        var (n, result, krawtchouk) = Prepare(d, lambda.Length, biases.Count);
        var hat = (double[])lambda.Clone();
        WalshHadamard.Transform(hat);
        var buf = new double[n];
        for (int k = 0; k <= d; k++)
        {
            if (biases.All(b => d - 2 * k - b <= 0)) continue;
            int kk = k;
            WalshHadamard.ParallelFor(n, n, s => buf[s] = hat[s] * krawtchouk[kk, BitOperations.PopCount((uint)s)]);
            WalshHadamard.Transform(buf);
            for (int i = 0; i < biases.Count; i++)
            {
                double coef = Math.Max(0, d - 2 * k - biases[i]) / (double)n;
                if (coef == 0) continue;
                var r = result[i];
                WalshHadamard.ParallelFor(n, n, w => r[w] += coef * buf[w]);
            }
        }
        return result;
    }

    /// <summary>The same for an integer λ, exactly (wrapping arithmetic; |λ|₁·2^d·2d must stay below 2^63).</summary>
    public static long[][] Correlations(int d, long[] lambda, IReadOnlyList<int> biases)
    {
        var (n, _, krawtchouk) = Prepare(d, lambda.Length, 0);
        var l1 = lambda.Aggregate(BigInteger.Zero, (s, x) => s + BigInteger.Abs(x));
        if ((l1 * 2 * (d + 1)) << d >= BigInteger.One << 63)
            throw new SizeRefusedException($"exact pricing at d={d} with |λ|₁ = {l1} may leave 64-bit range");
        var result = biases.Select(_ => new long[n]).ToArray();
        var hat = (long[])lambda.Clone();
        WalshHadamard.Transform(hat);
        var buf = new long[n];
        for (int k = 0; k <= d; k++)
        {
            int kk = k;
            Parallel.For(0, n, s => { unchecked { buf[s] = hat[s] * krawtchouk[kk, BitOperations.PopCount((uint)s)]; } });
            WalshHadamard.Transform(buf);
            for (int i = 0; i < biases.Count; i++)
            {
                long coef = Math.Max(0, d - 2 * k - biases[i]);
                if (coef == 0) continue;
                var r = result[i];
                // buf = 2^d·C_k exactly (bounded above), so the shift is an exact division.
                Parallel.For(0, n, w => r[w] += coef * (buf[w] >> d));
            }
        }
        return result;
    }

    static (int N, double[][] Result, long[,] Krawtchouk) Prepare(int d, int length, int biases)
    {
        if (d < 1 || d > 28) throw new SizeRefusedException($"pricing over all 2^d sign directions: need 1 ≤ d ≤ 28, got d={d}");
        int n = 1 << d;
        if (length != n) throw new ArgumentException($"λ has {length} entries, expected 2^{d} = {n}");
        SizeGuard.EnsureFits($"pricing at d={d} ({biases + 2} arrays of 2^{d})", (biases + 2.0) * n, 8);
        return (n, Enumerable.Range(0, biases).Select(_ => new double[n]).ToArray(), WalshHadamard.KrawtchoukShared(d));
    }
}
