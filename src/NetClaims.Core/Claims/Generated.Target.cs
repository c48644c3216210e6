namespace NetClaims.Claims;

public static partial class Generated
{
    sealed partial class Run<T>
    {
        // Hill climbing from the best of several seeded starts. Deterministic given (run seed, claim, role), so a
        // counterexample it finds is replayed by re-running it from that run seed (token data T_seed).
        CheckOutcome? Climb(TargetSpec<T> target)
        {
            var seed = s.DeriveSeed(id, role.Name() + "/target");
            var rng = new Random(unchecked((int)seed ^ (int)(seed >> 32)));
            var starts = new List<(T Value, double Score)>();
            for (int i = 0; i < target.Starts && clock.Elapsed <= s.Profile.CheckBudget; i++)
            {
                var v = target.Start(rng);
                if (Step(v, out var score) is { } f) return f;
                starts.Add((v, score));
            }
            foreach (var (start, startScore) in starts.OrderByDescending(p => p.Score).Take(target.Climbers).ToArray())
            {
                var (current, currentScore) = (start, startScore);
                for (int k = 0; k < target.Steps; k++)
                {
                    if (clock.Elapsed > s.Profile.CheckBudget) return null;
                    var candidate = target.Mutate(current, rng);
                    if (Step(candidate, out var score) is { } f) return f;
                    if (score > currentScore) (current, currentScore) = (candidate, score);
                }
            }
            return null;
        }

        // Evaluates one targeted case; a failure becomes a counterexample with a T_ token.
        CheckOutcome.Fails? Step(T value, out double score)
        {
            s.Cancel.ThrowIfCancellationRequested();
            var ctx = new CaseContext();
            var (r, threw) = Invoke(body, value, ctx);
            log.Record(ctx, () => opts.Show(value), generated: false);
            score = ctx.Score ?? double.NegativeInfinity;
            if (r.Ok) return null;
            if (threw) throw new TargetedError($"{opts.Show(value)}: {r.Detail} (found by targeted search)");
            var token = new ReplayToken(id, role, $"T_{s.Seed}");
            var message = $"{opts.Show(value)}: {r.Detail} (found by targeted search)";
            if (role == ClaimRole.Check && s.Profile.WritesFailures) s.Failures?.Add(token, message);
            return (CheckOutcome.Fails)Stamp(new CheckOutcome.Fails(log.Evaluated, message, token.ToString()));
        }

        // Re-runs the whole search from the token's run seed (no stores, no replay): it finds the same counterexample.
        CheckOutcome ReplayTargeted(ReplayToken token, string what)
        {
            var again = new Run<T>(id, role, gen, s.WithSeed(token.Number).WithReplay(null).WithFailures(null).WithExamples(null), body, opts).Fresh();
            return again is CheckOutcome.Fails f ? f with { Counterexample = $"{f.Counterexample} [{what} {token}]" } : again;
        }
    }
}

/// <summary>An exception thrown by a claim's body during targeted search: an error of the check, not a counterexample.</summary>
internal sealed class TargetedError(string message) : Exception(message);
