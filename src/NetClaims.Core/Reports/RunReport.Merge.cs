using NetClaims.Reports;
using NetClaims.Claims;

namespace NetClaims.Reports;

internal static partial class RunReport
{
    /// <summary>
    /// Merges the report folders of shards 1/n … n/n of one run into the report of the whole run: cases, labels and
    /// budgets add up; a failure is the one of the lowest failing case index (what the unsharded run finds first);
    /// negative controls, targeted search, snapshots and numeric reports come from each claim's owner shard; coverage
    /// is re-checked on all cases. Refuses (one-line <see cref="FormatException"/>) shards of different runs, missing or
    /// repeated shards, and incomplete shards.
    /// </summary>
    public static (RunDocument Document, IReadOnlyDictionary<string, string> Reports) Merge(IReadOnlyList<string> dirs)
    {
        if (dirs.Count == 0) throw new UsageException("merge needs at least one shard report folder");
        var shards = dirs.Select(d =>
        {
            var path = Path.Combine(d, "report.json");
            if (!File.Exists(path)) throw new UsageException($"{d} holds no report.json (run `netclaims verify --shard k/n --out {d}` first)");
            return (Dir: d, Doc: RunDocument.FromJson(File.ReadAllText(path), path));
        }).ToArray();
        var first = shards[0].Doc;
        foreach (var (dir, doc) in shards)
        {
            if (doc.Harness != first.Harness || doc.Seed != first.Seed || doc.Profile != first.Profile)
                throw new UsageException($"{dir} is from another run (harness v{doc.Harness}, seed {doc.Seed}, profile {doc.Profile}; expected v{first.Harness}, {first.Seed}, {first.Profile})");
            if (!doc.Complete) throw new UsageException($"{dir} (shard {doc.Shard}) is incomplete: re-run it");
            if (!doc.Claims.Select(c => c.Id).SequenceEqual(first.Claims.Select(c => c.Id)))
                throw new UsageException($"{dir} (shard {doc.Shard}) checked a different set of claims");
        }
        var parsed = shards.Select(s => (s.Dir, s.Doc, Shard: Claims.Shard.Parse(s.Doc.Shard))).ToArray();
        int n = parsed[0].Shard.Count;
        if (parsed.Any(p => p.Shard.Count != n)) throw new UsageException("shards were cut into different numbers of pieces");
        for (int k = 1; k <= n; k++)
        {
            int count = parsed.Count(p => p.Shard.Index == k);
            if (count == 0) throw new UsageException($"shard {k}/{n} is missing");
            if (count > 1) throw new UsageException($"shard {k}/{n} is given {count} times");
        }

        var reports = new Dictionary<string, string>();
        var merged = new List<ClaimRecord>();
        for (int i = 0; i < first.Claims.Count; i++)
        {
            var parts = parsed.Select(p => (p.Dir, Record: p.Doc.Claims[i])).ToArray();
            var owner = parts.Where(p => p.Record.Owner).ToArray();
            if (owner.Length != 1) throw new UsageException($"claim {first.Claims[i].Id} has {owner.Length} owner shards, expected 1");
            var (ownerDir, o) = owner[0];
            var claimReport = Path.Combine(ownerDir, "claims", o.Id + ".md");
            if (File.Exists(claimReport)) reports[o.Id] = File.ReadAllText(claimReport);
            merged.Add(Combine(o, parts.Select(p => p.Record).ToArray()));
        }
        return (first with { Shard = "1/1", Claims = merged }, reports);
    }

    static ClaimRecord Combine(ClaimRecord owner, ClaimRecord[] parts)
    {
        var labels = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in parts)
            foreach (var (l, c) in p.Labels) labels[l] = labels.GetValueOrDefault(l) + c;
        int cases = parts.Sum(p => p.Cases);
        int checkCases = parts.Sum(p => p.CheckCases);
        var coverage = owner.CoverageRequirements.Select(req => CoverageResult.Check(req, labels.GetValueOrDefault(req.Label), checkCases)).ToArray();
        var errored = parts.FirstOrDefault(p => p.Verdict == Verdict.Error);
        // Every shard scores its own generated cases; the owner also climbs. The run's best is the best of all.
        var best = parts.Where(p => p.BestScore is not null).OrderByDescending(p => p.BestScore).FirstOrDefault();
        var bestRandom = parts.Max(p => p.BestRandomScore);
        var failing = parts.Where(p => p.Verdict == Verdict.Fails).OrderBy(p => p.FirstFailureIndex ?? int.MaxValue).FirstOrDefault();
        var result = owner with
        {
            Cases = cases,
            CheckCases = checkCases,
            Seconds = Math.Round(parts.Sum(p => p.Seconds), 3),
            SkippedShard = 0,
            SkippedBudget = parts.Sum(p => p.SkippedBudget),
            Incomplete = parts.Any(p => p.Incomplete),
            Confirmations = parts.Sum(p => p.Confirmations),
            Labels = labels,
            Coverage = coverage,
            Verdict = errored is not null ? Verdict.Error : failing is not null ? Verdict.Fails : owner.Verdict,
            Error = errored?.Error ?? owner.Error,
            Counterexample = failing?.Counterexample,
            Replay = failing?.Replay,
            FirstFailureIndex = failing?.FirstFailureIndex,
            BestScore = best?.BestScore,
            BestCase = best?.BestCase,
            BestRandomScore = bestRandom,
            Owner = true,
        };
        var vacuous = coverage.Where(c => c.Vacuous).ToArray();
        if (result.Verdict == Verdict.Holds && vacuous.Length > 0)
            result = result with { Verdict = Verdict.Fails, Counterexample = "vacuous: " + string.Join("; ", vacuous.Select(v => v.ToString())) };
        return result;
    }
}
