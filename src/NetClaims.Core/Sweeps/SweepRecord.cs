namespace NetClaims.Sweeps;

/// <summary>One claim at one run seed in a sweep: its verdict, its negative control, its time and its measurements.</summary>
public sealed record SweepRecord
{
    public required string Claim { get; init; }
    public required ulong Seed { get; init; }

    /// <summary>holds | fails | error | incomplete.</summary>
    public required string Verdict { get; init; }

    /// <summary>refuted | not-refuted.</summary>
    public required string Negative { get; init; }

    public double Seconds { get; init; }

    /// <summary>Whether the check or the negative control depends on the run seed (false: one run says it all).</summary>
    public bool UsesSeed { get; init; }

    public string? Counterexample { get; init; }
    public string? Replay { get; init; }

    /// <summary>The check's named measurements (mean over its cases, one value per name).</summary>
    public IReadOnlyDictionary<string, double> Measures { get; init; } = new Dictionary<string, double>();

    public bool CheckFailed => Verdict != "holds";

    public bool Refuted => Negative == "refuted";
}
