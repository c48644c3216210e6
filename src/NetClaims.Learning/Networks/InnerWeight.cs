using System.Numerics;
using NetClaims.Cube;

namespace NetClaims.Networks;

/// <summary>
/// An integer inner-weight vector w ∈ ℤ^d. Sign vectors (entries ±1, the directions v ∈ {±1}^d of the
/// averaged constructions) are stored as a bit-mask, so ⟨w,x⟩ on the cube is one popcount.
/// </summary>
public abstract class InnerWeight
{
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

    public static InnerWeight Sign(ulong mask, int d) => new SignWeight(mask, d);

    public static InnerWeight Ones(int d) => new SignWeight(0, d);

    public static InnerWeight Dense(params int[] entries) => new DenseWeight(entries);
}

/// <summary>w ∈ {±1}^d as a mask (bit i set ⇔ w_i = −1).</summary>
public sealed class SignWeight(ulong mask, int d) : InnerWeight
{
    public ulong Mask { get; } = d is >= 1 and <= Dimension.Max ? mask : throw new ArgumentOutOfRangeException(nameof(d));

    public override int Dim => d;

    public override BigInteger NormSquared => d;

    public override long DotVertex(ulong x) => d - 2 * BitOperations.PopCount(Mask ^ x);

    public override int this[int i] => ((Mask >> i) & 1) == 0 ? 1 : -1;
}

/// <summary>A general integer vector.</summary>
public sealed class DenseWeight(int[] entries) : InnerWeight
{
    readonly int[] w = (int[])entries.Clone();

    public override int Dim => w.Length;

    public override BigInteger NormSquared => w.Aggregate(BigInteger.Zero, (s, e) => s + (BigInteger)e * e);

    public override long DotVertex(ulong x)
    {
        long s = 0;
        for (int i = 0; i < w.Length; i++) s += ((x >> i) & 1) == 0 ? w[i] : -w[i];
        return s;
    }

    public override int this[int i] => w[i];
}
