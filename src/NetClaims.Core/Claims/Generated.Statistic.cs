using System.Diagnostics;

namespace NetClaims.Claims;

/// <summary>Options of a sampled statistic (<see cref="Generated.Statistic{T}"/>).</summary>
public sealed record StatisticOptions
{
    /// <summary>Independent measurements per run, each at its own data seed (all must pass).</summary>
    public int Replicates { get; init; } = 1;

    /// <summary>How a data seed is named in counterexamples.</summary>
    public Func<int, string> Show { get; init; } = seed => $"data seed {seed}";

    /// <summary>
    /// Names the measurement in the run's cache. Check and negative control share it by default: the negative control
    /// is the false statement judged on the same data, so the data are measured once per run.
    /// </summary>
    public string MeasureKey { get; init; } = "data";
}

public static partial class Generated
{
    /// <summary>
    /// A sampled statistic: <paramref name="measure"/> runs on a data seed derived from (run seed, claim, replicate) —
    /// the same seed for the check and its negative control — and <paramref name="judge"/> decides, typically whether the
    /// statistic lies in a band pre-registered from pilot seeds or from theory. A failure's replay token carries
    /// <c>S_dataseed</c>. Shrinking a seed means nothing, so there is none.
    /// </summary>
    public static CheckOutcome Statistic<T>(ClaimContext context, Func<int, T> measure, Func<T, CaseContext, CaseResult> judge, StatisticOptions? options = null)
    {
        var opts = options ?? new StatisticOptions();
        if (opts.Replicates < 1) throw new ArgumentOutOfRangeException(nameof(options), "a statistic needs at least one replicate");
        var (id, role, settings) = (context.Id, context.Role, context.Settings);
        var st = new Sampled<T>(id, role, measure, judge, opts);
        if (ReplayToken.TryParse(settings.Replay, out var token) && context.Owns(token))
            return st.Replay(token, "replay", settings);
        return Checked(id, role, settings, st.Fresh, (t, what) => st.Replay(t, what, settings));
    }

    sealed class Sampled<T>(ClaimId id, ClaimRole role, Func<int, T> measure, Func<T, CaseContext, CaseResult> judge, StatisticOptions opts)
    {
        (CaseResult Result, bool Threw) Evaluate(RunSettings s, int seed, CaseContext ctx) =>
            Invoke((int x, CaseContext c) => judge(s.Memo(("statistic", id.Value, opts.MeasureKey, x), () => measure(x)), c), seed, ctx);

        public CheckOutcome Fresh(RunSettings s)
        {
            var clock = Stopwatch.StartNew();
            var log = new CaseLog();
            for (int r = 0; r < opts.Replicates; r++)
            {
                s.Cancel.ThrowIfCancellationRequested();
                if (!s.Shard.OwnsCase(r)) { log.SkippedShard++; continue; }
                if (clock.Elapsed > s.Profile.CheckBudget) { log.SkippedBudget++; continue; }
                int seed = s.DataSeed(id, "data", r);
                var ctx = new CaseContext();
                var (res, threw) = Evaluate(s, seed, ctx);
                log.Record(ctx, () => opts.Show(seed), generated: true);
                if (res.Ok) continue;
                log.FirstFailureIndex = r;
                var stats = log.Stats(usesSeed: true, opts.Replicates, incomplete: false, [], null, null);
                var message = $"{opts.Show(seed)}: {res.Detail}";
                if (threw) return new CheckOutcome.Errored(log.Evaluated, message) { Stats = stats };
                var token = new ReplayToken(id, role, $"S_{seed}");
                if (role == ClaimRole.Check && s.Profile.WritesFailures) s.Failures?.Add(token, message);
                return new CheckOutcome.Fails(log.Evaluated, message, token.ToString()) { Stats = stats };
            }
            return Finish(log, s, usesSeed: true, opts.Replicates, [], null);
        }

        public CheckOutcome Replay(ReplayToken token, string what, RunSettings s)
        {
            if (token.Kind != ReplayKind.Statistic)
                return new CheckOutcome.Errored(0, $"{what} token {token} is not a token of a sampled statistic (expected data S_seed)");
            int seed = (int)token.Number;
            var log = new CaseLog { Replayed = 1 };
            var ctx = new CaseContext();
            var (r, threw) = Evaluate(s, seed, ctx);
            log.Record(ctx, () => opts.Show(seed), generated: false);
            var stats = log.Stats(usesSeed: true, opts.Replicates, incomplete: false, [], null, null);
            var message = $"{opts.Show(seed)}: {r.Detail} [{what} {token}]";
            if (threw) return new CheckOutcome.Errored(1, message) { Stats = stats };
            return r.Ok ? new CheckOutcome.Holds(1, $"{what} passes") { Stats = stats } : new CheckOutcome.Fails(1, message, token.ToString()) { Stats = stats };
        }
    }
}
