namespace NetClaims.Claims;

/// <summary>
/// Immutable settings of one run, overridable per claim with the <c>WithX</c> methods.
/// Seeds for each check are derived from (run seed, claim id, role), so a run is deterministic given its seed.
/// </summary>
public sealed record RunSettings
{
    /// <summary>The run seed (default 0; CI=true always uses a fixed seed).</summary>
    public ulong Seed { get; init; }

    /// <summary>Generated cases per property (Hedgehog's number of tests).</summary>
    public int Tests { get; init; } = 100;

    /// <summary>A replay token to re-run instead of a fresh search, if it belongs to the check being run.</summary>
    public string? Replay { get; init; }

    /// <summary>Progress lines from long checks.</summary>
    public Action<string>? Log { get; init; }

    public CancellationToken Cancel { get; init; }

    public static RunSettings Default { get; } = new();

    public RunSettings WithSeed(ulong seed) => this with { Seed = seed };

    public RunSettings WithTests(int tests) => this with { Tests = tests > 0 ? tests : throw new ArgumentOutOfRangeException(nameof(tests)) };

    public RunSettings WithReplay(string? token) => this with { Replay = token };

    public RunSettings WithLog(Action<string>? log) => this with { Log = log };

    public RunSettings WithCancellation(CancellationToken cancel) => this with { Cancel = cancel };

    /// <summary>A stable 64-bit seed for (run seed, claim id, role): FNV-1a over the text, mixed with the run seed.</summary>
    public ulong DeriveSeed(ClaimId id, string role)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in $"{id.Value}/{role}")
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        // SplitMix64 finaliser so that nearby run seeds give unrelated streams.
        ulong z = h ^ (Seed + 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
