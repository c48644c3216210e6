namespace NetClaims.Claims;

/// <summary>
/// Immutable settings of one run, overridable per claim with the <c>WithX</c> methods (no global registry).
/// Seeds for each check are derived from (run seed, claim id, generator, repetition), so a run is reproducible from its
/// seed, and two generators of one claim never share a stream.
/// </summary>
public sealed record RunSettings
{
    /// <summary>The run seed (ci profile: always 0).</summary>
    public ulong Seed { get; private init; }

    /// <summary>The run profile.</summary>
    public Profile Profile { get; private init; } = Profile.CiProfile;

    /// <summary>Generated cases per property (Hedgehog's number of tests); from the profile unless overridden.</summary>
    public int Tests { get; private init; } = Profile.CiProfile.Tests;

    /// <summary>The slice of (claim × case) this run owns.</summary>
    public Shard Shard { get; private init; } = Shard.Whole;

    /// <summary>A replay token to re-run instead of a fresh search, if it belongs to the check being run.</summary>
    public string? Replay { get; private init; }

    /// <summary>The failure database (null: none).</summary>
    internal FailureStore? Failures { get; private init; }

    /// <summary>Promoted explicit examples (null: none).</summary>
    internal ExampleStore? Examples { get; private init; }

    /// <summary>Progress lines from long checks: the runner routes them to its <see cref="IClaimListener"/>.</summary>
    internal Action<string>? Log { get; private init; }

    /// <summary>Cancelled when the run is interrupted.</summary>
    public CancellationToken Cancel { get; private init; }

    /// <summary>The evidence tier of the claim being run (set by the runner): Statistical checks treat stored failures as
    /// suspects to confirm at fresh seeds rather than as deterministic counterexamples.</summary>
    public EvidenceTier? Tier { get; private init; }

    /// <summary>Memoisation for this run (null: compute every time).</summary>
    public RunCache? Cache { get; private init; }

    /// <summary>Run seeds from here on are reserved for pilot sweeps (the data that pre-registers statistical bands), so
    /// no gate run (ci: 0; fast/deep: a random 31-bit seed, or one below this bound given by hand) can reuse them.</summary>
    public const ulong PilotSeedBase = 1UL << 40;

    /// <summary>Seed 0, the ci profile, the whole run, no stores, no cache.</summary>
    public static RunSettings Default { get; } = new();

    /// <summary>The same settings at another run seed.</summary>
    public RunSettings WithSeed(ulong seed) => this with { Seed = seed };

    /// <summary>The same settings under another profile (and its number of tests).</summary>
    public RunSettings WithProfile(Profile p) => this with { Profile = p, Tests = p.Tests };

    /// <summary>The same settings with another number of generated cases per property (positive).</summary>
    public RunSettings WithTests(int tests) => this with { Tests = tests > 0 ? tests : throw new ArgumentOutOfRangeException(nameof(tests)) };

    /// <summary>The same settings for one slice of the run.</summary>
    public RunSettings WithShard(Shard shard) => this with { Shard = shard };

    /// <summary>The same settings replaying a token (null: a fresh search).</summary>
    public RunSettings WithReplay(string? token) => this with { Replay = token };

    internal RunSettings WithFailures(FailureStore? store) => this with { Failures = store };

    internal RunSettings WithExamples(ExampleStore? store) => this with { Examples = store };

    internal RunSettings WithLog(Action<string>? log) => this with { Log = log };

    /// <summary>The same settings with a cancellation token.</summary>
    public RunSettings WithCancellation(CancellationToken cancel) => this with { Cancel = cancel };

    /// <summary>The same settings for a claim of this tier (set by the runner).</summary>
    public RunSettings WithTier(EvidenceTier? tier) => this with { Tier = tier };

    /// <summary>The same settings with a per-run cache (null: memoise nothing).</summary>
    public RunSettings WithCache(RunCache? cache) => this with { Cache = cache };

    /// <summary>The value of <paramref name="compute"/> for <paramref name="key"/>, computed once per run when a cache is set.</summary>
    public T Memo<T>(object key, Func<T> compute) => Cache is null ? compute() : Cache.Get(key, compute);

    /// <summary>A non-negative 31-bit data seed for (claim, purpose, replicate), derived from the run seed.</summary>
    public int DataSeed(ClaimId id, string purpose, int replicate = 0) => (int)(DeriveSeed(id, purpose, replicate) >> 33);

    /// <summary>The seed of (claim, generator, repetition): FNV-1a of the text, mixed with the run seed by SplitMix64.</summary>
    public ulong DeriveSeed(ClaimId id, string generator, int repetition = 0)
    {
        ulong h = Shard.StableHash($"{id.Value}/{generator}/{repetition}");
        ulong z = h ^ (Seed + 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
