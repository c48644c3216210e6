namespace NetClaims.Claims;

/// <summary>
/// One token that replays a failure: <c>claim-id/role@hedgehog-recheck-data</c>, e.g.
/// <c>ahs23.thm4.blades.interpolates/negative@2_123_457_0</c>. Passed to <c>netclaims verify --replay TOKEN</c>
/// (or the NETCLAIMS_REPLAY environment variable), it re-runs exactly the shrunk case.
/// </summary>
public sealed record ReplayToken(ClaimId Claim, string Role, string Data)
{
    public override string ToString() => $"{Claim.Value}/{Role}@{Data}";

    /// <summary>The command line that replays this token.</summary>
    public string Command => $"netclaims verify --claim {Claim.Value} --replay '{this}'";

    public static bool TryParse(string? text, out ReplayToken token)
    {
        token = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        int at = text.IndexOf('@');
        int slash = at < 0 ? -1 : text.LastIndexOf('/', at);
        if (at < 0 || slash < 0) return false;
        try
        {
            token = new ReplayToken(new ClaimId(text[..slash]), text[(slash + 1)..at], text[(at + 1)..]);
            return token.Role is "check" or "negative" && token.Data.Length > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Parses or throws a one-line error.</summary>
    public static ReplayToken Parse(string text) =>
        TryParse(text, out var t) ? t : throw new FormatException($"'{text}' is not a replay token (expected CLAIM-ID/check@DATA or CLAIM-ID/negative@DATA)");
}
