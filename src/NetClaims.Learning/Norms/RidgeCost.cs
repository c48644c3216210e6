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
    /// <summary>Whether the cost is finite (no two projections of opposite parity collide).</summary>
    public bool IsFinite => Witness is null;

    /// <summary>The exact cost as text: the canonical surd, or q·√n unreduced when n is too large to factor here.</summary>
    public string? ExactText { get; init; }
}

/// <summary>
/// Ridge cost of a direction (docs/ahs23.md §1.2 c, [DER+NUM]): sort the 2^d projections ⟨v,x⟩, merge equal ones (an
/// equal pair with different χ makes every ridge interpolant impossible: +∞ with that pair as witness), and take the
/// linear spline through (projection, χ): min TV(φ') = Σ|Δ slope| (F2, variant A), times ‖v‖₂ (F1).
/// </summary>
public static class RidgeCost
{
    /// <summary>Exact ridge cost for an integer direction: projections are integers, slopes rational.</summary>
    public static RidgeCostResult OfInteger(int[] v) => OfInteger(v.Select(x => (BigInteger)x).ToArray());

    /// <summary>The largest |v_i| accepted: projections Σ±v_i are summed exactly in 128-bit integers.</summary>
    public static readonly BigInteger MaxCoordinate = BigInteger.One << 100;

    /// <summary>
    /// Exact ridge cost for an integer direction of any size up to 2^100 per coordinate: projections are exact
    /// 128-bit integers (never rounded through double, so 2^53 + 1 and 2^53 stay distinct), slopes rational.
    /// </summary>
    public static RidgeCostResult OfInteger(BigInteger[] v)
    {
        if (v.Any(x => BigInteger.Abs(x) > MaxCoordinate)) throw new ArgumentOutOfRangeException(nameof(v), "integer coordinates beyond 2^100 are refused");
        int d = v.Length;
        var dim = new Dimension(d);
        SizeGuard.EnsureFits($"the {dim.VertexCount} projections at d={d}", dim.VertexCount, 40);
        var w = v.Select(x => (Int128)x).ToArray();
        var all = new (Int128 T, int Y, ulong X)[dim.VertexCount];
        for (ulong x = 0; x < dim.VertexCount; x++)
        {
            Int128 t = 0;
            for (int i = 0; i < d; i++) t += ((x >> i) & 1) == 0 ? w[i] : -w[i];
            all[x] = (t, Parity.Sign(x), x);
        }
        Array.Sort(all, (a, b) => a.T.CompareTo(b.T));
        var pts = new List<(Int128 T, int Y, ulong X)>();
        foreach (var p in all)
        {
            if (pts.Count > 0 && p.T == pts[^1].T)
            {
                if (p.Y != pts[^1].Y) return new RidgeCostResult(double.PositiveInfinity, null, (pts[^1].X, p.X));
                continue;
            }
            pts.Add(p);
        }
        var tv = Fraction.Zero;
        Fraction? prev = null;
        for (int i = 1; i < pts.Count; i++)
        {
            var s = new Fraction(pts[i].Y - pts[i - 1].Y, (BigInteger)(pts[i].T - pts[i - 1].T));
            if (prev is { } p) tv += Fraction.Abs(s - p);
            prev = s;
        }
        var norm2 = v.Aggregate(BigInteger.Zero, (a, x) => a + x * x);
        try
        {
            var exact = SurdSum.Of(tv, norm2);
            return new RidgeCostResult(exact.ToDouble(), exact, null);
        }
        catch (ArgumentOutOfRangeException)
        {
            // ‖v‖² too large to reduce to a squarefree radicand: the cost tv·√‖v‖² is still exact, just not canonical.
            return new RidgeCostResult(tv.ToDouble() * Math.Sqrt((double)norm2), null, null) { ExactText = $"{tv}·√{norm2}" };
        }
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
