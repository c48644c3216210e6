using System.Diagnostics;
using Hedgehog;
using Hedgehog.Linq;
using NetClaims.Cube;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Claims;

/// <summary>
/// Properties over generated inputs, run with Hedgehog (integrated shrinking, derived seeds, replay tokens), plus the
/// runner's own layer: stored failures and explicit examples replayed first, time budgets (search and shrinking),
/// sharding of cases, labels with coverage requirements, and targeted search.
/// </summary>
public static partial class Generated
{
    /// <summary>Checks <paramref name="body"/> for generated d in [lo, hi] (constant range: d shrinks towards lo).</summary>
    /// <param name="id">The claim the check belongs to (for the seed and the replay token).</param>
    /// <param name="role"><c>check</c> or <c>negative</c>.</param>
    /// <param name="label">What the generated integer is called in counterexamples (default d).</param>
    public static CheckOutcome ForAllDimensions(ClaimId id, string role, int lo, int hi, RunSettings settings, Func<Dimension, CaseResult> body, string label = "d")
    {
        if (lo < 1 || hi > Dimension.Max || lo > hi) throw new ArgumentOutOfRangeException(nameof(lo), $"bad dimension range [{lo}, {hi}]");
        return ForAll(id, role, Gen.Int32(Range.Constant(lo, hi)), settings, (d, _) => body(new Dimension(d)),
            new CheckOptions<int> { Show = d => $"{label}={d}" });
    }

    /// <summary>Checks <paramref name="body"/> on cases from <paramref name="gen"/>; see the class summary for the phases.</summary>
    public static CheckOutcome ForAll<T>(ClaimId id, string role, Hedgehog.Gen<T> gen, RunSettings settings, Func<T, CaseContext, CaseResult> body, CheckOptions<T>? options = null)
    {
        var opts = options ?? new CheckOptions<T>();
        var run = new Run<T>(id, role, gen, settings, body, opts);
        // A replay token for this check re-runs exactly its case, and nothing else.
        if (ReplayToken.TryParse(settings.Replay, out var token) && token.Claim == id && token.Role == role)
            return run.Replay(token);
        return run.Full();
    }

    sealed partial class Run<T>(ClaimId id, string role, Hedgehog.Gen<T> gen, RunSettings s, Func<T, CaseContext, CaseResult> body, CheckOptions<T> opts)
    {
        readonly Stopwatch clock = Stopwatch.StartNew();
        readonly Dictionary<string, int> labels = [];
        int testIndex, evaluated, generatedEvaluated, skippedShard, skippedBudget, replayed, fixedCount;
        int? firstFailureIndex;
        bool shrinking;
        TimeSpan shrinkStart;
        string? lastFailure;
        bool lastWasError;
        double? bestScore, bestRandomScore;
        string? bestCase;

        IPropertyConfig Config(ulong seed) => PropertyConfig.withSeed(SeedModule.from(seed), PropertyConfig.Default.WithTests(s.Tests));

        Property<bool> Property(bool fresh) => from t in gen.ForAll() select Evaluate(t, fresh);

        public CheckOutcome Full()
        {
            foreach (var example in s.Examples?.For(id, role) ?? [])
                if (Recheck(example, "explicit example") is CheckOutcome.Fails f) return f;
            foreach (var stored in s.Failures?.For(id, role) ?? [])
            {
                if (Recheck(stored.Token, "stored failure") is CheckOutcome.Fails f) return f;
                fixedCount++;
                if (s.Profile.WritesFailures) s.Failures!.Remove(stored);
            }
            Reset();
            var report = Property(fresh: true).Report(Config(s.DeriveSeed(id, role)));
            s.Cancel.ThrowIfCancellationRequested();
            if (report.Status is Status.Failed failed) return Failure(failed.Item, store: true);
            if (report.Status.IsGaveUp) return Stamp(new CheckOutcome.Errored(evaluated, "gave up: too many discarded cases"));
            if (opts.Target is { } target && s.Shard.OwnsClaim(id))
            {
                try
                {
                    if (Climb(target) is { } climbFailure) return climbFailure;
                }
                catch (TargetedError e)
                {
                    return Stamp(new CheckOutcome.Errored(evaluated, e.Message));
                }
            }
            var coverage = s.Shard.IsWhole ? CoverageResults() : [];
            var vacuous = coverage.Where(c => c.Vacuous).ToArray();
            if (vacuous.Length > 0)
                return Stamp(new CheckOutcome.Fails(evaluated, "vacuous: " + string.Join("; ", vacuous.Select(v => v.ToString())), null), coverage);
            var budget = skippedBudget > 0 ? $"; time budget {s.Profile.CheckBudget.TotalSeconds:0} s reached, {skippedBudget} cases not checked" : "";
            return Stamp(new CheckOutcome.Holds(evaluated, $"{evaluated} cases{budget}"), coverage);
        }

