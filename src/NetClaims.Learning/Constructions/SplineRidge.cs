using Fractions;
using NetClaims.Cube;
using NetClaims.Exact;
using NetClaims.Networks;

namespace NetClaims.Constructions;

/// <summary>
/// The cheapest ridge interpolant of χ (docs/ahs23.md §1.2, sharp version [DER+NUM]): along v = 1, the linear spline φ
/// through the d+1 points (z_k, (−1)^k), z_k = d − 2k, extended linearly. Its d−1 interior kinks each change the
/// slope by 2 (z-units), so C = 2(d−1)·√d; the outer slope goes into the free linear part ⟨v,x⟩ (variant A).
/// </summary>
public static class SplineRidge
{
    /// <summary>The catalogue name of the spline ridge (the cheapest ridge interpolant).</summary>
    public const string Name = "spline-ridge";

    /// <summary>The linear spline through (d − 2k, (−1)^k) along the all-ones direction, with its free linear part, at dimension d.</summary>
    public static TwoLayerRelu Build(Dimension d)
    {
        int n = d.Value;
        var ones = InnerWeight.Ones(n);
        // Leftmost point z = −d has k = d; slope on [z_d, z_{d−1}] is (−1)^{d−1}.
        var yLeft = new Fraction(n % 2 == 0 ? 1 : -1);
        var sLeft = new Fraction(n % 2 == 1 ? 1 : -1);
        var units = new List<ReluUnit>(Math.Max(0, n - 1));
        // Interior knot z_k (k = d−1 … 1): slope jumps from (−1)^k to (−1)^{k−1}, i.e. by 2(−1)^{k−1}.
        for (int k = n - 1; k >= 1; k--)
            units.Add(new ReluUnit(ones, new Fraction(-(n - 2 * k)), new Fraction(k % 2 == 1 ? 2 : -2)));
        var linear = Enumerable.Repeat(sLeft, n).ToArray();
        return new TwoLayerRelu(d, units, linear, yLeft + sLeft * new Fraction(n));
    }

    /// <summary>Closed form of docs/ahs23.md §1.2 ([DER+NUM]): 2(d−1)·√d.</summary>
    public static SurdSum ClosedFormCost(Dimension d) => SurdSum.Of(new Fraction(2 * (d.Value - 1)), d.Value);
}
