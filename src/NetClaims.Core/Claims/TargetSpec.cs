namespace NetClaims.Claims;

/// <summary>
/// Targeted search (after Hypothesis's <c>target</c>): the body reports a score with <see cref="CaseContext.Target"/>;
/// after the generated cases, the runner samples <see cref="Starts"/> points from <see cref="Start"/>, keeps the best
/// <see cref="Climbers"/>, and hill-climbs each for <see cref="Steps"/> mutations, keeping a mutation when its score
/// rises. The report shows the highest score found even when the claim holds: how close the worst case came.
/// </summary>
/// <param name="ScoreName">What the score measures, e.g. "corr / (ρ_d‖w‖)".</param>
/// <param name="Start">A seeded sampler of starting cases.</param>
/// <param name="Mutate">A seeded small change of a case.</param>
public sealed record TargetSpec<T>(string ScoreName, Func<Random, T> Start, Func<T, Random, T> Mutate, int Starts = 20, int Climbers = 3, int Steps = 200);

/// <summary>Options of a generated check beyond its generator and body.</summary>
public sealed record CheckOptions<T>
{
    /// <summary>How a case is printed in counterexamples.</summary>
    public Func<T, string> Show { get; init; } = t => t?.ToString() ?? "";

    /// <summary>Labels that must reach a fraction of the cases, or the check is vacuous.</summary>
    public IReadOnlyList<CoverageRequirement> Coverage { get; init; } = [];

    /// <summary>Targeted search after the random cases (null: none).</summary>
    public TargetSpec<T>? Target { get; init; }

    /// <summary>What the body's <see cref="CaseContext.Target"/> score measures (defaults to the target spec's name).</summary>
    public string? ScoreName { get; init; }

    /// <summary>
    /// The fewest generated cases that make the check complete (default: every case the run asks for). A check stopped
    /// by its time budget before this many is <em>incomplete</em>; under the ci profile an incomplete check fails.
    /// </summary>
    public int? MinimumCases { get; init; }
}
