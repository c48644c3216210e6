namespace NetClaims.Claims;

/// <summary>
/// The serialisable record of one claim in one run (the <c>claims</c> entries of report.json). Shard reports are
/// merged from these, so everything a merged report shows is in here.
/// </summary>
public sealed record ClaimRecord
{
    public required string Id { get; init; }
    public required string Tier { get; init; }
    public required string Source { get; init; }
    public required string Statement { get; init; }

    public required Verdict Verdict { get; init; }

    public required NegativeOutcome NegativeControl { get; init; }

    public required string NegativeStatement { get; init; }
    public string? NegativeCounterexample { get; init; }
    /// <summary>Cases of the check and of the negative control.</summary>
    public int Cases { get; init; }

    /// <summary>Generated cases the check evaluated (the denominator of the label and coverage fractions).</summary>
    public int CheckCases { get; init; }
    public double Seconds { get; init; }
    public string? Replay { get; init; }
    public string? Counterexample { get; init; }
    public string? Error { get; init; }
    public string? ReportError { get; init; }

    public required SnapshotState Snapshot { get; init; }

    public IReadOnlyList<string> SnapshotDifferences { get; init; } = [];
    public string? ReceivedPath { get; init; }
    public int SkippedShard { get; init; }
    public int SkippedBudget { get; init; }
    public int Replayed { get; init; }
    public int Fixed { get; init; }
    public IReadOnlyDictionary<string, int> Labels { get; init; } = new Dictionary<string, int>();
    public IReadOnlyList<CoverageResult> Coverage { get; init; } = [];
    public IReadOnlyList<CoverageRequirement> CoverageRequirements { get; init; } = [];
    public string? ScoreName { get; init; }
    public double? BestScore { get; init; }
    public string? BestCase { get; init; }
    public double? BestRandomScore { get; init; }
    public int? FirstFailureIndex { get; init; }

    /// <summary>The check was stopped by its time budget before its declared minimum number of cases (it held on those it ran).</summary>
    public bool Incomplete { get; init; }

    /// <summary>Fresh-seed runs made to confirm stored statistical failures.</summary>
    public int Confirmations { get; init; }

    /// <summary>Whether this run owned the claim's negative control, targeted search and report (always, unsharded).</summary>
    public bool Owner { get; init; } = true;

    /// <summary>Holds, negative control refuted, snapshot matched; in a shard that does not own the claim, its slice held.</summary>
    public bool Passed => Verdict == Verdict.Holds && (Owner
        ? NegativeControl == NegativeOutcome.Refuted && Snapshot is SnapshotState.Match or SnapshotState.NotAvailable
        : NegativeControl == NegativeOutcome.NotRun && Snapshot == SnapshotState.NotRun);
}
