using NetClaims.Claims;
using NetClaims.Constructions;

namespace NetClaims.Properties.Ahs23;

/// <summary>THEOREMS.md §1.3: AHS Theorem 4 (averaged single-bladed sawtooth) and its half-width-2 improvement.</summary>
internal static class AveragedBladesClaims
{
    static readonly Construction Blades = ConstructionCatalog.Get(AveragedBlades.Name);
    static readonly Construction Half = ConstructionCatalog.Get(AveragedBlades.HalfWidthName);

    static readonly Citation Thm4 = new(Paper.Ahs, "Theorem 4; THEOREMS.md §1.3",
        "[SRC:blog] structure (width O(2^d), R-norm O(d)); s, χ(v), signed Q, odd-d shift and cost 4√d|Q| [DER+NUM]");

    static readonly Citation HalfWidth = new(Paper.Digest, "improvement of AHS Theorem 4; THEOREMS.md §1.3", "[DER+NUM] half-width-2 blade, same Q, cost 2√d|Q|");

    public static Claim Interpolates { get; } = ConstructionClaims.Interpolates(
        "ahs23.thm4.blades.interpolates", Thm4, Blades,
        new FalseBuild("Q can be taken positive, Q = 2^d/C(d,⌊d/2⌋) (dropping the sign (−1)^⌊d/2⌋).",
            "averaged-blades/unsigned-Q", d => AveragedBlades.Build(d, signedQ: false)));

    public static Claim Cost { get; } = ConstructionClaims.Cost(
        "ahs23.thm4.blades.cost", Thm4, Blades, Paper.MaxExhaustiveD,
        new FalseCost("Each blade s(⟨v,x⟩) costs TV(s')·‖v‖₁ = 4d, so C = 4d·|Q|.",
            d => NetClaims.Exact.SurdSum.Rational(4 * d.Value * Fractions.Fraction.Abs(AveragedBlades.Q(d)))));

    public static Claim HalfInterpolates { get; } = ConstructionClaims.Interpolates(
        "ahs23.thm4.half-width.interpolates", HalfWidth, Half,
        new FalseBuild("The centred blade works for odd d too (no shift by 1).",
            "half-width-blades/centred", d => AveragedBlades.Build(d, halfWidth: 2, shiftOdd: false)));

    public static Claim HalfCost { get; } = ConstructionClaims.Cost(
        "ahs23.thm4.half-width.cost", HalfWidth, Half, Paper.MaxExhaustiveD,
        new FalseCost("Widening the blade does not change the cost: C = 4√d·|Q| as for Theorem 4.",
            d => AveragedBlades.ClosedFormCost(d, 1)));
}
