using NetClaims.Claims;
using NetClaims.Constructions;

namespace NetClaims.Properties.Ahs23;

/// <summary>docs/ahs23.md §1.3: AHS Theorem 4 (averaged single-bladed sawtooth) and its half-width-2 improvement.</summary>
internal static class AveragedBladesClaims
{
    static readonly Construction Blades = ConstructionCatalog.Get(AveragedBlades.Name);
    static readonly Construction Half = ConstructionCatalog.Get(AveragedBlades.HalfWidthName);

    static readonly Citation Thm4 = new(Paper.Ahs, "Theorem 4; docs/ahs23.md §1.3",
        "[SRC:blog] structure (width O(2^d), R-norm O(d)); s, χ(v), signed Q, odd-d shift and cost 4√d|Q| [DER+NUM]");

    static readonly Citation HalfWidth = new(Paper.Digest, "improvement of AHS Theorem 4; docs/ahs23.md §1.3", "[DER+NUM] half-width-2 blade, same Q, cost 2√d|Q|");

    public static Claim Interpolates { get; } = ConstructionClaims.Interpolates(
        "ahs23.thm4.blades.interpolates", Thm4, Blades,
        new FalseBuild("Q can be taken positive, Q = 2^d/C(d,⌊d/2⌋) (dropping the sign (−1)^⌊d/2⌋).",
            "averaged-blades/unsigned-Q", d => AveragedBlades.Build(d, signedQ: false)));

    public static Claim Cost { get; } = ConstructionClaims.Cost(
        "ahs23.thm4.blades.cost", Thm4, Blades, Paper.MaxExhaustiveD,
        FalseCost.Asymptote("The averaged blades cost exactly 2√(2π)·d ≈ 5.013d (the Wallis asymptote of 4√d|Q| taken as its value).", 8, "2√(2π)·d"));

    public static Claim HalfInterpolates { get; } = ConstructionClaims.Interpolates(
        "ahs23.thm4.half-width.interpolates", HalfWidth, Half,
        new FalseBuild("The centred blade works for odd d too (no shift by 1, the same Q).",
            "half-width-blades/centred", d => AveragedBlades.Build(d, halfWidth: 2, shiftOdd: false, normaliser: AveragedBlades.Q(d))));

    public static Claim HalfCost { get; } = ConstructionClaims.Cost(
        "ahs23.thm4.half-width.cost", HalfWidth, Half, Paper.MaxExhaustiveD,
        FalseCost.Asymptote("The half-width-2 blades cost exactly √(2π)·d ≈ 2.507d (the Wallis asymptote of 2√d|Q| taken as its value).", 2, "√(2π)·d"));
}
