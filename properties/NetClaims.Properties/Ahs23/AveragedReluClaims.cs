using Fractions;
using NetClaims.Claims;
using NetClaims.Constructions;
using NetClaims.Exact;

namespace NetClaims.Properties.Ahs23;

/// <summary>docs/ahs23.md §1.4: the averaged single ReLU g*, whose cost 1/ρ_d is the minimum over the sign-direction dictionary (certified), and over all directions if ρ_d is the sup of the single-neuron correlation (numerical evidence to d = 10).</summary>
internal static class AveragedReluClaims
{
    static readonly Construction C = ConstructionCatalog.Get(AveragedRelu.Name);

    static readonly Citation Source = new(Paper.Digest, "exact minimum-norm parity interpolation; docs/ahs23.md §1.4",
        "[DER+NUM] g*, M_d and C(g*) = 1/ρ_d (exhaustive d ≤ 10 in the digest); not in the paper as far as known");

    public static Claim Interpolates { get; } = ConstructionClaims.Interpolates(
        "ahs23.s1-4.averaged-relu.interpolates", Source, C,
        new FalseBuild("The normaliser can be taken positive, |M_d|.",
            "averaged-relu/unsigned-M", d => AveragedRelu.Build(d, signedM: false)));

    public static Claim Cost { get; } = ConstructionClaims.Cost(
        "ahs23.s1-4.averaged-relu.cost", Source, C, Paper.MaxExhaustiveD,
        FalseCost.Equal("The minimum-norm parity interpolant is a ridge function: C(g*) = 2(d−1)·√d.",
            d => SurdSum.Of(new Fraction(2 * (d.Value - 1)), d.Value)));
}
