using System.Diagnostics;

namespace NetClaims.Claims;

public static partial class Generated
{
    /// <summary>
    /// Checks <paramref name="body"/> on every value of a finite list, in order, stopping at the first failure. Case i
    /// belongs to shard (i mod n) + 1; its replay token carries <c>E_i</c>. Every value must be checked: the declared
    /// minimum is the whole list unless the options say otherwise.
    /// </summary>
    public static CheckOutcome ForEach<T>(ClaimContext context, IReadOnlyList<T> values, Func<T, CaseContext, CaseResult> body, CheckOptions<T>? options = null)
    {
        var opts = options ?? new CheckOptions<T>();
        var (id, role, settings) = (context.Id, context.Role, context.Settings);
        var e = new Enumeration<T>(id, role, values, body, opts);
        if (ReplayToken.TryParse(settings.Replay, out var token) && context.Owns(token))
            return e.Replay(token, "replay", settings);
        return Checked(id, role, settings, e.Fresh, (t, what) => e.Replay(t, what, settings));
    }

    sealed class Enumeration<T>(ClaimId id, ClaimRole role, IReadOnlyList<T> values, Func<T, CaseContext, CaseResult> body, CheckOptions<T> opts)
    {
        int Minimum => opts.MinimumCases ?? values.Count;

        public CheckOutcome Fresh(RunSettings s)
        {
            var clock = Stopwatch.StartNew();
            var log = new CaseLog();
            for (int i = 0; i < values.Count; i++)
            {
                s.Cancel.ThrowIfCancellationRequested();
                if (!s.Shard.OwnsCase(i)) { log.SkippedShard++; continue; }
                if (clock.Elapsed > s.Profile.CheckBudget) { log.SkippedBudget++; continue; }
                var ctx = new CaseContext();
                var (r, threw) = Invoke(body, values[i], ctx);
                log.Record(ctx, () => opts.Show(values[i]), generated: true);
                if (r.Ok) continue;
                log.FirstFailureIndex = i;
                var stats = log.Stats(usesSeed: false, Minimum, incomplete: false, opts.Coverage, null, opts.ScoreName);
                var message = $"{opts.Show(values[i])}: {r.Detail}";
                if (threw) return new CheckOutcome.Errored(log.Evaluated, message) { Stats = stats };
                var token = new ReplayToken(id, role, $"E_{i}");
                if (role == ClaimRole.Check && s.Profile.WritesFailures) s.Failures?.Add(token, message);
                return new CheckOutcome.Fails(log.Evaluated, message, token.ToString()) { Stats = stats };
            }
            return Finish(log, s, usesSeed: false, Minimum, opts.Coverage, opts.ScoreName);
        }

        public CheckOutcome Replay(ReplayToken token, string what, RunSettings s)
        {
            if (token.Kind != ReplayKind.Enumerated)
                return new CheckOutcome.Errored(0, $"{what} token {token} is not a token of an enumerated check (expected data E_index)");
            if (token.Number >= (ulong)values.Count)
                return new CheckOutcome.Errored(0, $"{what} token {token} names case {token.Number}, but the check enumerates {values.Count} cases");
            int i = (int)token.Number;
            s.Cancel.ThrowIfCancellationRequested();
            var log = new CaseLog { Replayed = 1 };
            var ctx = new CaseContext();
            var (r, threw) = Invoke(body, values[i], ctx);
            log.Record(ctx, () => opts.Show(values[i]), generated: false);
            var stats = log.Stats(usesSeed: false, Minimum, incomplete: false, opts.Coverage, null, opts.ScoreName);
            var message = $"{opts.Show(values[i])}: {r.Detail} [{what} {token}]";
            if (threw) return new CheckOutcome.Errored(1, message) { Stats = stats };
            return r.Ok ? new CheckOutcome.Holds(1, $"{what} passes") { Stats = stats } : new CheckOutcome.Fails(1, message, token.ToString()) { Stats = stats };
        }
    }
}
