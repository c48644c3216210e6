namespace NetClaims.Claims;

/// <summary>
/// The serialisable record of one claim in one run (the <c>claims</c> entries of report.json). Shard reports are
/// merged from these, so everything a merged report shows is in here.
/// </summary>
public sealed record ClaimRecord
{
    /// <summary>The claim id.</summary>
    public required string Id { get; init; }
    /// <summary>The evidence tier (Exact, Certified, Tolerance, Statistical).</summary>
    public required string Tier { get; init; }
    /// <summary>Paper, locator and provenance tags.</summary>
    public required string Source { get; init; }
    /// <summary>The claim in one sentence.</summary>
    public required string Statement { get; init; }

    /// <summary>Whether the check held.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>What became of the negative control.</summary>
    public required NegativeOutcome NegativeControl { get; init; }

    /// <summary>The false variant the negative control checks.</summary>
    public required string NegativeStatement { get; init; }
    /// <summary>The case that refuted the false variant (or its error).</summary>
    public string? NegativeCounterexample { get; init; }
    /// <summary>Cases of the check and of the negative control.</summary>
    public int Cases { get; init; }

    /// <summary>Generated cases the check evaluated (the denominator of the label and coverage fractions).</summary>
    public int CheckCases { get; init; }
    /// <summary>Wall time of the claim in this run.</summary>
    public double Seconds { get; init; }
    /// <summary>The replay token of the check's counterexample, if it failed.</summary>
    public string? Replay { get; init; }
    /// <summary>The check's (shrunk) counterexample, if it failed.</summary>
    public string? Counterexample { get; init; }
    /// <summary>What went wrong, if the check errored.</summary>
    public string? Error { get; init; }
    /// <summary>What went wrong building the report, if anything.</summary>
    public string? ReportError { get; init; }

    /// <summary>The report against its approved snapshot.</summary>
    public required SnapshotState Snapshot { get; init; }

    /// <summary>The differing cells, when the snapshot does not match.</summary>
    public IReadOnlyList<string> SnapshotDifferences { get; init; } = [];
    /// <summary>Where the new report was written, when it does not match.</summary>
    public string? ReceivedPath { get; init; }
    /// <summary>Cases left to other shards.</summary>
    public int SkippedShard { get; init; }
    /// <summary>Cases not run because the time budget was reached.</summary>
    public int SkippedBudget { get; init; }
    /// <summary>Stored failures and explicit examples replayed before the fresh cases.</summary>
    public int Replayed { get; init; }
    /// <summary>Stored failures that no longer fail (removed from the store when the profile writes it).</summary>
    public int Fixed { get; init; }
    /// <summary>Label counts over the check's generated cases.</summary>
    public IReadOnlyDictionary<string, int> Labels { get; init; } = new Dictionary<string, int>();
    /// <summary>Each coverage requirement with its measured fraction.</summary>
    public IReadOnlyList<CoverageResult> Coverage { get; init; } = [];
    /// <summary>The coverage requirements the check declared.</summary>
    public IReadOnlyList<CoverageRequirement> CoverageRequirements { get; init; } = [];
    /// <summary>What targeted search maximised, if it ran.</summary>
    public string? ScoreName { get; init; }
    /// <summary>The best target score reached (targeted search included).</summary>
    public double? BestScore { get; init; }
    /// <summary>The case that reached the best score.</summary>
    public string? BestCase { get; init; }
    /// <summary>The best score among the randomly generated cases alone.</summary>
    public double? BestRandomScore { get; init; }
    /// <summary>The index of the first failing generated case (to merge shards to the same counterexample).</summary>
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
