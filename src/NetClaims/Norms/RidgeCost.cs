using System.Numerics;
using Fractions;
using NetClaims.Cube;
using NetClaims.Exact;

namespace NetClaims.Norms;

/// <summary>The cheapest ridge interpolant of χ along a direction v, or the pair of vertices that makes it impossible.</summary>
/// <param name="Cost">‖v‖₂·min TV(φ') over φ with φ(⟨v,x⟩) = χ(x) on {±1}^d; +∞ when two differently-labelled vertices collide.</param>
/// <param name="Exact">The exact cost when v is an integer vector (null for real v or +∞).</param>
/// <param name="Witness">Two vertices with ⟨v,x⟩ = ⟨v,x'⟩ and χ(x) ≠ χ(x'), when the cost is +∞.</param>
public sealed record RidgeCostResult(double Cost, SurdSum? Exact, (ulong X, ulong Y)? Witness)
{
    public bool IsFinite => Witness is null;
}

/// <summary>
/// Ridge cost of a direction (THEOREMS.md §1.2 c, [DER+NUM]): sort the 2^d projections ⟨v,x⟩, merge equal ones (an
/// equal pair with different χ makes every ridge interpolant impossible: +∞ with that pair as witness), and take the
/// linear spline through (projection, χ): min TV(φ') = Σ|Δ slope| (F2, variant A), times ‖v‖₂ (F1).
/// </summary>
public static class RidgeCost
{
    /// <summary>Exact ridge cost for an integer direction: projections are integers, slopes rational.</summary>
    public static RidgeCostResult OfInteger(int[] v)
    {
        // Integer projections are exact in double (|t| ≤ d·max|v_i| ≪ 2^53).
        var pts = Points(v.Select(x => (double)x).ToArray(), out var witness);
        if (witness is { } w) return new RidgeCostResult(double.PositiveInfinity, null, w);
        var tv = Fraction.Zero;
        Fraction? prev = null;
        for (int i = 1; i < pts.Count; i++)
        {
            var s = new Fraction(pts[i].Y - pts[i - 1].Y, (BigInteger)(pts[i].T - pts[i - 1].T));
            if (prev is { } p) tv += Fraction.Abs(s - p);
            prev = s;
        }
        var norm2 = v.Aggregate(BigInteger.Zero, (a, x) => a + (BigInteger)x * x);
        var exact = SurdSum.Of(tv, norm2);
        return new RidgeCostResult(exact.ToDouble(), exact, null);
    }

    /// <summary>Ridge cost for a real direction; projections closer than <paramref name="collision"/>·‖v‖₁ count as equal.</summary>
    public static RidgeCostResult OfReal(double[] v, double collision = 1e-12)
    {
        var pts = Points(v, out var witness, collision * v.Sum(Math.Abs));
        if (witness is { } w) return new RidgeCostResult(double.PositiveInfinity, null, w);
        double tv = 0, prev = double.NaN;
        for (int i = 1; i < pts.Count; i++)
        {
            double s = (pts[i].Y - pts[i - 1].Y) / (pts[i].T - pts[i - 1].T);
            if (!double.IsNaN(prev)) tv += Math.Abs(s - prev);
            prev = s;
        }
        return new RidgeCostResult(tv * Math.Sqrt(v.Sum(x => x * x)), null, null);
    }

    // Distinct projections in increasing order with their (common) label; the first colliding pair with different labels, if any.
    static List<(double T, int Y, ulong X)> Points(double[] v, out (ulong, ulong)? witness, double eps = 0)
    {
        int d = v.Length;
        var dim = new Dimension(d);
        SizeGuard.EnsureFits($"the {dim.VertexCount} projections at d={d}", dim.VertexCount, 24);
        var all = new (double T, int Y, ulong X)[dim.VertexCount];
        for (ulong x = 0; x < dim.VertexCount; x++)
        {
            double t = 0;
            for (int i = 0; i < d; i++) t += ((x >> i) & 1) == 0 ? v[i] : -v[i];
            all[x] = (t, Parity.Sign(x), x);
        }
        Array.Sort(all, (a, b) => a.T.CompareTo(b.T));
        var pts = new List<(double T, int Y, ulong X)>();
        witness = null;
        foreach (var p in all)
        {
            if (pts.Count > 0 && Math.Abs(p.T - pts[^1].T) <= eps)
            {
                if (p.Y != pts[^1].Y) { witness = (pts[^1].X, p.X); return pts; }
                continue;
            }
            pts.Add(p);
        }
        return pts;
    }
}
