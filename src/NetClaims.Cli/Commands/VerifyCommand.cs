using System.CommandLine;
using System.Diagnostics;
using NetClaims.Claims;
using NetClaims.Properties;
using NetClaims.Reports;
using Spectre.Console;

namespace NetClaims.Cli.Commands;

/// <summary>
/// <c>netclaims verify [--claim ID-or-prefix]… [--seed N] [--format text|json] [--out DIR] [--replay TOKEN]</c>:
/// runs each claim and its negative control, compares its report with snapshots/, prints the verdict table and
/// writes the report. Exit 0 iff every claim holds, every negative control is refuted and every snapshot matches.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var claims = Cli.Claims("Claim id or dot-prefix to run (repeatable; default: all)");
        var seed = new Option<ulong?>("--seed") { Description = "Run seed (default 0; every check's seed derives from it and the claim id)" };
        var format = Cli.Format();
        var outDir = new Option<string>("--out") { Description = "Report folder", DefaultValueFactory = _ => Path.Combine("artifacts", "report") };
        var replay = new Option<string?>("--replay") { Description = "Replay token printed by a failing run (or set NETCLAIMS_REPLAY)" };
        var noSnapshots = new Option<bool>("--no-snapshots") { Description = "Do not compare reports with snapshots/" };
        var cmd = new Command("verify", "Verify claims and their negative controls; print the verdict table; write the report")
        {
            claims, seed, format, outDir, replay, noSnapshots,
        };
        cmd.SetAction(p => Run(p.GetValue(claims) ?? [], p.GetValue(seed), p.GetValue(format)!, p.GetValue(outDir)!,
            p.GetValue(replay) ?? Environment.GetEnvironmentVariable("NETCLAIMS_REPLAY"), p.GetValue(noSnapshots)));
        return cmd;
    }

    static int Run(string[] selectors, ulong? seedOpt, string format, string outDir, string? replay, bool noSnapshots)
    {
        if (!string.IsNullOrWhiteSpace(replay))
        {
            var token = ReplayToken.Parse(replay);
            if (ClaimCatalog.All.All(c => c.Id != token.Claim)) return Cli.Fail($"replay token names unknown claim '{token.Claim}'");
            if (selectors.Length == 0) selectors = [token.Claim.Value];
        }
        var selected = ClaimRunner.Select(ClaimCatalog.All, selectors);
        ulong seed = Ci.IsCi ? 0 : seedOpt ?? 0;
        if (Ci.IsCi && seedOpt is { } s && s != 0) Console.Error.WriteLine($"netclaims: CI=true: using the fixed seed 0, not {s}");
        var snapshots = noSnapshots ? null : SnapshotStore.Locate();
        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cts.Cancel(); Console.Error.WriteLine("netclaims: interrupted; finishing the report of the claims done so far"); };
        Console.CancelKeyPress += onCancel;
        var settings = RunSettings.Default.WithSeed(seed).WithReplay(replay).WithCancellation(cts.Token);
        var results = new List<ClaimResult>();
        bool complete = true;
        try
        {
            ClaimProgress.Run(selected, settings, (claim, s) => ClaimRunner.Run(claim, s, snapshots), results);
        }
        catch (OperationCanceledException)
        {
            complete = false;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
        RunReport.Write(outDir, results, seed, complete);
        if (format == "json") Console.Write(RunReport.Json(results, seed, complete));
        else PrintTable(results, outDir, complete);
        if (!complete) return Cli.Interrupted;
        return results.All(r => r.Passed) ? Cli.Ok : Cli.ClaimFailed;
    }

    static void PrintTable(IReadOnlyList<ClaimResult> results, string outDir, bool complete)
    {
        int w = Math.Max(5, results.Select(r => r.Claim.Id.Value.Length).DefaultIfEmpty(5).Max());
        Console.WriteLine($"{"claim".PadRight(w)}  {"tier",-11}  {"verdict",-7}  {"negative",-11}  {"snapshot",-8}  {"cases",5}  {"seconds",7}");
        foreach (var r in results)
            Console.WriteLine($"{r.Claim.Id.Value.PadRight(w)}  {r.Claim.Tier,-11}  {ClaimResult.Word(r.Verdict),-7}  {(r.NegativeRefuted ? "refuted" : "NOT-refuted"),-11}  {r.Snapshot.Word,-8}  {r.Cases,5}  {r.Seconds,7:F2}");
        foreach (var r in results.Where(r => !r.Passed))
        {
            Console.WriteLine();
            Console.WriteLine($"FAILED {r.Claim.Id}: {RunReport.Problem(r)}");
            if (r.Replay is not null && ReplayToken.TryParse(r.Replay, out var t))
            {
                Console.WriteLine($"  replay token: {t}");
                Console.WriteLine($"  replay with:  {t.Command}");
            }
            if (r.Snapshot is SnapshotStatus.Mismatch m)
            {
                foreach (var d in m.Differences.Take(10)) Console.WriteLine($"  {d}");
                if (m.Differences.Count > 10) Console.WriteLine($"  … and {m.Differences.Count - 10} more");
            }
            if (r.Snapshot is SnapshotStatus.Mismatch or SnapshotStatus.Missing)
                Console.WriteLine($"  if the new numbers are right: netclaims approve --claim {r.Claim.Id}");
        }
        Console.WriteLine();
        if (!complete) Console.WriteLine("INCOMPLETE: interrupted before every claim ran");
        Console.WriteLine($"{results.Count(r => r.Passed)} passed, {results.Count(r => !r.Passed)} failed (claims); report: {Path.Combine(outDir, "report.md")}");
    }
}

/// <summary>Progress: a Spectre.Console bar when interactive, plain periodic lines on stderr otherwise.</summary>
internal static class ClaimProgress
{
    public static void Run(IReadOnlyList<Claim> claims, RunSettings settings, Func<Claim, RunSettings, ClaimResult> run, List<ClaimResult> results)
    {
        if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
        {
            AnsiConsole.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("claims", maxValue: claims.Count);
                    foreach (var c in claims)
                    {
                        settings.Cancel.ThrowIfCancellationRequested();
                        task.Description = Markup.Escape(c.Id.Value);
                        var s = settings.WithLog(line => task.Description = Markup.Escape(line));
                        results.Add(run(c, s));
                        task.Increment(1);
                    }
                });
            return;
        }
        var clock = Stopwatch.StartNew();
        double lastLine = 0;
        for (int i = 0; i < claims.Count; i++)
        {
            settings.Cancel.ThrowIfCancellationRequested();
            var c = claims[i];
            // Plain progress: at most one line every 5 s from inside a long claim, plus one line per claim.
            var s = settings.WithLog(line =>
            {
                if (clock.Elapsed.TotalSeconds - lastLine < 5) return;
                lastLine = clock.Elapsed.TotalSeconds;
                Console.Error.WriteLine($"  … {line} ({clock.Elapsed.TotalSeconds:F0} s)");
            });
            var r = run(c, s);
            results.Add(r);
            Console.Error.WriteLine($"[{i + 1}/{claims.Count}] {c.Id}: {ClaimResult.Word(r.Verdict)}, negative control {(r.NegativeRefuted ? "refuted" : "NOT refuted")}, snapshot {r.Snapshot.Word} ({r.Seconds:F1} s)");
        }
    }
}
