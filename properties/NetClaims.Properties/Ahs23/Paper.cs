namespace NetClaims.Properties.Ahs23;

/// <summary>Citations for Ardeshir–Hsu–Sanford and the digest sections the claims are taken from.</summary>
internal static class Paper
{
    public const string Ahs = "Ardeshir, Hsu, Sanford: Intrinsic dimensionality and generalization properties of the R-norm inductive bias (COLT 2023, arXiv 2206.05317)";

    /// <summary>For results derived in this project (docs/ahs23.md) rather than stated in the paper.</summary>
    public const string Digest = "docs/ahs23.md (derived beyond the paper, building on Ardeshir–Hsu–Sanford COLT 2023)";

    /// <summary>The d grid of every exhaustive report: 2^16 vertices is the floor for exhaustive checks.</summary>
    public const int MaxExhaustiveD = 16;

    /// <summary>
    /// The largest d an exhaustive check enumerates: 16; under the deep profile 24 for constructions checked by
    /// transforms (about 3 s per construction at d = 24, under 1 GiB) and 18 for the others (≈ 50 s each at 18).
    /// </summary>
    public static int CheckedMaxD(NetClaims.Claims.ClaimContext s, NetClaims.Constructions.Construction c) =>
        !s.Profile.Deep ? MaxExhaustiveD : c.Compact is not null ? 24 : 18;
}
