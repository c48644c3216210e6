using System.Numerics;

namespace NetClaims.Cube;

/// <summary>
/// Vertices of {±1}^d as bit-masks: bit i set ⇔ x_i = −1. Enumeration streams the masks 0 … 2^d−1;
/// no 2^d×d matrix is ever materialised.
/// </summary>
public static class Vertex
{
    /// <summary>Coordinate i (0-based) of the vertex: −1 if bit i is set, else +1.</summary>
    public static int Coordinate(ulong x, int i) => ((x >> i) & 1) == 0 ? 1 : -1;

    /// <summary>The vertex as a dense vector (for float evaluation of single points).</summary>
    public static double[] ToVector(ulong x, Dimension d)
    {
        var v = new double[d.Value];
        for (int i = 0; i < v.Length; i++) v[i] = Coordinate(x, i);
        return v;
    }

    /// <summary>⟨1, x⟩ = d − 2·popcount(x).</summary>
    public static int Sum(ulong x, Dimension d) => d.Value - 2 * BitOperations.PopCount(x);

    /// <summary>⟨s, x⟩ for a sign vector s given as a mask of the same encoding: d − 2·popcount(s ⊕ x).</summary>
    public static int SignDot(ulong s, ulong x, int d) => d - 2 * BitOperations.PopCount(s ^ x);

    /// <summary>Streams every vertex of {±1}^d in mask order.</summary>
    public static IEnumerable<ulong> All(Dimension d)
    {
        ulong n = d.VertexCount;
        for (ulong x = 0; x < n; x++) yield return x;
    }

    /// <summary>Formats a vertex as "(+1,−1,…)" for counterexample messages.</summary>
    public static string Format(ulong x, Dimension d) =>
        "(" + string.Join(",", Enumerable.Range(0, d.Value).Select(i => Coordinate(x, i) > 0 ? "+1" : "-1")) + ")";
}
