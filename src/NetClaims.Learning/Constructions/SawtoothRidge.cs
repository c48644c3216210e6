using Fractions;
using NetClaims.Cube;
using NetClaims.Exact;
using NetClaims.Networks;

namespace NetClaims.Constructions;

/// <summary>
/// The sawtooth ridge interpolant of docs/ahs23.md §1.1 ([SRC:blog]), in z = ⟨1,x⟩ units:
/// g_saw = σ(z+d+1) − 2Σ_{j=0}^{d} (−1)^j σ(z+d−2j), inner weights all-ones (‖w‖ = √d), width d+2.
/// As printed it equals (−1)^d·χ; the odd-d fix ([NUM]) negates every output weight (same cost).
/// </summary>
public static class SawtoothRidge
{
    /// <summary>The catalogue name of the sawtooth ridge.</summary>
    public const string Name = "sawtooth-ridge";

    /// <param name="d">Dimension.</param>
    /// <param name="oddSignFix">Negate the outputs for odd d (false reproduces the formula as printed: −χ for odd d).</param>
    public static TwoLayerRelu Build(Dimension d, bool oddSignFix = true)
    {
        var ones = InnerWeight.Ones(d);
        var sign = oddSignFix && d.Value % 2 == 1 ? Fraction.MinusOne : Fraction.One;
        var units = new List<ReluUnit>(d.Value + 2) { new(ones, new Fraction(d.Value + 1), sign) };
        for (int j = 0; j <= d.Value; j++)
            units.Add(new ReluUnit(ones, new Fraction(d.Value - 2 * j), sign * new Fraction(j % 2 == 0 ? -2 : 2)));
        return new TwoLayerRelu(d, units);
    }

    /// <summary>Closed form of docs/ahs23.md §1.1 ([SRC:blog]): C(g_saw) = (2d+3)·√d.</summary>
    public static SurdSum ClosedFormCost(Dimension d) => SurdSum.Of(new Fraction(2 * d.Value + 3), d.Value);
}
