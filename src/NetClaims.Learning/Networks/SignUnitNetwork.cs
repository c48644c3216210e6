using System.Numerics;
using Fractions;
using NetClaims.Cube;
using NetClaims.Exact;

namespace NetClaims.Networks;

/// <summary>
/// A two-layer ReLU network whose hidden units all have sign-vector inner weights, stored by bias class: unit (j, v) is
/// σ(⟨s(v), x⟩ + b_j) with output weight OutputScale·Numerators[j][v], where v is the direction's bit-mask (bit i set ⇔
/// s_i = −1) and a zero numerator means no unit. This is how the averaged constructions (every direction of the cube,
/// a few biases) are held at large d: 8 bytes per unit instead of a unit object, so d = 24 fits in memory.
/// <see cref="ToTwoLayerRelu"/> lists the very same units for the direct evaluator; <see cref="SignUnitEvaluator"/>
/// evaluates them on the whole cube by Walsh–Hadamard transforms. No affine part.
/// </summary>
public sealed class SignUnitNetwork
{
    /// <summary>Sign-direction units grouped by bias class: per bias, one numerator per sign vector (scaled by outputScale).</summary>
    public SignUnitNetwork(Dimension dim, IReadOnlyList<Fraction> biases, IReadOnlyList<long[]> numerators, Fraction outputScale)
    {
        if (biases.Count == 0 || biases.Count != numerators.Count)
            throw new ArgumentException($"{biases.Count} biases for {numerators.Count} numerator arrays: need one array per bias, at least one");
        foreach (var a in numerators)
            if ((ulong)a.LongLength != dim.VertexCount)
                throw new ArgumentException($"a numerator array has {a.LongLength} entries; d={dim.Value} has {dim.VertexCount} directions");
        Dim = dim;
        Biases = biases.ToArray();
        Numerators = numerators.ToArray();
        OutputScale = outputScale;
    }

    /// <summary>The dimension.</summary>
    public Dimension Dim { get; }

    /// <summary>b_j, one per bias class.</summary>
    public IReadOnlyList<Fraction> Biases { get; }

    /// <summary>Integer output numerators: Numerators[j][v] for direction mask v in bias class j.</summary>
    public IReadOnlyList<long[]> Numerators { get; }

    /// <summary>The common factor of every output weight.</summary>
    public Fraction OutputScale { get; }

    /// <summary>Hidden units: the nonzero numerators.</summary>
    public long Width => OutputScale.IsZero ? 0 : Numerators.Sum(a => a.LongCount(u => u != 0));

    /// <summary>C(g) = Σ|u|·‖w‖₂ = |OutputScale|·Σ|numerator|·√d, exactly.</summary>
    public SurdSum Cost()
    {
        var sum = BigInteger.Zero;
        foreach (var a in Numerators)
        {
            long part = 0;
            foreach (var u in a) part = checked(part + Math.Abs(u));
            sum += part;
        }
        return SurdSum.Of(Fraction.Abs(OutputScale) * new Fraction(sum), Dim.Value);
    }

    /// <summary>The same units as a <see cref="TwoLayerRelu"/> (direction by direction, bias classes in order).</summary>
    public TwoLayerRelu ToTwoLayerRelu()
    {
        int n = Dim.Value;
        var units = new List<ReluUnit>();
        var outs = new Dictionary<long, Fraction>();
        for (ulong v = 0; v < Dim.VertexCount; v++)
        {
            InnerWeight? w = null;
            for (int j = 0; j < Biases.Count; j++)
            {
                long u = Numerators[j][v];
                if (u == 0 || OutputScale.IsZero) continue;
                w ??= InnerWeight.Sign(v, n);
                if (!outs.TryGetValue(u, out var o)) outs[u] = o = OutputScale * new Fraction(u);
                units.Add(new ReluUnit(w, Biases[j], o));
            }
        }
        return new TwoLayerRelu(Dim, units);
    }
}
