namespace NetClaims.Claims;

/// <summary>What a check did besides its verdict: cases evaluated and skipped, labels, the best target score.</summary>
public sealed record CheckStats
{
    /// <summary>No cases, no labels, no measurements.</summary>
    public static CheckStats Empty { get; } = new();

    /// <summary>Cases the body evaluated (search and targeted phases, not shrink candidates).</summary>
    public int Evaluated { get; init; }

    /// <summary>Generated cases the body evaluated (the denominator of label fractions and coverage).</summary>
    public int Generated { get; init; }

    /// <summary>Cases left to other shards.</summary>
    public int SkippedShard { get; init; }

    /// <summary>Cases not evaluated because the time budget ran out.</summary>
    public int SkippedBudget { get; init; }

    /// <summary>Whether the time budget stopped the check before every case ran.</summary>
    public bool BudgetExhausted => SkippedBudget > 0;

    /// <summary>Stored failures and explicit examples replayed before the fresh search.</summary>
    public int Replayed { get; init; }

    /// <summary>Stored failures that now pass (removed from the database when the profile writes it).</summary>
    public int Fixed { get; init; }

    /// <summary>How many evaluated cases carried each label.</summary>
    public IReadOnlyDictionary<string, int> Labels { get; init; } = new Dictionary<string, int>();

    /// <summary>Each coverage requirement with the fraction of cases that carried its label (whole runs only).</summary>
    public IReadOnlyList<CoverageResult> Coverage { get; init; } = [];

    /// <summary>The claim's coverage requirements (kept so that merged shards can re-check coverage on all cases).</summary>
    public IReadOnlyList<CoverageRequirement> Requirements { get; init; } = [];

    /// <summary>What the target score measures (targeted search), or null.</summary>
    public string? ScoreName { get; init; }

    /// <summary>The highest target score seen (random phase and hill climbing), and the case that reached it.</summary>
    public double? BestScore { get; init; }

    /// <summary>The case with the best target score, shown as the check shows cases.</summary>
    public string? BestCase { get; init; }

    /// <summary>The best score among the randomly generated cases alone (before hill climbing).</summary>
    public double? BestRandomScore { get; init; }

    /// <summary>Index of the generated case that first failed (to merge shards deterministically).</summary>
    public int? FirstFailureIndex { get; init; }

    /// <summary>Whether the outcome depends on the run seed (generated or sampled cases); an enumeration does not.</summary>
    public bool UsesSeed { get; init; }

    /// <summary>The named measurements of the evaluated cases (<see cref="CaseContext.Measure"/>), summarised per name.</summary>
    public IReadOnlyDictionary<string, MeasureSummary> Measures { get; init; } = new Dictionary<string, MeasureSummary>();

    /// <summary>The declared minimum number of cases; fewer, because the time budget ran out, makes the check incomplete.</summary>
    public int MinimumCases { get; init; }

    /// <summary>Stopped by its time budget before <see cref="MinimumCases"/> were checked.</summary>
    public bool Incomplete { get; init; }

    /// <summary>Fresh-seed runs made to confirm stored statistical failures (0 when none were stored).</summary>
    public int Confirmations { get; init; }
}

/// <summary>Count, mean, minimum and maximum of one named measurement over the cases of a check.</summary>
public sealed record MeasureSummary(int Count, double Mean, double Min, double Max)
{
    /// <summary>The summary (count, mean, extremes) of a measurement over its values.</summary>
    public static MeasureSummary Of(IReadOnlyList<double> values) =>
        new(values.Count, values.Count == 0 ? double.NaN : values.Average(), values.Count == 0 ? double.NaN : values.Min(), values.Count == 0 ? double.NaN : values.Max());
}
