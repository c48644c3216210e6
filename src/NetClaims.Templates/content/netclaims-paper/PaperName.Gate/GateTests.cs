using NetClaims.Claims;
using Xunit;

namespace PaperName.Gate;

/// <summary>One test per claim: it holds, its negative control is refuted, its report matches snapshots/.</summary>
public sealed class GateTests
{
    static readonly IClaimSource Claims = ClaimSource.FromAssembly(typeof(PaperName.Claims.ExampleClaims).Assembly);

    public static TheoryData<string> Ids() => new(ClaimGate.Ids(Claims));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Claim_passes(string id) => ClaimGate.Check(Claims, id);
}
