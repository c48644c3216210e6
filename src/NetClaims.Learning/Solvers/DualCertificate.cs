using System.Numerics;
using NetClaims.Cube;
using NetClaims.Exact;

namespace NetClaims.Solvers;

/// <summary>The result of checking λ = χ/(2^d ρ_d) against every atom of the sign-direction dictionary.</summary>
/// <param name="MaxAtomCorrelation">max over w ∈ {±1}^d, integer b of |Σ_x χ(x)σ(⟨w,x⟩ − b)| (an integer).</param>
/// <param name="Limit">2^d·ρ_d·√d, an integer: the dual constraint |Σ_x λ(x)σ(⟨w,x⟩−b)| ≤ ‖w‖ reads MaxAtomCorrelation ≤ Limit.</param>
/// <param name="AffineOrthogonal">Σ_x χ(x) = 0 and Σ_x χ(x)x_i = 0 for all i (λ annihilates the free affine part).</param>
public sealed record CertificateCheck(int D, BigInteger MaxAtomCorrelation, BigInteger Limit, bool AffineOrthogonal)
{
    /// <summary>Whether the certificate is dual feasible (orthogonal to affine functions, every atom within the limit).</summary>
    public bool Feasible => AffineOrthogonal && MaxAtomCorrelation <= Limit;

    /// <summary>The dual objective Σ_x λ(x)χ(x) = 1/ρ_d = 2^d·√d/Limit: a lower bound on every interpolant's cost over the dictionary.</summary>
    public SurdSum Value => SurdSum.Of(new Fractions.Fraction(BigInteger.One << D, Limit), D);
}

/// <summary>
/// The dual certificate of docs/ahs23.md §1.4 D1, checked in exact integer arithmetic: λ(x) = χ(x)/(2^d ρ_d) is feasible for
/// the dual of the minimum-R-norm LP over the sign-direction dictionary, so by weak duality every interpolant of χ over
/// that dictionary costs at least Σλχ = 1/ρ_d; g* has exactly that cost, so 1/ρ_d is the optimum — for any d checked,
/// with no LP solver involved. (Over all directions w the same λ is feasible by the correlation lemma, §1.6.)
/// </summary>
public static class ParityCertificate
{
    /// <summary>Checks the dual certificate λ = χ/(2^d ρ_d) at d: it proves that every parity interpolant costs at least 1/ρ_d.</summary>
    public static CertificateCheck Check(Dimension d)
    {
        int n = d.Value;
        if (n < 2 || n > 16) throw new SizeRefusedException($"the exact certificate check is run for 2 ≤ d ≤ 16, not d={n}");
        ulong vertices = d.VertexCount;
        var limit = n % 2 == 0 ? 2 * IntegerMath.Binomial(n - 2, n / 2 - 1) : IntegerMath.Binomial(n - 1, (n - 1) / 2);
        BigInteger worst = 0;
        var byDistance = new long[n + 1];
        for (ulong w = 0; w < vertices / 2; w++)
        {
            // Σ_x χ(x)σ(⟨w,x⟩ − b) = Σ_k H[k]·σ(d − 2k − b), with H[k] = Σ_{x: popcount(w⊕x) = k} χ(x).
            Array.Clear(byDistance);
            for (ulong x = 0; x < vertices; x++) byDistance[BitOperations.PopCount(w ^ x)] += Parity.Sign(x);
            for (int b = -n + 1; b <= n - 1; b++)
            {
                long s = 0;
                for (int k = 0; k <= n; k++) s += byDistance[k] * Math.Max(0, n - 2 * k - b);
                if (Math.Abs(s) > worst) worst = Math.Abs(s);
            }
        }
        bool affine = Vertex.All(d).Sum(x => (long)Parity.Sign(x)) == 0 &&
            Enumerable.Range(0, n).All(i => Vertex.All(d).Sum(x => (long)Parity.Sign(x) * Vertex.Coordinate(x, i)) == 0);
        return new CertificateCheck(n, worst, limit, affine);
    }
}
