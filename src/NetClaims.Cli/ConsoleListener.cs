using NetClaims.Claims;
using Spectre.Console;

namespace NetClaims.Cli;

/// <summary>
/// The command line's view of a run (an <see cref="IClaimListener"/>): a Spectre.Console progress bar when the console
/// is interactive, plain lines on stderr otherwise (one per claim, and at most one every 5 s from inside a long claim).
/// </summary>
internal static class ConsoleListener
{
    public static bool Interactive => AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;

    /// <summary>Runs <paramref name="work"/> with the listener that suits this console.</summary>
    public static T Show<T>(string what, Func<IClaimListener, T> work)
    {
        if (!Interactive) return work(new Plain());
        T result = default!;
        AnsiConsole.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
            .Start(ctx => result = work(new Bar(ctx.AddTask(what, autoStart: true))));
        return result;
    }

    sealed class Bar(ProgressTask task) : IClaimListener
    {
        public void RunStarting(IReadOnlyList<Claim> claims, RunSettings settings) => task.MaxValue = Math.Max(1, claims.Count);
        public void ClaimStarting(Claim claim, int index, int count) => task.Description = Markup.Escape(claim.Id.Value);
        public void Progress(Claim claim, string line) => task.Description = Markup.Escape(line);
        public void ClaimFinished(ClaimResult result, int index, int count) => task.Increment(1);
    }

    sealed class Plain : IClaimListener
    {
        readonly ProgressThrottle throttle = new(TimeSpan.FromSeconds(5));

        public void Progress(Claim claim, string line)
        {
            if (throttle.Due()) Console.Error.WriteLine($"  … {line} ({throttle.Elapsed.TotalSeconds:F0} s)");
        }

        public void ClaimFinished(ClaimResult result, int index, int count)
        {
            var rec = result.ToRecord();
            Console.Error.WriteLine($"[{index + 1}/{count}] {result.Claim.Id}: {rec.Verdict}, negative control {rec.NegativeControl}, snapshot {rec.Snapshot} ({result.Seconds:F1} s)");
        }
    }
}
