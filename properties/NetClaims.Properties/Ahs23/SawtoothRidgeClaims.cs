using Fractions;
using NetClaims.Claims;
using NetClaims.Constructions;
using NetClaims.Exact;

namespace NetClaims.Properties.Ahs23;

/// <summary>docs/ahs23.md §1.1: the sawtooth ridge benchmark interpolant.</summary>
internal static class SawtoothRidgeClaims
{
    static readonly Construction C = ConstructionCatalog.Get(SawtoothRidge.Name);

    public static Claim Interpolates { get; } = ConstructionClaims.Interpolates(
        "ahs23.s1-1.sawtooth.interpolates",
        new Citation(Paper.Ahs, "Section 3 sawtooth formula; docs/ahs23.md §1.1", "[SRC:blog] formula (stated for even d); odd-d sign fix [NUM]"),
        C,
        new FalseBuild("The sawtooth formula as printed (no odd-d sign fix) interpolates χ for every d.",
            "sawtooth-ridge/as-printed", d => SawtoothRidge.Build(d, oddSignFix: false)));

    public static Claim Cost { get; } = ConstructionClaims.Cost(
        "ahs23.s1-1.sawtooth.cost",
        new Citation(Paper.Ahs, "Section 3 sawtooth cost; docs/ahs23.md §1.1", "[SRC:blog] C = √d(2d+3)"),
        C, 62,
        FalseCost.Equal("The sawtooth costs 2(d−1)·√d, the same as the cheapest ridge interpolant.",
            d => SurdSum.Of(new Fraction(2 * (d.Value - 1)), d.Value)));
}
