using Fractions;
using NetClaims.Cube;

namespace NetClaims.Networks;

/// <summary>One hidden unit u·σ(⟨w,x⟩ + b) with integer w and rational b, u.</summary>
public readonly record struct ReluUnit(InnerWeight W, Fraction Bias, Fraction Out);

/// <summary>
/// A two-layer ReLU network g(x) = Σ_i u_i σ(⟨w_i,x⟩ + b_i) + ⟨v,x⟩ + c with integer inner weights and rational
/// biases, output weights and affine part, so that g is exact on {±1}^d. Immutable.
/// </summary>
public sealed class TwoLayerRelu
{
    /// <summary>A network with integer inner weights, rational biases and outputs, and an optional affine part.</summary>
    public TwoLayerRelu(Dimension dim, IReadOnlyList<ReluUnit> units, IReadOnlyList<Fraction>? linear = null, Fraction? constant = null)
    {
        Dim = dim;
        Units = units;
        Linear = linear ?? Enumerable.Repeat(Fraction.Zero, dim.Value).ToArray();
        Constant = constant ?? Fraction.Zero;
        if (Linear.Count != dim.Value) throw new ArgumentException($"linear part has {Linear.Count} entries, expected d={dim.Value}");
        foreach (var u in units)
            if (u.W.Dim != dim.Value) throw new ArgumentException($"a unit has inner weight of dimension {u.W.Dim}, expected d={dim.Value}");
    }

    /// <summary>The dimension.</summary>
    public Dimension Dim { get; }

    /// <summary>The ReLU units.</summary>
    public IReadOnlyList<ReluUnit> Units { get; }

    /// <summary>The free linear part v.</summary>
    public IReadOnlyList<Fraction> Linear { get; }

    /// <summary>The free constant c.</summary>
    public Fraction Constant { get; }

    /// <summary>Number of hidden units.</summary>
    public int Width => Units.Count;

    /// <summary>True when the linear part v is zero (then variants A and B of the R-norm cost coincide).</summary>
    public bool HasZeroLinearPart => Linear.All(v => v.IsZero);

    /// <summary>Float evaluation at an arbitrary point (reference path; O(width·d)).</summary>
    public double Evaluate(ReadOnlySpan<double> x)
    {
        if (x.Length != Dim.Value) throw new ArgumentException($"x has {x.Length} entries, expected d={Dim.Value}");
        double s = Constant.ToDouble();
        for (int j = 0; j < x.Length; j++) s += Linear[j].ToDouble() * x[j];
        foreach (var u in Units) s += u.Out.ToDouble() * Math.Max(0, u.W.Dot(x) + u.Bias.ToDouble());
        return s;
    }

    /// <summary>Exact rational evaluation at one cube vertex (reference path with big rationals; slow, used to cross-check).</summary>
    public Fraction EvaluateExact(ulong vertex)
    {
        var s = Constant;
        for (int j = 0; j < Dim.Value; j++) s += Vertex.Coordinate(vertex, j) * Linear[j];
        foreach (var u in Units)
        {
            var pre = new Fraction(u.W.DotVertex(vertex)) + u.Bias;
            if (pre.IsPositive) s += u.Out * pre;
        }
        return s;
    }

    /// <summary>The same network with every output weight and the affine part multiplied by q.</summary>
    public TwoLayerRelu Scaled(Fraction q) =>
        new(Dim, Units.Select(u => u with { Out = q * u.Out }).ToArray(), Linear.Select(v => q * v).ToArray(), q * Constant);
}
