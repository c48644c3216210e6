using System.Numerics;

namespace NetClaims.Cube;

/// <summary>
/// The parity χ_S(x) = ∏_{i∈S} x_i on {±1}^d, with S given as a bit-mask over coordinates.
/// χ = χ_[d] is the full parity. With x encoded as a mask of its −1 coordinates, χ_S(x) = (−1)^{popcount(x ∧ S)}.
/// </summary>
public sealed record Parity(Dimension Dim, ulong Subset)
{
    /// <summary>The full parity χ(x) = ∏_i x_i.</summary>
    public static Parity Full(Dimension d) => new(d, d.VertexCount - 1);

    /// <summary>χ_S for S ⊆ {0,…,d−1}.</summary>
    public static Parity Of(Dimension d, IEnumerable<int> subset)
    {
        ulong s = 0;
        foreach (var i in subset)
        {
            if (i < 0 || i >= d.Value) throw new ArgumentOutOfRangeException(nameof(subset), $"index {i} is outside 0..{d.Value - 1}");
            s |= 1UL << i;
        }
        return new Parity(d, s);
    }

    /// <summary>|S|.</summary>
    public int Degree => BitOperations.PopCount(Subset);

    /// <summary>χ_S(x) ∈ {−1, +1}.</summary>
    public int At(ulong x) => (BitOperations.PopCount(x & Subset) & 1) == 0 ? 1 : -1;

    /// <summary>χ_S(v) for a sign vector given as a mask (the same formula; named for readability in constructions).</summary>
    public static int Sign(ulong v) => (BitOperations.PopCount(v) & 1) == 0 ? 1 : -1;
}
