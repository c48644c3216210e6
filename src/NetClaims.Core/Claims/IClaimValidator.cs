using System.Text.RegularExpressions;
using NetClaims.Reports;

namespace NetClaims.Claims;

/// <summary>
/// A rule checked before any claim runs (after BenchmarkDotNet's validators): a run whose claims break one does no
/// work and exits with the problems as one-line usage errors. Validators see the selected claims and what the run will
/// use; they must be cheap (no check, no report).
/// </summary>
public interface IClaimValidator
{
    /// <summary>One line per problem; empty when the rule holds.</summary>
    IEnumerable<string> Validate(IReadOnlyList<Claim> claims, RunSettings settings, SnapshotStore? snapshots);
}

/// <summary>The validators every run applies (<see cref="Default"/>), and each on its own.</summary>
public static partial class ClaimValidators
{
    /// <summary>No two claims share an id (a duplicate would share replay tokens, stored failures and a snapshot).</summary>
    public static IClaimValidator UniqueIds { get; } = new Rule((claims, _, _) =>
        claims.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => $"claim id {g.Key} is declared {g.Count()} times"));

    /// <summary>
    /// Every claim says where it comes from: a paper, a locator, and at least one provenance tag, each tag made of the
    /// known kinds (SRC or SRC:where, DER, NUM, REC, SEED, UNSURE, joined by '+'), so a derived or unsure constant is
    /// never presented as the paper's by omission.
    /// </summary>
    public static IClaimValidator Provenance { get; } = new Rule((claims, _, _) => claims.SelectMany(ProvenanceProblems));

    /// <summary>Under a profile where an incomplete run fails (ci), a run that compares reports needs an approved
    /// snapshot for every selected claim: without one it could only end red after all the work. (Under fast and deep a
    /// new claim may run before it is approved: its report is written as received.)</summary>
    public static IClaimValidator SnapshotsExist { get; } = new Rule((claims, settings, snapshots) => snapshots is null || !settings.Profile.IncompleteFails ? []
        : claims.Where(c => !File.Exists(snapshots.ApprovedPath(c.Id)))
            .Select(c => $"claim {c.Id} has no approved snapshot {Path.GetFileName(snapshots.ApprovedPath(c.Id))} in {snapshots.Directory} (run `netclaims approve --claim {c.Id}` locally, or pass --no-snapshots)"));

    /// <summary>Statement, negative control and source are filled in: a claim without them cannot be reviewed.</summary>
    public static IClaimValidator Described { get; } = new Rule((claims, _, _) => claims.SelectMany(c =>
        new[]
        {
            string.IsNullOrWhiteSpace(c.Statement) ? $"claim {c.Id} has no statement" : null,
            string.IsNullOrWhiteSpace(c.NegativeControl.Statement) ? $"claim {c.Id}'s negative control has no statement" : null,
            string.IsNullOrWhiteSpace(c.Source.Paper) || string.IsNullOrWhiteSpace(c.Source.Locator) ? $"claim {c.Id} does not say which paper and where" : null,
        }.OfType<string>()));

    /// <summary>The rules every run applies, in order. Sizes that a claim can only run at are the claim's own business:
    /// a claim adds its own rule with <see cref="From"/>.</summary>
    public static IReadOnlyList<IClaimValidator> Default { get; } = [UniqueIds, Described, Provenance, SnapshotsExist];

    /// <summary>A validator from a function.</summary>
    public static IClaimValidator From(Func<IReadOnlyList<Claim>, RunSettings, SnapshotStore?, IEnumerable<string>> rule) => new Rule(rule);

    /// <summary>Every problem the validators find, in order.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<IClaimValidator> validators, IReadOnlyList<Claim> claims, RunSettings settings, SnapshotStore? snapshots) =>
        validators.SelectMany(v => v.Validate(claims, settings, snapshots)).ToArray();

    static IEnumerable<string> ProvenanceProblems(Claim c)
    {
        var tags = Tag().Matches(c.Source.Provenance).Select(m => m.Groups[1].Value).ToArray();
        if (tags.Length == 0)
        {
            yield return $"claim {c.Id} has no provenance tag in '{c.Source.Provenance}' (expected e.g. [SRC:abs], [DER], [NUM], [DER+NUM], [UNSURE])";
            yield break;
        }
        foreach (var t in tags)
            if (!t.Split('+').All(part => KnownKind().IsMatch(part)))
                yield return $"claim {c.Id} has an unknown provenance tag [{t}] (kinds: SRC, SRC:where, DER, NUM, REC, SEED, UNSURE)";
    }

    // An all-capitals bracket is meant as a tag; [Var] or [−1,1] in prose is not.
    [GeneratedRegex(@"\[([A-Z]{2,}[A-Za-z0-9:+]*)\]")]
    private static partial Regex Tag();

    [GeneratedRegex("^(SRC(:[a-z0-9-]+)?|DER|NUM|REC|SEED|UNSURE)$")]
    private static partial Regex KnownKind();

    sealed class Rule(Func<IReadOnlyList<Claim>, RunSettings, SnapshotStore?, IEnumerable<string>> rule) : IClaimValidator
    {
        public IEnumerable<string> Validate(IReadOnlyList<Claim> claims, RunSettings settings, SnapshotStore? snapshots) => rule(claims, settings, snapshots);
    }
}
