namespace NetClaims.Claims;

/// <summary>
/// The run's one event stream: the runner tells its listener when a run starts, when each claim starts and finishes,
/// and passes on the progress lines long checks write (<see cref="ClaimContext.Log"/>). Every method has an empty
/// default, so a listener implements only what it shows. Listeners are called on the thread that runs the claim.
/// </summary>
public interface IClaimListener
{
    /// <summary>The run is about to run <paramref name="claims"/> with <paramref name="settings"/>.</summary>
    void RunStarting(IReadOnlyList<Claim> claims, RunSettings settings) { }

    /// <summary>Claim <paramref name="index"/> (from 0) of <paramref name="count"/> is starting.</summary>
    void ClaimStarting(Claim claim, int index, int count) { }

    /// <summary>A progress line from inside a claim (unthrottled: a listener that prints throttles).</summary>
    void Progress(Claim claim, string line) { }

    /// <summary>Claim <paramref name="index"/> of <paramref name="count"/> finished.</summary>
    void ClaimFinished(ClaimResult result, int index, int count) { }
}

/// <summary>Listeners made of others.</summary>
public static class ClaimListeners
{
    /// <summary>A listener that hears nothing.</summary>
    public static IClaimListener None { get; } = new Silent();

    /// <summary>Passes every event to each listener in turn.</summary>
    public static IClaimListener Combine(params IClaimListener[] listeners) => listeners.Length == 1 ? listeners[0] : new Many(listeners);

    sealed class Silent : IClaimListener;

    sealed class Many(IClaimListener[] all) : IClaimListener
    {
        public void RunStarting(IReadOnlyList<Claim> claims, RunSettings settings) { foreach (var l in all) l.RunStarting(claims, settings); }
        public void ClaimStarting(Claim claim, int index, int count) { foreach (var l in all) l.ClaimStarting(claim, index, count); }
        public void Progress(Claim claim, string line) { foreach (var l in all) l.Progress(claim, line); }
        public void ClaimFinished(ClaimResult result, int index, int count) { foreach (var l in all) l.ClaimFinished(result, index, count); }
    }
}

/// <summary>
/// Lets through at most one event per interval (plus the ones forced through, e.g. the last), so plain progress lines
/// on a non-interactive console stay readable. One instance per stream; thread-safe.
/// </summary>
internal sealed class ProgressThrottle(TimeSpan interval)
{
    readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
    readonly object gate = new();
    TimeSpan? last;

    /// <summary>Time since the throttle was made.</summary>
    public TimeSpan Elapsed => clock.Elapsed;

    /// <summary>Whether an event now should be shown (always when <paramref name="force"/>); if so, the interval restarts.</summary>
    public bool Due(bool force = false)
    {
        lock (gate)
        {
            var now = clock.Elapsed;
            if (!force && last is { } l && now - l < interval) return false;
            last = now;
            return true;
        }
    }
}
