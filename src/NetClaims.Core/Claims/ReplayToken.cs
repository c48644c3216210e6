using NetClaims.Reports;
namespace NetClaims.Claims;

/// <summary>What a replay token's data re-runs.</summary>
internal enum ReplayKind
{
    /// <summary>Hedgehog's recheck data <c>size_seed_gamma_path</c>: jumps straight to the shrunk case.</summary>
    Hedgehog,

    /// <summary><c>T_runseed</c>: a counterexample found by targeted search, replayed by re-running the search.</summary>
    Targeted,

    /// <summary><c>S_dataseed</c>: one sampled statistic, re-measured from its data seed.</summary>
    Statistic,

    /// <summary><c>E_index</c>: one case of an enumerated check (e.g. one d of an exhaustive range).</summary>
    Enumerated,
}

/// <summary>
/// One token that replays a failure: <c>nc1:claim-id/role@data</c>. <c>nc1</c> is the harness version (a token from
/// another version is refused, not misread); role is <c>check</c> or <c>negative</c>; data says what to re-run
/// (<see cref="ReplayKind"/>): Hedgehog's recheck data (size, seed, gamma and shrink path), <c>T_seed</c> for targeted
/// search, <c>S_seed</c> for a sampled statistic, <c>E_index</c> for a case of an enumeration.
/// Passed to <c>netclaims verify --replay TOKEN</c> or the NETCLAIMS_REPLAY environment variable.
/// </summary>
public sealed partial record ReplayToken(ClaimId Claim, ClaimRole Role, string Data)
{
    /// <summary>The token format version (<c>nc1</c>); tokens of another version are refused.</summary>
    public const int HarnessVersion = 1;

    const string Prefix = "nc1:";

    /// <summary>The token text, <c>nc1:claim-id/role@data</c>.</summary>
    public override string ToString() => $"{Prefix}{Claim.Value}/{Role.Name()}@{Data}";

    /// <summary>The command line that replays this token.</summary>
    public string Command => CommandFor(Claim.Value, ToString());

    /// <summary>The replay command for a token kept as text (a run record's), the token single-quoted so it pastes into a shell.</summary>
    internal static string CommandFor(string claimId, string token) => $"netclaims verify --claim {claimId} --replay '{token}'";

    /// <summary>What the data re-runs.</summary>
    internal ReplayKind Kind => Data[..Math.Min(2, Data.Length)] switch
    {
        "T_" => ReplayKind.Targeted,
        "S_" => ReplayKind.Statistic,
        "E_" => ReplayKind.Enumerated,
        _ => ReplayKind.Hedgehog,
    };

    /// <summary>True for a counterexample found by targeted search.</summary>
    internal bool IsTargeted => Kind == ReplayKind.Targeted;

    /// <summary>The number after <c>T_</c>, <c>S_</c> or <c>E_</c> (validated when the token was parsed).</summary>
    internal ulong Number => Kind == ReplayKind.Hedgehog ? throw new InvalidOperationException("a Hedgehog token carries recheck data, not a number") : ulong.Parse(Data[2..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether the data can be replayed at all (its form, not whether it belongs to a given check).</summary>
    static bool ValidData(string data) => data[..Math.Min(2, data.Length)] switch
    {
        "T_" => ulong.TryParse(data[2..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _),
        "S_" => int.TryParse(data[2..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _),
        "E_" => int.TryParse(data[2..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _),
        _ => HedgehogData().IsMatch(data),
    };

    // size_seed_gamma_path: size an int, seed and gamma unsigned 64-bit, path shrink indices joined by '-'.
    [System.Text.RegularExpressions.GeneratedRegex("^[0-9]{1,9}_[0-9]{1,20}_[0-9]{1,20}_([0-9]{1,9}(-[0-9]{1,9})*)?$")]
    private static partial System.Text.RegularExpressions.Regex HedgehogData();

    /// <summary>Parses a token, or returns false.</summary>
    public static bool TryParse(string? text, out ReplayToken token)
    {
        token = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        try
        {
            token = Parse(text);
            return true;
        }
        catch (UsageException)
        {
            return false;
        }
    }

    /// <summary>Parses or throws a one-line <see cref="UsageException"/> that says what is wrong (a token is the user's input).</summary>
    public static ReplayToken Parse(string text)
    {
        text = text.Trim();
        int colon = text.IndexOf(':');
        if (colon < 0 || !text.StartsWith("nc", StringComparison.Ordinal) || !int.TryParse(text[2..colon], out int version))
            throw new UsageException($"'{text}' is not a replay token (expected nc{HarnessVersion}:CLAIM-ID/check@DATA)");
        if (version != HarnessVersion)
            throw new UsageException($"replay token '{text}' is from harness version {version}; this is version {HarnessVersion}");
        var body = text[(colon + 1)..];
        int at = body.IndexOf('@');
        int slash = at < 0 ? -1 : body.LastIndexOf('/', at);
        if (at < 0 || slash < 0) throw new UsageException($"'{text}' is not a replay token (expected nc{HarnessVersion}:CLAIM-ID/check@DATA)");
        string role = body[(slash + 1)..at], data = body[(at + 1)..];
        if (ClaimRoles.ParseTokenRole(role) is not { } parsedRole) throw new UsageException($"replay token '{text}' has role '{role}' (expected check or negative)");
        if (data.Length == 0 || data.Any(char.IsWhiteSpace)) throw new UsageException($"replay token '{text}' has no data after '@'");
        if (!ValidData(data)) throw new UsageException($"replay token '{text}' has data '{data}' that cannot be replayed (expected Hedgehog recheck data size_seed_gamma_path, or T_/S_/E_ followed by a number)");
        try
        {
            return new ReplayToken(new ClaimId(body[..slash]), parsedRole, data);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"replay token '{text}': {e.Message.Split(" (Parameter")[0]}");
        }
    }
}
