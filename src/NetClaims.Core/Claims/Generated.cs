using System.Diagnostics;
using Hedgehog;
using Hedgehog.Linq;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Claims;

/// <summary>
/// The three kinds of check a claim is made of, each with the runner's own layer (stored failures and explicit examples
/// replayed first, time budgets, sharding of cases, labels with coverage requirements, named measurements):
/// <list type="bullet">
/// <item><see cref="ForAll{T}"/>: properties over generated inputs, run with Hedgehog (integrated shrinking, derived
/// seeds, replay tokens), with optional targeted search;</item>
/// <item><see cref="ForEach{T}"/>: an enumeration of a small finite range (every d of an exhaustive check), checked once
/// each in order, independent of the run seed;</item>
/// <item><see cref="Statistic{T}"/>: a sampled measurement (a fitted slope, a frequency) judged against a
/// pre-registered band, with data seeds derived from the run seed.</item>
/// </list>
/// A failing Statistical-tier check is not a deterministic counterexample: a stored failure of such a check is confirmed
/// at fresh seeds on the next run (a real regression fails again, a chance failure is dropped with a warning) instead of
/// being replayed verbatim, so one unlucky seed cannot lock a checkout red.
/// </summary>
public static partial class Generated
{
    /// <summary>Fresh-seed runs made, beyond the run's own, to confirm a stored statistical failure.</summary>
    public const int Confirmations = 2;

    /// <summary>Checks <paramref name="body"/> on cases from <paramref name="gen"/>; see the class summary for the phases.</summary>
    public static CheckOutcome ForAll<T>(ClaimContext context, Hedgehog.Gen<T> gen, Func<T, CaseContext, CaseResult> body, CheckOptions<T>? options = null)
    {
        var opts = options ?? new CheckOptions<T>();
        var (id, role, settings) = (context.Id, context.Role, context.Settings);
        // A replay token for this check re-runs exactly its case, and nothing else.
        if (ReplayToken.TryParse(settings.Replay, out var token) && context.Owns(token))
            return new Run<T>(id, role, gen, settings, body, opts).Replay(token, "replay");
        return Checked(id, role, settings, s => new Run<T>(id, role, gen, s, body, opts).Fresh(), (t, what) => new Run<T>(id, role, gen, settings, body, opts).Replay(t, what));
    }

    /// <summary>
    /// The common frame of every check: explicit examples first (each must pass), then stored failures (replayed, or
    /// for a Statistical-tier claim confirmed at fresh seeds), then the fresh run.
    /// </summary>
    static CheckOutcome Checked(ClaimId id, ClaimRole role, RunSettings s, Func<RunSettings, CheckOutcome> fresh, Func<ReplayToken, string, CheckOutcome> replay)
    {
        int replayed = 0, fixedCount = 0;
        // A promoted example that cannot even be read is not a pass either: under ci it fails the claim, elsewhere it warns.
        if (s.Profile.IncompleteFails && s.Examples?.BadLines(id) is { Count: > 0 } bad)
            return new CheckOutcome.Errored(0, $"explicit example that is not a token of {id}: {bad[0]}");
        foreach (var example in s.Examples?.For(id, role) ?? [])
        {
            replayed++;
            var r = replay(example, "explicit example");
            if (r is CheckOutcome.Fails) return r;
            if (r is CheckOutcome.Errored e)
            {
                // A promoted example that cannot be replayed is not a pass: under ci it fails the claim, elsewhere it warns.
                if (s.Profile.IncompleteFails) return r;
                s.Examples!.Warn($"explicit example {example} of {id} cannot be replayed and was skipped: {e.Message}");
            }
        }
        var stored = s.Failures?.For(id, role) ?? [];
        if (stored.Count > 0 && s.Tier == EvidenceTier.Statistical) return Confirm(id, role, s, stored, fresh);
        foreach (var st in stored)
        {
            replayed++;
            var r = replay(st.Token, "stored failure");
            if (r is CheckOutcome.Fails) return r;
            if (r is CheckOutcome.Errored e)
            {
                s.Failures!.Warn($"stored failure {st.Path} cannot be replayed and was kept: {e.Message}");
                continue;
            }
            fixedCount++;
            if (s.Profile.WritesFailures) s.Failures!.Remove(st);
        }
        var outcome = fresh(s);
        return outcome with { Stats = outcome.Stats with { Replayed = outcome.Stats.Replayed + replayed, Fixed = outcome.Stats.Fixed + fixedCount } };
    }

