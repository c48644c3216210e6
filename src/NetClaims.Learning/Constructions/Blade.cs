using Fractions;
using NetClaims.Networks;

namespace NetClaims.Constructions;

/// <summary>
/// The tent ("blade") s_h(z) = (1/h)(σ(z+h) − 2σ(z) + σ(z−h)): s_h(0) = 1, s_h(z) = 0 for |z| ≥ h, TV(s_h') = 4/h.
/// h = 1 is the Theorem-4 blade of docs/ahs23.md §1.3; h = 2 the half-width-2 improvement.
/// </summary>
public static class Blade
{
    /// <summary>The three units of c·s_h(⟨w,x⟩ − shift).</summary>
    public static IEnumerable<ReluUnit> Units(InnerWeight w, int halfWidth, int shift, Fraction c)
    {
        var q = c / new Fraction(halfWidth);
        yield return new ReluUnit(w, new Fraction(halfWidth - shift), q);
        yield return new ReluUnit(w, new Fraction(-shift), -2 * q);
        yield return new ReluUnit(w, new Fraction(-halfWidth - shift), q);
    }
}
