namespace NetClaims.Claims;

/// <summary>What checking a statement found.</summary>
public abstract record CheckOutcome(int Cases)
{
    /// <summary>Every generated case satisfied the statement.</summary>
    public sealed record Holds(int Cases, string Summary) : CheckOutcome(Cases);

    /// <summary>A (shrunk) counterexample, with the token that replays it (none for a vacuous check).</summary>
    public sealed record Fails(int Cases, string Counterexample, string? Replay) : CheckOutcome(Cases);

    /// <summary>The check could not run to a verdict (bad size, NaN, exception).</summary>
    public sealed record Errored(int Cases, string Message) : CheckOutcome(Cases);

    /// <summary>Cases evaluated and skipped, labels and coverage, best target score.</summary>
    public CheckStats Stats { get; init; } = CheckStats.Empty;

    /// <summary>Whether the check found no counterexample.</summary>
    public bool IsHolds => this is Holds;

    /// <summary>Whether the check found a counterexample.</summary>
    public bool IsFails => this is Fails;
}
