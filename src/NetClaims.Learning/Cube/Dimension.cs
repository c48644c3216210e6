namespace NetClaims.Cube;

/// <summary>
/// Input dimension d of the Boolean cube {±1}^d. Vertices are encoded as the bits of a <see cref="ulong"/>
/// (bit i set ⇔ x_i = −1), so d is at most <see cref="Max"/>.
/// </summary>
public readonly record struct Dimension
{
    /// <summary>The largest d a vertex bit-mask can hold.</summary>
    public const int Max = 62;

    /// <summary>The dimension d.</summary>
    public int Value { get; }

    /// <summary>A dimension 1 ≤ d ≤ Max (anything else is an error).</summary>
    public Dimension(int value)
    {
        if (value < 1 || value > Max)
            throw new SizeRefusedException($"dimension d={value} is out of range: d must be between 1 and {Max}");
        Value = value;
    }

    /// <summary>Number of vertices 2^d.</summary>
    public ulong VertexCount => 1UL << Value;

    /// <summary>The dimension as an int.</summary>
    public static implicit operator int(Dimension d) => d.Value;

    /// <summary>d in invariant culture.</summary>
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A requested size that the harness refuses up front (out of range, or too large for memory or time).</summary>
public sealed class SizeRefusedException(string message) : NetClaims.Reports.UsageException(message);
