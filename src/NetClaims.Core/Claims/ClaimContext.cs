namespace NetClaims.Claims;

/// <summary>Which part of a claim a context runs: the claim's check, its negative control, or its report.</summary>
public enum ClaimRole
{
    /// <summary>The check of the claim (must hold). Written <c>check</c> in replay tokens.</summary>
    Check,

    /// <summary>The negative control (a false variant; must fail). Written <c>negative</c> in replay tokens.</summary>
    Negative,

    /// <summary>The numeric report (never in a replay token).</summary>
    Report,
}

/// <summary>The text of a role in replay tokens and derived seeds.</summary>
internal static class ClaimRoles
{
    public static string Name(this ClaimRole role) => role switch
    {
        ClaimRole.Check => "check",
        ClaimRole.Negative => "negative",
        ClaimRole.Report => "report",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>The role a token names (<c>check</c> or <c>negative</c>), or null.</summary>
    public static ClaimRole? ParseTokenRole(string text) => text switch
    {
        "check" => ClaimRole.Check,
        "negative" => ClaimRole.Negative,
        _ => null,
    };
}

/// <summary>
/// What the runner hands to every part of a claim it runs: which claim and which part (so a check never names its own
/// id or role, and replay tokens, derived seeds and the failure store always agree with the runner), the run's
/// settings (seed, profile, shard, stores), cancellation, the run's cache and its log. A user's own test can make one
/// with <see cref="Claim.RunCheck"/> and its siblings, or directly.
/// </summary>
/// <param name="Id">The claim being run.</param>
/// <param name="Role">The part of the claim being run.</param>
/// <param name="Settings">The run's settings.</param>
public sealed record ClaimContext(ClaimId Id, ClaimRole Role, RunSettings Settings)
{
    /// <summary>The run seed.</summary>
    public ulong Seed => Settings.Seed;

    /// <summary>The run profile (ci, fast, deep).</summary>
    public Profile Profile => Settings.Profile;

    /// <summary>Generated cases per property.</summary>
    public int Tests => Settings.Tests;

    /// <summary>The slice of (claim × case) this run owns.</summary>
    public Shard Shard => Settings.Shard;

    /// <summary>Cancelled when the run is interrupted; long computations should observe it.</summary>
    public CancellationToken Cancel => Settings.Cancel;

    /// <summary>The run's cache (null: this run memoises nothing), for library code that memoises per run.</summary>
    public RunCache? Cache => Settings.Cache;

    /// <summary>The same part of the claim with <paramref name="tests"/> generated cases per property.</summary>
    public ClaimContext WithTests(int tests) => this with { Settings = Settings.WithTests(tests) };

    /// <summary>The same part of the claim with other settings.</summary>
    public ClaimContext WithSettings(Func<RunSettings, RunSettings> change) => this with { Settings = change(Settings) };

    /// <summary>The value of <paramref name="compute"/> for <paramref name="key"/>, computed once per run when the run has a cache.</summary>
    public T Memo<T>(object key, Func<T> compute) => Settings.Memo(key, compute);

    /// <summary>A progress line from a long computation (to the run's listener, if any).</summary>
    public void Log(string line) => Settings.Log?.Invoke(line);

    /// <summary>A non-negative 31-bit data seed for (this claim, purpose, replicate), derived from the run seed.</summary>
    public int DataSeed(string purpose, int replicate = 0) => Settings.DataSeed(Id, purpose, replicate);

    /// <summary>The seed of (this claim, generator, repetition), derived from the run seed.</summary>
    public ulong DeriveSeed(string generator, int repetition = 0) => Settings.DeriveSeed(Id, generator, repetition);

    /// <summary>Whether a replay token is for this claim and this part of it.</summary>
    internal bool Owns(ReplayToken token) => token.Claim == Id && token.Role == Role;
}
