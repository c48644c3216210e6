namespace NetClaims.Claims;

/// <summary>
/// What one check saw, case by case: counts, labels, named measurements and target scores. Shared by the three kinds
/// of check (<see cref="Generated.ForAll{T}"/>, <see cref="Generated.ForEach{T}"/>, <see cref="Generated.Statistic{T}"/>)
/// so their statistics read alike.
/// </summary>
internal sealed class CaseLog
{
    readonly Dictionary<string, int> labels = [];
    readonly Dictionary<string, List<double>> measures = new(StringComparer.Ordinal);

    public int Evaluated, Generated, SkippedShard, SkippedBudget, Replayed, Fixed, Confirmations;
    public int? FirstFailureIndex;
    public double? BestScore, BestRandomScore;
    public string? BestCase;

    public IReadOnlyDictionary<string, int> Labels => labels;

    /// <summary>Records a case; labels and measurements count the generated (or enumerated) cases only.</summary>
    public void Record(CaseContext ctx, Func<string> show, bool generated)
    {
        Evaluated++;
        if (generated)
        {
            Generated++;
            foreach (var l in ctx.Labels.Distinct()) labels[l] = labels.GetValueOrDefault(l) + 1;
            // A non-finite measurement fails its case (Generated.Invoke); it is not summarised, so reports and sweeps stay finite.
            foreach (var (name, value) in ctx.Measures)
                if (double.IsFinite(value)) (measures.TryGetValue(name, out var list) ? list : measures[name] = []).Add(value);
        }
        if (ctx.Score is not double sc) return;
        if (generated && (BestRandomScore is null || sc > BestRandomScore)) BestRandomScore = sc;
        if (BestScore is null || sc > BestScore) (BestScore, BestCase) = (sc, show());
    }

    public IReadOnlyList<CoverageResult> Coverage(IReadOnlyList<CoverageRequirement> requirements) =>
        requirements.Select(c => CoverageResult.Check(c, labels.GetValueOrDefault(c.Label), Generated)).ToArray();

    public CheckStats Stats(bool usesSeed, int minimumCases, bool incomplete, IReadOnlyList<CoverageRequirement> requirements, IReadOnlyList<CoverageResult>? coverage, string? scoreName) => new()
    {
        Evaluated = Evaluated,
        Generated = Generated,
        SkippedShard = SkippedShard,
        SkippedBudget = SkippedBudget,
        Replayed = Replayed,
        Fixed = Fixed,
        Confirmations = Confirmations,
        Labels = new SortedDictionary<string, int>(labels, StringComparer.Ordinal),
        Coverage = coverage ?? [],
        Requirements = requirements,
        ScoreName = scoreName,
        BestScore = BestScore,
        BestCase = BestCase,
        BestRandomScore = BestRandomScore,
        FirstFailureIndex = FirstFailureIndex,
        UsesSeed = usesSeed,
        Measures = new SortedDictionary<string, MeasureSummary>(measures.ToDictionary(m => m.Key, m => MeasureSummary.Of(m.Value)), StringComparer.Ordinal),
        MinimumCases = minimumCases,
        Incomplete = incomplete,
    };
}
