namespace NetClaims.Claims;

/// <summary>
/// How hard a run tries. <c>ci</c> (automatic when CI=true): fixed seed 0, no failure-database writes, fixed budgets,
/// and a check cut short by its time budget fails (<see cref="IncompleteFails"/>). <c>fast</c> (default locally): a
/// fresh random run seed each run (printed, so any run can be repeated), failures stored. <c>deep</c>: ten times the
/// cases, larger d where claims support it, long budgets.
/// </summary>
public sealed record Profile(string Name, int Tests, TimeSpan CheckBudget, TimeSpan ShrinkBudget, bool WritesFailures, bool RandomSeed, bool Deep)
{
    /// <summary>A check stopped by its time budget before its declared minimum number of cases fails instead of holding.</summary>
    public bool IncompleteFails { get; init; }

    /// <summary>The deterministic CI profile (seed 0, incomplete checks fail).</summary>
    public static Profile CiProfile { get; } = new("ci", 100, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30), WritesFailures: false, RandomSeed: false, Deep: false) { IncompleteFails = true };

    /// <summary>The local default: a random seed, the same sizes as ci.</summary>
    public static Profile FastProfile { get; } = new("fast", 100, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30), WritesFailures: true, RandomSeed: true, Deep: false);

    /// <summary>Larger sizes and budgets, for nightly or release runs.</summary>
    public static Profile DeepProfile { get; } = new("deep", 1000, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(2), WritesFailures: true, RandomSeed: true, Deep: true);

    /// <summary>Every profile, by name.</summary>
    public static IReadOnlyList<Profile> All { get; } = [CiProfile, FastProfile, DeepProfile];

    /// <summary>The profile named on the command line, or the automatic one (ci when CI=true, else fast).</summary>
    public static Profile Resolve(string? name)
    {
        if (string.IsNullOrEmpty(name)) return Reports.Ci.IsCi ? CiProfile : FastProfile;
        return All.FirstOrDefault(p => p.Name == name)
            ?? throw new NetClaims.Reports.UsageException($"unknown profile '{name}' (known: {string.Join(", ", All.Select(p => p.Name))})");
    }
}
