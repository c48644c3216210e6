using System.CommandLine;
using NetClaims.Claims;
using NetClaims.Properties;
using NetClaims.Reports;

namespace NetClaims.Cli.Commands;

/// <summary>
/// <c>netclaims promote TOKEN [--failures DIR]</c>: turns a stored failing case into an explicit example of its claim
/// (snapshots/examples/{claim}.tokens, replayed on every run in every profile) and removes it from the failure database.
/// </summary>
internal static class PromoteCommand
{
    public static Command Create()
    {
        var token = new Argument<string>("token") { Description = "A replay token (from a failing run or the failure database)" };
        var failures = new Option<string?>("--failures") { Description = "Failure database folder (default .netclaims/failures)" };
        var project = ClaimTarget.ProjectOption();
        var assembly = ClaimTarget.AssemblyOption();
        var cmd = new Command("promote", "Promote a stored failing case to an explicit example of its claim") { token, failures, project, assembly };
        cmd.SetAction(p =>
        {
            var t = ReplayToken.Parse(p.GetValue(token)!);
            var target = ClaimTarget.Resolve(p.GetValue(project), p.GetValue(assembly));
            var claim = target.Source.Claims.FirstOrDefault(c => c.Id == t.Claim);
            if (claim is null) return Cli.Fail($"token names unknown claim '{t.Claim}'");
            // Promote only what replays: an example every later run would skip is worse than none.
            var settings = RunSettings.Default.WithReplay(t.ToString()).WithTier(claim.Tier).WithCache(new RunCache());
            var trial = claim.Run(t.Role, settings);
            if (trial is CheckOutcome.Errored e) return Cli.Fail($"token {t} cannot be replayed by {t.Claim}: {e.Message}");
            if (trial.Stats.Replayed == 0) return Cli.Fail($"token {t} was not replayed by {t.Claim}'s {t.Role} (a token of another kind of check?)");
            var snapshots = target.Snapshots ?? throw new NetClaims.Reports.UsageException("no snapshots/ folder found: run inside the repository");
            var store = target.Failures(p.GetValue(failures));
            var stored = store.For(t.Claim, t.Role).FirstOrDefault(s => s.Token == t);
            var examples = new ExampleStore(Path.Combine(snapshots.Directory, "examples"));
            examples.Add(t, stored?.Counterexample ?? "promoted by hand");
            if (stored is not null) store.Remove(stored);
            Console.WriteLine($"promoted {t} to {examples.PathFor(t.Claim)}{(stored is null ? " (it was not in the failure database)" : "")}");
            return Cli.Ok;
        });
        return cmd;
    }
}
