using System.Text.Json.Serialization;

namespace NetClaims.Claims;

/// <summary>A claim's verdict; written <c>holds</c>, <c>fails</c>, <c>error</c> in tables and JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
public enum Verdict
{
    /// <summary>The check found no counterexample.</summary>
    [JsonStringEnumMemberName("holds")] Holds,
    /// <summary>The check found a counterexample.</summary>
    [JsonStringEnumMemberName("fails")] Fails,
    /// <summary>The check or the report threw.</summary>
    [JsonStringEnumMemberName("error")] Error,
}

/// <summary>What became of a claim's negative control; written <c>refuted</c>, <c>not-refuted</c>, <c>not-run</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NegativeOutcome>))]
public enum NegativeOutcome
{
    /// <summary>The false variant failed, as it must.</summary>
    [JsonStringEnumMemberName("refuted")] Refuted,

    /// <summary>The false variant held (or errored): the check cannot tell it apart.</summary>
    [JsonStringEnumMemberName("not-refuted")] NotRefuted,

    /// <summary>Another shard owns the negative control.</summary>
    [JsonStringEnumMemberName("not-run")] NotRun,
}

/// <summary>A report against its approved snapshot; written <c>match</c>, <c>mismatch</c>, <c>missing</c>, <c>corrupt</c>,
/// <c>n/a</c> (no comparison asked for) and <c>not-run</c> (another shard owns the report).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SnapshotState>))]
public enum SnapshotState
{
    /// <summary>Every cell within its column's tolerance.</summary>
    [JsonStringEnumMemberName("match")] Match,
    /// <summary>Some cells differ.</summary>
    [JsonStringEnumMemberName("mismatch")] Mismatch,
    /// <summary>No approved snapshot.</summary>
    [JsonStringEnumMemberName("missing")] Missing,
    /// <summary>The approved snapshot cannot be read.</summary>
    [JsonStringEnumMemberName("corrupt")] Corrupt,
    /// <summary>No comparison was asked for.</summary>
    [JsonStringEnumMemberName("n/a")] NotAvailable,
    /// <summary>Another shard owns the report.</summary>
    [JsonStringEnumMemberName("not-run")] NotRun,
}

/// <summary>The words of the outcome enums, as tables and JSON write them.</summary>
public static class OutcomeWords
{
    /// <summary>holds, fails or error.</summary>
    public static string Word(this Verdict v) => v switch
    {
        Verdict.Holds => "holds", Verdict.Fails => "fails", Verdict.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(v)),
    };

    /// <summary>refuted, not-refuted or not-run.</summary>
    public static string Word(this NegativeOutcome n) => n switch
    {
        NegativeOutcome.Refuted => "refuted", NegativeOutcome.NotRefuted => "not-refuted", NegativeOutcome.NotRun => "not-run",
        _ => throw new ArgumentOutOfRangeException(nameof(n)),
    };

    /// <summary>match, mismatch, missing, corrupt, n/a or not-run.</summary>
    public static string Word(this SnapshotState s) => s switch
    {
        SnapshotState.Match => "match", SnapshotState.Mismatch => "mismatch", SnapshotState.Missing => "missing",
        SnapshotState.Corrupt => "corrupt", SnapshotState.NotAvailable => "n/a", SnapshotState.NotRun => "not-run",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };
}

/// <summary>A check's verdict at one seed of a sweep: a claim's verdict, or <c>incomplete</c> when the time budget
/// stopped the check before its declared minimum (it held on the cases it ran).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SweepVerdict>))]
internal enum SweepVerdict
{
    [JsonStringEnumMemberName("holds")] Holds,
    [JsonStringEnumMemberName("fails")] Fails,
    [JsonStringEnumMemberName("error")] Error,
    [JsonStringEnumMemberName("incomplete")] Incomplete,
}

/// <summary>The word of a sweep verdict.</summary>
internal static class SweepVerdictWords
{
    public static string Word(this SweepVerdict v) => v switch
    {
        SweepVerdict.Holds => "holds", SweepVerdict.Fails => "fails", SweepVerdict.Error => "error", SweepVerdict.Incomplete => "incomplete",
        _ => throw new ArgumentOutOfRangeException(nameof(v)),
    };
}