    /// <summary>
    /// A Statistical claim with stored failures: this run's own seed and <see cref="Confirmations"/> further fresh seeds
    /// decide. Any failure among them confirms a regression (the entry stays); if all pass, each stored entry is judged a
    /// chance failure, reported once and removed (when the profile writes the store).
    /// </summary>
    static CheckOutcome Confirm(ClaimId id, ClaimRole role, RunSettings s, IReadOnlyList<StoredFailure> stored, Func<RunSettings, CheckOutcome> fresh)
    {
        string first = stored.Min(f => f.FirstSeen).ToString("u", System.Globalization.CultureInfo.InvariantCulture);
        var outcome = fresh(s);
        if (outcome is CheckOutcome.Fails f0)
            return f0 with { Counterexample = $"{f0.Counterexample} [confirms the stored statistical failure first seen {first}]" };
        if (outcome is not CheckOutcome.Holds) return outcome;
        for (int j = 1; j <= Confirmations; j++)
        {
            var again = fresh(s.WithSeed(s.DeriveSeed(id, role.Name() + "/confirm", j)).WithReplay(null));
            if (again is CheckOutcome.Fails fj)
                return fj with { Counterexample = $"{fj.Counterexample} [stored statistical failure first seen {first} confirmed at fresh seed {j} of {Confirmations}]" };
            if (again is not CheckOutcome.Holds) return again;
        }
        foreach (var st in stored)
        {
            s.Failures!.Warn($"stored statistical failure {st.Token} (first seen {st.FirstSeen:u}) did not recur at {Confirmations + 1} fresh seeds: "
                + (s.Profile.WritesFailures ? "treated as a chance failure and removed" : "looks like a chance failure (kept: this profile does not write the store)"));
            if (s.Profile.WritesFailures) s.Failures.Remove(st);
        }
        return outcome with { Stats = outcome.Stats with { Confirmations = Confirmations, Fixed = stored.Count } };
    }

