using System.Diagnostics;
using System.Numerics;
using NetClaims.Cube;

namespace NetClaims.Solvers;

/// <summary>
/// The VP of χ on the whole cube over the sign dictionary, exactly. <paramref name="MaxCorrelation"/> is
/// M = max_{w,b} |Σ_x χ(x)σ(⟨w,x⟩ − b)| (an integer, attained at <paramref name="W"/>, <paramref name="B"/>); the optimum is
/// 2^d·√d/M, attained by the flip-average of that neuron and certified by the dual λ = χ·√d/M (no neuron violates it).
/// </summary>
public sealed record VpFullCubeResult(int D, BigInteger MaxCorrelation, ulong W, int B, double Seconds)
{
    /// <summary>The optimum 2^d·√d/M = 1/ρ_d over the sign dictionary.</summary>
    public double Cost => Math.Pow(2, D) * Math.Sqrt(D) / (double)MaxCorrelation;

    /// <summary>The optimal interpolant: Σ_s χ(s)·u·σ(⟨s⊙w, x⟩ − b) over all 2^d sign flips s, with u = 1/(±M) — equal to
    /// χ(x)·u·Σ_y χ(y)σ(⟨w,y⟩ − b) = χ(x) on every vertex. Width 2^d (so only for small d).</summary>
    public VpNeuron[] Interpolant()
    {
        if (D > 14) throw new SizeRefusedException($"the flip-averaged interpolant has 2^d neurons; built for d ≤ 14, not d={D}");
        long corr = 0;
        for (ulong y = 0; y < 1UL << D; y++) corr += Parity.Sign(y) * Math.Max(0, Vertex.SignDot(W, y, D) - B);
        var neurons = new VpNeuron[1 << D];
        for (ulong s = 0; s < 1UL << D; s++)
        {
            ulong w = W ^ s;
            var dense = new double[D];
            for (int i = 0; i < D; i++) dense[i] = Vertex.Coordinate(w, i);
            neurons[s] = new VpNeuron(dense, B, Parity.Sign(s) / (double)corr);
        }
        return neurons;
    }
}

/// <summary>
/// The whole-cube VP of χ by symmetry. The problem is invariant under the flips x ↦ s⊙x (which multiply χ by χ(s)), so an
/// optimum may be averaged over them, and the flip-average of any neuron is a multiple of χ itself:
/// Σ_s χ(s)σ(⟨s⊙w, x⟩ − b) = χ(x)·Σ_y χ(y)σ(⟨w,y⟩ − b). The LP therefore reduces to one pricing round with λ = χ — every
/// sign direction and lattice bias at once, exactly in 64-bit integers, by d + 2 Walsh–Hadamard transforms — and the
/// optimum is 2^d·√d/max|correlation|. This is the column-generation pricing step run once at the dual optimum, which the
/// symmetry gives in closed form; on samples there is no such symmetry and <see cref="VpSolver.Solve"/> does the work.
/// </summary>
public static class VpFullCube
{
    /// <summary>Largest d: d − 1 arrays of 2^d 64-bit integers, and |λ|₁·2^d·2d below 2^63.</summary>
    public const int MaxD = 24;

    /// <summary>Solves the whole-cube VP of χ at dimension <paramref name="d"/>.</summary>
    public static VpFullCubeResult Solve(int d)
    {
        if (d < 2 || d > MaxD) throw new SizeRefusedException($"the whole-cube VP by symmetry needs 2 ≤ d ≤ {MaxD}, not d={d}");
        SizeGuard.EnsureFits($"whole-cube VP pricing at d={d}", (d + 1.0) * (1L << d), 8);
        var clock = Stopwatch.StartNew();
        var chi = new long[1 << d];
        for (int x = 0; x < chi.Length; x++) chi[x] = Parity.Sign((ulong)x);
        var biases = Enumerable.Range(0, d - 1).Select(j => -d + 2 + 2 * j).ToArray();
        var corr = SignDictionaryPricing.Correlations(d, chi, biases);
        long best = -1;
        ulong bw = 0;
        int bb = 0;
        for (int j = 0; j < biases.Length; j++)
            for (int w = 0; w < corr[j].Length; w++)
                if (Math.Abs(corr[j][w]) > best) (best, bw, bb) = (Math.Abs(corr[j][w]), (ulong)w, biases[j]);
        return new VpFullCubeResult(d, best, bw, bb, clock.Elapsed.TotalSeconds);
    }
}
