namespace NetClaims.Claims;

/// <summary>
/// One token that replays a failure: <c>nc1:claim-id/role@data</c>. <c>nc1</c> is the harness version (a token from
/// another version is refused, not misread); role is <c>check</c> or <c>negative</c>; data is Hedgehog's recheck data
/// (size, seed, gamma and shrink path: it jumps straight to the shrunk case), or <c>T_seed</c> for a counterexample found
/// by targeted search (replayed by re-running the search from that run seed).
/// Passed to <c>netclaims verify --replay TOKEN</c> or the NETCLAIMS_REPLAY environment variable.
/// </summary>
public sealed record ReplayToken(ClaimId Claim, string Role, string Data)
{
    public const int HarnessVersion = 1;

    const string Prefix = "nc1:";

    public override string ToString() => $"{Prefix}{Claim.Value}/{Role}@{Data}";

    /// <summary>The command line that replays this token.</summary>
    public string Command => $"netclaims verify --claim {Claim.Value} --replay '{this}'";

    /// <summary>True for a counterexample found by targeted search.</summary>
    public bool IsTargeted => Data.StartsWith("T_", StringComparison.Ordinal);

    public static bool TryParse(string? text, out ReplayToken token)
    {
        token = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        try
        {
            token = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Parses or throws a one-line <see cref="FormatException"/> that says what is wrong.</summary>
    public static ReplayToken Parse(string text)
    {
        text = text.Trim();
        int colon = text.IndexOf(':');
        if (colon < 0 || !text.StartsWith("nc", StringComparison.Ordinal) || !int.TryParse(text[2..colon], out int version))
            throw new FormatException($"'{text}' is not a replay token (expected nc{HarnessVersion}:CLAIM-ID/check@DATA)");
        if (version != HarnessVersion)
            throw new FormatException($"replay token '{text}' is from harness version {version}; this is version {HarnessVersion}");
        var body = text[(colon + 1)..];
        int at = body.IndexOf('@');
        int slash = at < 0 ? -1 : body.LastIndexOf('/', at);
        if (at < 0 || slash < 0) throw new FormatException($"'{text}' is not a replay token (expected nc{HarnessVersion}:CLAIM-ID/check@DATA)");
        string role = body[(slash + 1)..at], data = body[(at + 1)..];
        if (role is not ("check" or "negative")) throw new FormatException($"replay token '{text}' has role '{role}' (expected check or negative)");
        if (data.Length == 0 || data.Any(char.IsWhiteSpace)) throw new FormatException($"replay token '{text}' has no data after '@'");
        try
        {
            return new ReplayToken(new ClaimId(body[..slash]), role, data);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"replay token '{text}': {e.Message.Split(" (Parameter")[0]}");
        }
    }
}