    // The body's verdict, and whether it threw (an exception is an error of the check, not a counterexample).
    static (CaseResult Result, bool Threw) Invoke<T>(Func<T, CaseContext, CaseResult> body, T value, CaseContext ctx)
    {
        try
        {
            var r = body(value, ctx);
            if (ctx.Score is double sc && double.IsNaN(sc)) return (CaseResult.Fail($"target score is NaN ({r.Detail})"), false);
            var nan = ctx.Measures.FirstOrDefault(m => !double.IsFinite(m.Value));
            if (nan.Key is not null) return (CaseResult.Fail($"measurement {nan.Key} is {nan.Value} ({r.Detail})"), false);
            return (r, false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (CaseResult.Fail($"{e.GetType().Name}: {e.Message.Split('\n')[0]}"), true);
        }
    }

    /// <summary>Incomplete: stopped by the time budget before the declared minimum (scaled to this shard's slice).</summary>
    static bool IsIncomplete(CaseLog log, int minimum, Shard shard) =>
        log.SkippedBudget > 0 && log.Generated < (minimum + shard.Count - 1) / shard.Count;

    /// <summary>The outcome of a check that found no counterexample, given its coverage and completeness.</summary>
    static CheckOutcome Finish(CaseLog log, RunSettings s, bool usesSeed, int minimum, IReadOnlyList<CoverageRequirement> requirements, string? scoreName)
    {
        var coverage = s.Shard.IsWhole ? log.Coverage(requirements) : [];
        bool incomplete = IsIncomplete(log, minimum, s.Shard);
        var stats = log.Stats(usesSeed, minimum, incomplete, requirements, coverage, scoreName);
        var vacuous = coverage.Where(c => c.Vacuous).ToArray();
        if (vacuous.Length > 0)
            return new CheckOutcome.Fails(log.Evaluated, "vacuous: " + string.Join("; ", vacuous.Select(v => v.ToString())), null) { Stats = stats };
        string budget = log.SkippedBudget > 0 ? $"; time budget {s.Profile.CheckBudget.TotalSeconds:0} s reached, {log.SkippedBudget} cases not checked" : "";
        if (incomplete && s.Profile.IncompleteFails)
            return new CheckOutcome.Fails(log.Evaluated, $"incomplete: the time budget ({s.Profile.CheckBudget.TotalSeconds:0} s) stopped the check after {log.Generated} of its minimum {minimum} cases; under the {s.Profile.Name} profile an incomplete check fails", null) { Stats = stats };
        return new CheckOutcome.Holds(log.Evaluated, $"{log.Evaluated} cases{budget}{(incomplete ? " (INCOMPLETE: fewer than the declared minimum)" : "")}") { Stats = stats };
    }

    sealed partial class Run<T>(ClaimId id, ClaimRole role, Hedgehog.Gen<T> gen, RunSettings s, Func<T, CaseContext, CaseResult> body, CheckOptions<T> opts)
    {
        readonly Stopwatch clock = Stopwatch.StartNew();
        readonly CaseLog log = new();
        int testIndex;
        bool shrinking;
        TimeSpan shrinkStart;
        string? lastFailure;
        bool lastWasError;

        IPropertyConfig Config(ulong seed) => PropertyConfig.withSeed(SeedModule.from(seed), PropertyConfig.Default.WithTests(s.Tests));

        Property<bool> Property(bool fresh) => from t in gen.ForAll() select Evaluate(t, fresh);

        int Minimum => opts.MinimumCases ?? s.Tests;

        public CheckOutcome Fresh()
        {
            Reset();
            var report = Property(fresh: true).Report(Config(s.DeriveSeed(id, role.Name())));
            s.Cancel.ThrowIfCancellationRequested();
            if (report.Status is Status.Failed failed) return Failure(failed.Item, store: true);
            if (report.Status.IsGaveUp) return Stamp(new CheckOutcome.Errored(log.Evaluated, "gave up: too many discarded cases"));
            if (opts.Target is { } target && s.Shard.OwnsClaim(id))
            {
                try
                {
                    if (Climb(target) is { } climbFailure) return climbFailure;
                }
                catch (TargetedError e)
                {
                    return Stamp(new CheckOutcome.Errored(log.Evaluated, e.Message));
                }
            }
            return Finish(log, s, usesSeed: true, Minimum, opts.Coverage, opts.ScoreName ?? opts.Target?.ScoreName);
        }

        public CheckOutcome Replay(ReplayToken token, string what) => token.Kind switch
        {
            ReplayKind.Targeted => ReplayTargeted(token, what),
            ReplayKind.Hedgehog => Recheck(token, what),
            _ => new CheckOutcome.Errored(0, $"{what} token {token} is not a token of a generated check (it names {token.Kind} data)"),
        };

        CheckOutcome Recheck(ReplayToken token, string what)
        {
            Reset();
            log.Replayed++;
            (shrinking, shrinkStart) = (true, clock.Elapsed);
            Hedgehog.Report report;
            try
            {
                report = Property(fresh: false).ReportRecheck(token.Data, Config(s.DeriveSeed(id, role.Name())));
            }
            catch (Exception e) when (e is ArgumentException or FormatException or IndexOutOfRangeException or InvalidOperationException)
            {
                return Stamp(new CheckOutcome.Errored(0, $"{what} token {token} cannot be replayed: {e.Message.Split('\n')[0]}"));
            }
            s.Cancel.ThrowIfCancellationRequested();
            if (report.Status is Status.Failed failed)
            {
                var outcome = Failure(failed.Item, store: false);
                return outcome is CheckOutcome.Fails f ? f with { Counterexample = $"{f.Counterexample} [{what} {token}]" } : outcome;
            }
            return Stamp(new CheckOutcome.Holds(1, $"{what} passes"));
        }

        void Reset() => (testIndex, shrinking, lastFailure, lastWasError) = (0, false, null, false);

        bool Evaluate(T value, bool fresh)
        {
            s.Cancel.ThrowIfCancellationRequested();
            int index = -1;
            if (fresh && !shrinking)
            {
                index = testIndex++;
                if (!s.Shard.OwnsCase(index)) { log.SkippedShard++; return true; }
                if (clock.Elapsed > s.Profile.CheckBudget) { log.SkippedBudget++; return true; }
            }
            // Shrinking is bounded in time: past the budget every further candidate counts as passing, which ends it.
            else if (shrinking && clock.Elapsed - shrinkStart > s.Profile.ShrinkBudget) return true;
            var ctx = new CaseContext();
            var (r, threw) = Invoke(body, value, ctx);
            if (index >= 0) log.Record(ctx, () => opts.Show(value), generated: true);
            if (!r.Ok)
            {
                if (!shrinking) (shrinking, shrinkStart, log.FirstFailureIndex) = (true, clock.Elapsed, index >= 0 ? index : null);
                (lastFailure, lastWasError) = ($"{opts.Show(value)}: {r.Detail}", threw);
            }
            return r.Ok;
        }

        CheckOutcome Failure(FailureData data, bool store)
        {
            var message = lastFailure ?? "property failed";
            if (data.Shrinks > 0) message += $" (shrunk {data.Shrinks} times)";
            if (lastWasError) return Stamp(new CheckOutcome.Errored(Math.Max(log.Evaluated, 1), message));
            var recheck = data.RecheckInfo is { } info ? RecheckDataModule.serialize(info.Value.Data) : null;
            var token = recheck is null ? null : new ReplayToken(id, role, recheck);
            if (store && token is not null && role == ClaimRole.Check && s.Profile.WritesFailures) s.Failures?.Add(token, message);
            return Stamp(new CheckOutcome.Fails(Math.Max(log.Evaluated, 1), message, token?.ToString()));
        }

        CheckOutcome Stamp(CheckOutcome o) => o with
        {
            Stats = log.Stats(usesSeed: true, Minimum, incomplete: false, opts.Coverage, null, opts.ScoreName ?? opts.Target?.ScoreName),
        };
    }
}

public static partial class Generated
{
    /// <summary>
    /// A check made of parts (e.g. an enumeration of fixed cases and a generated search), run in order: the first part
    /// that does not hold is the outcome; if all hold, their cases, labels and measurements add up.
    /// </summary>
    public static CheckOutcome All(params Func<CheckOutcome>[] parts)
    {
        var outcomes = new List<CheckOutcome>();
        foreach (var part in parts)
        {
            var o = part();
            if (o is not CheckOutcome.Holds) return o;
            outcomes.Add(o);
        }
        var stats = outcomes.Select(o => o.Stats).ToArray();
        var labels = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var st in stats)
            foreach (var (l, c) in st.Labels) labels[l] = labels.GetValueOrDefault(l) + c;
        var merged = stats[0] with
        {
            Evaluated = stats.Sum(x => x.Evaluated),
            Generated = stats.Sum(x => x.Generated),
            SkippedShard = stats.Sum(x => x.SkippedShard),
            SkippedBudget = stats.Sum(x => x.SkippedBudget),
            Replayed = stats.Sum(x => x.Replayed),
            Fixed = stats.Sum(x => x.Fixed),
            Confirmations = stats.Sum(x => x.Confirmations),
            Labels = labels,
            Coverage = stats.SelectMany(x => x.Coverage).ToArray(),
            Requirements = stats.SelectMany(x => x.Requirements).ToArray(),
            UsesSeed = stats.Any(x => x.UsesSeed),
            Incomplete = stats.Any(x => x.Incomplete),
            MinimumCases = stats.Sum(x => x.MinimumCases),
            Measures = new SortedDictionary<string, MeasureSummary>(stats.SelectMany(x => x.Measures).GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.First().Value), StringComparer.Ordinal),
            ScoreName = stats.Select(x => x.ScoreName).FirstOrDefault(n => n is not null),
            BestScore = stats.Max(x => x.BestScore),
            BestRandomScore = stats.Max(x => x.BestRandomScore),
            BestCase = stats.Where(x => x.BestScore is not null).MaxBy(x => x.BestScore)?.BestCase,
        };
        return new CheckOutcome.Holds(merged.Evaluated, string.Join("; ", outcomes.Select(o => ((CheckOutcome.Holds)o).Summary))) { Stats = merged };
    }
}
