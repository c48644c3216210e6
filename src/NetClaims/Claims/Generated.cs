using Hedgehog;
using Hedgehog.Linq;
using NetClaims.Cube;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Claims;

/// <summary>
/// Properties over generated inputs, run with Hedgehog: integrated shrinking (a failing d shrinks towards the
/// smallest failing d), a seed derived from the run, and a replay token that jumps straight back to the shrunk case.
/// </summary>
public static class Generated
{
    /// <summary>Checks <paramref name="body"/> for generated d in [lo, hi] (constant range: d shrinks towards lo).</summary>
    /// <param name="id">The claim the check belongs to (for the seed and the replay token).</param>
    /// <param name="role"><c>check</c> or <c>negative</c>.</param>
    /// <param name="label">What the generated integer is called in counterexamples (default d).</param>
    public static CheckOutcome ForAllDimensions(ClaimId id, string role, int lo, int hi, RunSettings settings, Func<Dimension, CaseResult> body, string label = "d")
    {
        if (lo < 1 || hi > Dimension.Max || lo > hi) throw new ArgumentOutOfRangeException(nameof(lo), $"bad dimension range [{lo}, {hi}]");
        string? lastFailure = null;
        bool lastWasError = false;
        bool Run(int d)
        {
            settings.Cancel.ThrowIfCancellationRequested();
            try
            {
                var r = body(new Dimension(d));
                if (!r.Ok) (lastFailure, lastWasError) = ($"{label}={d}: {r.Detail}", false);
                return r.Ok;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                (lastFailure, lastWasError) = ($"{label}={d}: {e.GetType().Name}: {e.Message}", true);
                return false;
            }
        }

        var property = from d in Gen.Int32(Range.Constant(lo, hi)).ForAll() select Run(d);
        var config = PropertyConfig.withSeed(SeedModule.from(settings.DeriveSeed(id, role)), PropertyConfig.Default.WithTests(settings.Tests));
        var replay = ReplayToken.TryParse(settings.Replay, out var token) && token.Claim == id && token.Role == role ? token : null;
        var report = replay is not null ? property.ReportRecheck(replay.Data, config) : property.Report(config);
        // Hedgehog reports a cancelled case as a failure; a cancelled run has no verdict, so surface the cancellation.
        settings.Cancel.ThrowIfCancellationRequested();
        return Interpret(report, id, role, lastFailure, lastWasError, lo, hi, label);
    }

    static CheckOutcome Interpret(Report report, ClaimId id, string role, string? lastFailure, bool lastWasError, int lo, int hi, string label)
    {
        if (report.Status is Status.Failed failed)
        {
            var data = failed.Item.RecheckInfo is { } info ? RecheckDataModule.serialize(info.Value.Data) : null;
            var token = data is null ? null : new ReplayToken(id, role, data).ToString();
            var message = lastFailure ?? "property failed";
            if (failed.Item.Shrinks > 0) message += $" (shrunk {failed.Item.Shrinks} times)";
            return lastWasError ? new CheckOutcome.Errored(report.Tests, message) : new CheckOutcome.Fails(report.Tests, message, token);
        }
        if (report.Status.IsGaveUp) return new CheckOutcome.Errored(report.Tests, "gave up: too many discarded cases");
        return new CheckOutcome.Holds(report.Tests, $"{report.Tests} generated {label} in [{lo}, {hi}]");
    }
}
