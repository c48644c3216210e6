namespace NetClaims.Claims;

/// <summary>
/// What a property body may tell the runner about the case it is checking: labels for the coverage table
/// (classification), a score for targeted search (e.g. measured/bound, to be maximised), and named measurements
/// (the statistic a statistical claim judges, collected by <c>netclaims sweep</c> to show its distribution over seeds).
/// </summary>
public sealed class CaseContext
{
    readonly List<string> labels = [];
    readonly Dictionary<string, double> measures = new(StringComparer.Ordinal);

    /// <summary>The labels given to this case, in order (for the coverage table).</summary>
    public IReadOnlyList<string> Labels => labels;

    /// <summary>The case's named measurements (the last value given for each name).</summary>
    public IReadOnlyDictionary<string, double> Measures => measures;

    /// <summary>The case's target score, if the body set one.</summary>
    public double? Score { get; private set; }

    /// <summary>Adds a label to this case (counted in the coverage table and checked against coverage requirements).</summary>
    public CaseContext Label(string label)
    {
        labels.Add(label);
        return this;
    }

    /// <summary>Adds <paramref name="label"/> when <paramref name="condition"/> holds.</summary>
    public CaseContext Classify(bool condition, string label) => condition ? Label(label) : this;

    /// <summary>Reports the score to maximise; a NaN score fails the case (it never compares with anything).</summary>
    public CaseContext Target(double score)
    {
        Score = score;
        return this;
    }

    /// <summary>Records a named measurement of this case (e.g. a fitted slope), for sweeps and pilot runs.</summary>
    public CaseContext Measure(string name, double value)
    {
        measures[name] = value;
        return this;
    }
}
