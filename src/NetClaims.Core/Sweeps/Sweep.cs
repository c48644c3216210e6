using System.Collections.Concurrent;
using System.Diagnostics;
using NetClaims.Claims;

namespace NetClaims.Sweeps;

/// <summary>
/// Runs claims over many run seeds — the measured false-failure rate of a gate whose verdicts depend on its seed.
/// Each (claim, seed) runs the check and the negative control as <c>verify</c> would, without the report (reports use
/// fixed seeds) and without touching the failure database. A claim whose check and negative control do not depend on
/// the run seed (an enumeration) is run at the first seed only: every other seed would repeat it.
/// </summary>
internal static class Sweep
{
    /// <summary>The run seeds of a sweep: <c>first … first + count − 1</c>, or the pilot range above <see cref="RunSettings.PilotSeedBase"/>.</summary>
    public static IReadOnlyList<ulong> Seeds(ulong first, int count, bool pilot)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), "a sweep needs at least one seed");
        ulong start = pilot ? RunSettings.PilotSeedBase + first : first;
        if (!pilot && start + (ulong)count > RunSettings.PilotSeedBase)
            throw new ArgumentOutOfRangeException(nameof(first), $"run seeds from {RunSettings.PilotSeedBase} on are reserved for pilot sweeps (--pilot)");
        return Enumerable.Range(0, count).Select(i => start + (ulong)i).ToArray();
    }

    /// <summary>Runs every (claim, seed) pair not yet in <paramref name="existing"/>; returns all records, old and new.</summary>
    /// <param name="template">Profile, budgets and cancellation; seed, cache, stores and replay are set per pair.</param>
    /// <param name="jobs">Seeds run in parallel (results do not depend on it).</param>
    public static IReadOnlyList<SweepRecord> Run(IReadOnlyList<Claim> claims, IReadOnlyList<ulong> seeds, RunSettings template,
        IReadOnlyList<SweepRecord> existing, Action<SweepRecord>? done = null, int jobs = 1)
    {
        var all = new ConcurrentDictionary<(string, ulong), SweepRecord>(existing.Select(r => KeyValuePair.Create((r.Claim, r.Seed), r)));
        var settings = template.WithFailures(null).WithExamples(null).WithReplay(null).WithShard(Shard.Whole);
        // First seed first: it tells which claims depend on the seed at all.
        RunSeed(claims, seeds[0], settings, all, done);
        var seedDependent = claims.Where(c => all.TryGetValue((c.Id.Value, seeds[0]), out var r) && r.UsesSeed).ToArray();
        Parallel.ForEach(seeds.Skip(1), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = template.Cancel },
            seed => RunSeed(seedDependent, seed, settings, all, done));
        return all.Values.OrderBy(r => r.Claim, StringComparer.Ordinal).ThenBy(r => r.Seed).ToArray();
    }

    static void RunSeed(IReadOnlyList<Claim> claims, ulong seed, RunSettings settings, ConcurrentDictionary<(string, ulong), SweepRecord> all, Action<SweepRecord>? done)
    {
        var s = settings.WithSeed(seed).WithCache(new RunCache());
        foreach (var claim in claims)
        {
            s.Cancel.ThrowIfCancellationRequested();
            if (all.ContainsKey((claim.Id.Value, seed))) continue;
            var clock = Stopwatch.StartNew();
            var (check, negative) = ClaimRunner.Checks(claim, s);
            var record = Record(claim, seed, check, negative!, clock.Elapsed.TotalSeconds);
            all[(claim.Id.Value, seed)] = record;
            done?.Invoke(record);
        }
    }

    static SweepRecord Record(Claim claim, ulong seed, CheckOutcome check, CheckOutcome negative, double seconds) => new()
    {
        Claim = claim.Id.Value,
        Seed = seed,
        Verdict = check switch
        {
            CheckOutcome.Errored => SweepVerdict.Error,
            CheckOutcome.Fails => SweepVerdict.Fails,
            _ when check.Stats.Incomplete => SweepVerdict.Incomplete,
            _ => SweepVerdict.Holds,
        },
        Negative = negative is CheckOutcome.Fails ? NegativeOutcome.Refuted : NegativeOutcome.NotRefuted,
        Seconds = Math.Round(seconds, 3),
        UsesSeed = check.Stats.UsesSeed || negative.Stats.UsesSeed,
        Counterexample = (check as CheckOutcome.Fails)?.Counterexample ?? (check as CheckOutcome.Errored)?.Message
            ?? (negative is CheckOutcome.Fails ? null : $"negative control not refuted: {(negative as CheckOutcome.Errored)?.Message ?? (negative as CheckOutcome.Holds)?.Summary}"),
        Replay = (check as CheckOutcome.Fails)?.Replay,
        Measures = check.Stats.Measures.ToDictionary(m => m.Key, m => m.Value.Mean),
    };
}
