using Fractions;
using NetClaims.Claims;
using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Exact;
using NetClaims.Networks;

namespace NetClaims.Properties.Ahs23;

/// <summary>docs/ahs23.md §1.2: the cheapest ridge interpolant (sharp form of Theorem 3's upper side).</summary>
internal static class SplineRidgeClaims
{
    static readonly Construction C = ConstructionCatalog.Get(SplineRidge.Name);

    static readonly Citation Source = new(Paper.Digest, "sharp version of AHS Theorem 3; docs/ahs23.md §1.2", "[DER+NUM] 2(d−1)√d, not the paper's constant (which is [UNSURE])");

    public static Claim Interpolates { get; } = ConstructionClaims.Interpolates(
        "ahs23.s1-2.spline-ridge.interpolates", Source, C,
        new FalseBuild("The kinks of the linear spline alone interpolate χ; the free linear part ⟨v,x⟩ + c can be dropped.",
            "spline-ridge/no-affine", WithoutAffinePart));

    public static Claim Cost { get; } = ConstructionClaims.Cost(
        "ahs23.s1-2.spline-ridge.cost", Source, C, 62,
        FalseCost.Equal("The cheapest ridge interpolant costs 2·d^{3/2}.", d => SurdSum.Of(new Fraction(2 * d.Value), d.Value)));

    static TwoLayerRelu WithoutAffinePart(Dimension d) => new(d, SplineRidge.Build(d).Units);
}
