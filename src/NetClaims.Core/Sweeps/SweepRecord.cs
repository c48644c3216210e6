using NetClaims.Claims;

namespace NetClaims.Sweeps;

/// <summary>One claim at one run seed in a sweep: its verdict, its negative control, its time and its measurements.</summary>
internal sealed record SweepRecord
{
    public required string Claim { get; init; }
    public required ulong Seed { get; init; }

    public required SweepVerdict Verdict { get; init; }

    /// <summary>Refuted or not (a sweep runs every negative control whole).</summary>
    public required NegativeOutcome Negative { get; init; }

    public double Seconds { get; init; }

    /// <summary>Whether the check or the negative control depends on the run seed (false: one run says it all).</summary>
    public bool UsesSeed { get; init; }

    public string? Counterexample { get; init; }
    public string? Replay { get; init; }

    /// <summary>The check's named measurements (mean over its cases, one value per name).</summary>
    public IReadOnlyDictionary<string, double> Measures { get; init; } = new Dictionary<string, double>();

    public bool CheckFailed => Verdict != SweepVerdict.Holds;

    public bool Refuted => Negative == NegativeOutcome.Refuted;
}
