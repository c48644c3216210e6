using System.Diagnostics;
using NetClaims.Reports;

namespace NetClaims.Claims;

/// <summary>Runs a claim: its check, its negative control, its report, and the comparison with the approved snapshot.</summary>
public static class ClaimRunner
{
    /// <summary>
    /// Runs <paramref name="claims"/> in order after the validators (default: <see cref="ClaimValidators.Default"/>)
    /// found nothing wrong — a problem is a <see cref="UsageException"/> before any work — and tells
    /// <paramref name="listener"/> what happens. Cancellation (the settings' token) ends the run after the claim in
    /// progress is abandoned: the results so far come back with <see cref="ClaimRun.Complete"/> false.
    /// </summary>
    public static ClaimRun RunAll(IReadOnlyList<Claim> claims, RunSettings settings, SnapshotStore? snapshots,
        IClaimListener? listener = null, IEnumerable<IClaimValidator>? validators = null)
    {
        var problems = ClaimValidators.Problems(validators ?? ClaimValidators.Default, claims, settings, snapshots);
        if (problems.Count > 0)
            throw new UsageException(problems.Count == 1 ? problems[0] : $"{problems[0]} (and {problems.Count - 1} more problem{(problems.Count > 2 ? "s" : "")})");
        listener ??= ClaimListeners.None;
        listener.RunStarting(claims, settings);
        var results = new List<ClaimResult>();
        try
        {
            for (int i = 0; i < claims.Count; i++)
            {
                settings.Cancel.ThrowIfCancellationRequested();
                var claim = claims[i];
                listener.ClaimStarting(claim, i, claims.Count);
                var r = Run(claim, settings.WithLog(line => listener.Progress(claim, line)), snapshots);
                results.Add(r);
                listener.ClaimFinished(r, i, claims.Count);
            }
        }
        catch (OperationCanceledException) when (settings.Cancel.IsCancellationRequested)
        {
            return new ClaimRun(results, Complete: false);
        }
        return new ClaimRun(results, Complete: true);
    }

    /// <summary>
    /// Runs one claim. In a sharded run the check covers this shard's slice of cases, and only the owner shard runs
    /// the negative control and the report (so the shards together do exactly the work of one run).
    /// </summary>
    public static ClaimResult Run(Claim claim, RunSettings settings, SnapshotStore? snapshots)
    {
        var sw = Stopwatch.StartNew();
        settings = settings.WithTier(claim.Tier);
        var (check, negative) = Checks(claim, settings);
        if (negative is null)
            return new ClaimResult(claim, check, null, null, null, new SnapshotStatus.NotAvailable(), sw.Elapsed.TotalSeconds);
        NumericReport? report = null;
        string? reportError = null;
        SnapshotStatus snapshot = new SnapshotStatus.NotAvailable();
        try
        {
            report = claim.BuildReport(settings);
            var bad = report.NonFiniteCells().ToArray();
            if (bad.Length > 0) reportError = "non-finite measurement: " + string.Join("; ", bad.Take(3));
            if (snapshots is not null) snapshot = snapshots.Compare(claim.Id, ReportText.Render(report));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            reportError = $"{e.GetType().Name}: {e.Message}";
        }
        return new ClaimResult(claim, check, negative, report, reportError, snapshot, sw.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The claim's check and (when this shard owns the claim) its negative control, without the report: what a sweep
    /// over run seeds repeats. The owner runs the negative control whole: its cases are not sliced between shards.
    /// </summary>
    public static (CheckOutcome Check, CheckOutcome? Negative) Checks(Claim claim, RunSettings settings)
    {
        settings = settings.WithTier(claim.Tier);
        var check = Guard(() => claim.RunCheck(settings));
        if (!settings.Shard.OwnsClaim(claim.Id)) return (check, null);
        return (check, Guard(() => claim.RunNegativeControl(settings.WithShard(Shard.Whole))));
    }

    static CheckOutcome Guard(Func<CheckOutcome> run)
    {
        try
        {
            return run();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new CheckOutcome.Errored(0, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Claims selected by ids or dot-prefixes; an unknown selector is a one-line error.</summary>
    public static IReadOnlyList<Claim> Select(IReadOnlyList<Claim> all, IReadOnlyCollection<string> selectors)
    {
        if (selectors.Count == 0) return all;
        foreach (var s in selectors)
            if (!all.Any(c => c.Id.MatchesSelector(s)))
                throw new UsageException($"unknown claim '{s}' (try `netclaims list`)");
        return all.Where(c => selectors.Any(s => c.Id.MatchesSelector(s))).ToArray();
    }
}

/// <summary>The results of <see cref="ClaimRunner.RunAll"/>, in the order run.</summary>
/// <param name="Complete">False when the run was cancelled before every claim finished.</param>
public sealed record ClaimRun(IReadOnlyList<ClaimResult> Results, bool Complete);
