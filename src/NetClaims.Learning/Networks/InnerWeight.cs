using System.Numerics;
using NetClaims.Cube;

namespace NetClaims.Networks;

/// <summary>
/// An integer inner-weight vector w ∈ ℤ^d. Sign vectors (entries ±1, the directions v ∈ {±1}^d of the
/// averaged constructions) are stored as a bit-mask, so ⟨w,x⟩ on the cube is one popcount.
/// </summary>
public abstract class InnerWeight
{
    /// <summary>The dimension of the weight.</summary>
    public abstract int Dim { get; }

    /// <summary>‖w‖₂² (an integer).</summary>
    public abstract BigInteger NormSquared { get; }

    /// <summary>⟨w, x⟩ for a cube vertex x (bit-mask encoding), exactly.</summary>
    public abstract long DotVertex(ulong x);

    /// <summary>Entry i.</summary>
    public abstract int this[int i] { get; }

    /// <summary>⟨w, x⟩ for a real vector.</summary>
    public double Dot(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < Dim; i++) s += this[i] * x[i];
        return s;
    }

    /// <summary>The sign vector with −1 where mask has a bit (d ≤ 64).</summary>
    public static InnerWeight Sign(ulong mask, int d) => new SignWeight(mask, d);

    /// <summary>The all-ones vector of dimension d.</summary>
    public static InnerWeight Ones(int d) => new SignWeight(0, d);

    /// <summary>An integer weight vector.</summary>
    public static InnerWeight Dense(params int[] entries) => new DenseWeight(entries);
}

/// <summary>w ∈ {±1}^d as a mask (bit i set ⇔ w_i = −1).</summary>
public sealed class SignWeight(ulong mask, int d) : InnerWeight
{
    /// <summary>The bits of the −1 entries.</summary>
    public ulong Mask { get; } = d is >= 1 and <= Dimension.Max ? mask : throw new ArgumentOutOfRangeException(nameof(d));

    /// <inheritdoc/>
    public override int Dim => d;

    /// <inheritdoc/>
    public override BigInteger NormSquared => d;

    /// <inheritdoc/>
    public override long DotVertex(ulong x) => d - 2 * BitOperations.PopCount(Mask ^ x);

    /// <inheritdoc/>
    public override int this[int i] => ((Mask >> i) & 1) == 0 ? 1 : -1;
}

/// <summary>A general integer vector.</summary>
public sealed class DenseWeight(int[] entries) : InnerWeight
{
    readonly int[] w = (int[])entries.Clone();

    /// <inheritdoc/>
    public override int Dim => w.Length;

    /// <inheritdoc/>
    public override BigInteger NormSquared => w.Aggregate(BigInteger.Zero, (s, e) => s + (BigInteger)e * e);

    /// <inheritdoc/>
    public override long DotVertex(ulong x)
    {
        long s = 0;
        for (int i = 0; i < w.Length; i++) s += ((x >> i) & 1) == 0 ? w[i] : -w[i];
        return s;
    }

    /// <inheritdoc/>
    public override int this[int i] => w[i];
}