        public CheckOutcome Replay(ReplayToken token) => token.IsTargeted ? ReplayTargeted(token) : Recheck(token, "replay");

        CheckOutcome Recheck(ReplayToken token, string what)
        {
            Reset();
            replayed++;
            (shrinking, shrinkStart) = (true, clock.Elapsed);
            Hedgehog.Report report;
            try
            {
                report = Property(fresh: false).ReportRecheck(token.Data, Config(s.DeriveSeed(id, role)));
            }
            catch (ArgumentException e)
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
                if (!s.Shard.OwnsCase(index)) { skippedShard++; return true; }
                if (clock.Elapsed > s.Profile.CheckBudget) { skippedBudget++; return true; }
            }
            // Shrinking is bounded in time: past the budget every further candidate counts as passing, which ends it.
            else if (shrinking && clock.Elapsed - shrinkStart > s.Profile.ShrinkBudget) return true;
            var ctx = new CaseContext();
            var (r, threw) = Invoke(value, ctx);
            if (index >= 0)
            {
                evaluated++;
                generatedEvaluated++;
                Record(ctx, value, random: true);
            }
            if (!r.Ok)
            {
                if (!shrinking) (shrinking, shrinkStart, firstFailureIndex) = (true, clock.Elapsed, index >= 0 ? index : null);
                (lastFailure, lastWasError) = ($"{opts.Show(value)}: {r.Detail}", threw);
            }
            return r.Ok;
        }

        // The body's verdict, and whether it threw (an exception is an error of the check, not a counterexample).
        (CaseResult Result, bool Threw) Invoke(T value, CaseContext ctx)
        {
            try
            {
                var r = body(value, ctx);
                if (ctx.Score is double sc && double.IsNaN(sc)) return (CaseResult.Fail($"target score is NaN ({r.Detail})"), false);
                return (r, false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return (CaseResult.Fail($"{e.GetType().Name}: {e.Message.Split('\n')[0]}"), true);
            }
        }

        // Labels (and so coverage) count the generated cases only: hill-climbing neighbours are not a sample of the generator.
        void Record(CaseContext ctx, T value, bool random)
        {
            if (random) foreach (var l in ctx.Labels.Distinct()) labels[l] = labels.GetValueOrDefault(l) + 1;
            if (ctx.Score is not double sc) return;
            if (random && (bestRandomScore is null || sc > bestRandomScore)) bestRandomScore = sc;
            if (bestScore is null || sc > bestScore) (bestScore, bestCase) = (sc, opts.Show(value));
        }

        CheckOutcome Failure(FailureData data, bool store)
        {
            var message = lastFailure ?? "property failed";
            if (data.Shrinks > 0) message += $" (shrunk {data.Shrinks} times)";
            if (lastWasError) return Stamp(new CheckOutcome.Errored(Math.Max(evaluated, 1), message));
            var recheck = data.RecheckInfo is { } info ? RecheckDataModule.serialize(info.Value.Data) : null;
            var token = recheck is null ? null : new ReplayToken(id, role, recheck);
            if (store && token is not null && role == "check" && s.Profile.WritesFailures) s.Failures?.Add(token, message);
            return Stamp(new CheckOutcome.Fails(Math.Max(evaluated, 1), message, token?.ToString()));
        }

        IReadOnlyList<CoverageResult> CoverageResults() =>
            opts.Coverage.Select(c => CoverageResult.Check(c, labels.GetValueOrDefault(c.Label), generatedEvaluated)).ToArray();

        CheckOutcome Stamp(CheckOutcome o, IReadOnlyList<CoverageResult>? coverage = null) => o with
        {
            Stats = new CheckStats
            {
                Evaluated = evaluated,
                Generated = generatedEvaluated,
                SkippedShard = skippedShard,
                SkippedBudget = skippedBudget,
                Replayed = replayed,
                Fixed = fixedCount,
                Labels = new SortedDictionary<string, int>(labels, StringComparer.Ordinal),
                Coverage = coverage ?? [],
                Requirements = opts.Coverage,
                ScoreName = opts.ScoreName ?? opts.Target?.ScoreName,
                BestScore = bestScore,
                BestCase = bestCase,
                BestRandomScore = bestRandomScore,
                FirstFailureIndex = firstFailureIndex,
            },
        };
    }
}
