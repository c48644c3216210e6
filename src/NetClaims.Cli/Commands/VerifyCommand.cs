using System.CommandLine;
using System.Diagnostics;
using NetClaims.Claims;
using NetClaims.Properties;
using NetClaims.Reports;
using Spectre.Console;
using Profile = NetClaims.Claims.Profile;

namespace NetClaims.Cli.Commands;

/// <summary>
/// <c>netclaims verify [--claim ID-or-prefix]… [--profile ci|fast|deep] [--seed N] [--shard k/n] [--replay TOKEN]
/// [--failures DIR] [--no-snapshots] [--format text|json] [--out DIR]</c>: runs each claim and its negative control
/// (stored failures and promoted examples first), compares its report with snapshots/, prints the verdict table and
/// writes the report folder (core files plus the CLI's exporters) with the build fingerprint the gate tests reuse.
/// Exit 0 iff every claim holds, every negative control is refuted and every snapshot matches; 1 otherwise; 2 bad
/// input; 70 internal error; 130 interrupted.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var claims = Cli.Claims("Claim id or dot-prefix to run (repeatable; default: all)");
        var seed = new Option<ulong?>("--seed") { Description = "Run seed (default: 0 under the ci profile, a fresh random seed under fast/deep, printed)" };
        var format = Cli.Format();
        var outDir = new Option<string>("--out") { Description = "Report folder", DefaultValueFactory = _ => Path.Combine("artifacts", "report") };
        var replay = new Option<string?>("--replay") { Description = "Replay token printed by a failing run (or set NETCLAIMS_REPLAY)" };
        var noSnapshots = new Option<bool>("--no-snapshots") { Description = "Do not compare reports with snapshots/" };
        var profile = new Option<string?>("--profile") { Description = "ci | fast | deep (default: ci when CI=true, else fast)" };
        var shard = new Option<string?>("--shard") { Description = "Run slice k/n of (claim × case); combine the n folders with `netclaims merge`" };
        var failures = new Option<string?>("--failures") { Description = "Failure database folder (default .netclaims/failures at the repository root, or NETCLAIMS_FAILURES)" };
        var cmd = new Command("verify", "Verify claims and their negative controls; print the verdict table; write the report")
        {
            claims, seed, format, outDir, replay, noSnapshots, profile, shard, failures,
        };
        cmd.SetAction(p => Run(new Options(p.GetValue(claims) ?? [], p.GetValue(seed), p.GetValue(format)!, p.GetValue(outDir)!,
            p.GetValue(replay) ?? Environment.GetEnvironmentVariable("NETCLAIMS_REPLAY"), p.GetValue(noSnapshots),
            Profile.Resolve(p.GetValue(profile)), p.GetValue(shard) is { } sh ? Shard.Parse(sh) : Shard.Whole, p.GetValue(failures))));
        return cmd;
    }

    sealed record Options(string[] Selectors, ulong? Seed, string Format, string OutDir, string? Replay, bool NoSnapshots, Profile Profile, Shard Shard, string? Failures);

    static int Run(Options o)
    {
        var selectors = o.Selectors;
        if (o.Replay is not null)
        {
            if (string.IsNullOrWhiteSpace(o.Replay)) return Cli.Fail("--replay needs a token (nc1:CLAIM-ID/check@DATA)");
            var token = ReplayToken.Parse(o.Replay);
            if (ClaimCatalog.All.All(c => c.Id != token.Claim)) return Cli.Fail($"replay token names unknown claim '{token.Claim}'");
            if (selectors.Length == 0) selectors = [token.Claim.Value];
            else if (!selectors.Any(sel => token.Claim.MatchesSelector(sel)))
                return Cli.Fail($"replay token names claim {token.Claim}, which --claim {string.Join(", ", selectors)} does not select");
        }
        var selected = ClaimRunner.Select(ClaimCatalog.All, selectors);
        ReportFolder.Check(o.OutDir);
        var snapshots = o.NoSnapshots ? null : SnapshotStore.Locate();
        if (!o.NoSnapshots && snapshots is null)
            return Cli.Fail($"no snapshots/ folder found above {Environment.CurrentDirectory} or {AppContext.BaseDirectory} (run inside the repository, set NETCLAIMS_SNAPSHOTS, or pass --no-snapshots)");
        if (o.Seed >= RunSettings.PilotSeedBase) return Cli.Fail($"run seeds from {RunSettings.PilotSeedBase} on are reserved for pilot sweeps (netclaims sweep --pilot)");
        if (o.Profile == Profile.CiProfile && o.Seed is { } s && s != 0) Console.Error.WriteLine($"netclaims: profile ci: using the fixed seed 0, not {s}");
        ulong seed = o.Profile.RandomSeed ? o.Seed ?? (ulong)System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue) : 0;
        if (o.Profile.RandomSeed && o.Seed is null) Console.Error.WriteLine($"netclaims: profile {o.Profile.Name}, seed {seed} (repeat this run with --seed {seed})");

        var failureStore = o.Failures is not null ? new FailureStore(o.Failures) : FailureStore.Locate();
        var examples = SnapshotStore.Locate() is { } snap ? new ExampleStore(Path.Combine(snap.Directory, "examples")) : null;
        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cts.Cancel(); Console.Error.WriteLine("netclaims: interrupted; finishing the report of the claims done so far"); };
        Console.CancelKeyPress += onCancel;
        var settings = RunSettings.Default.WithProfile(o.Profile).WithSeed(seed).WithShard(o.Shard).WithReplay(o.Replay)
            .WithFailures(failureStore).WithExamples(examples).WithCancellation(cts.Token).WithCache(new RunCache());
        var results = new List<ClaimResult>();
        bool complete = true;
        try
        {
            ClaimProgress.Run(selected, settings, (claim, st) => ClaimRunner.Run(claim, st, snapshots), results);
        }
        catch (OperationCanceledException)
        {
            complete = false;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
        foreach (var problem in failureStore.Problems.Concat(examples?.Problems ?? [])) Console.Error.WriteLine($"netclaims: warning: {problem}");
        var meta = new RunDocument
        {
            Seed = seed, Profile = o.Profile.Name, Shard = o.Shard.ToString(), Complete = complete,
            Build = complete && o.Shard == Shard.Whole && o.Replay is null
                ? BuildFingerprint.Of(ClaimCatalog.Assemblies, examples?.Directory) : null,
        };
        RunReport.Write(o.OutDir, results, meta, Cli.Exporters);
        var doc = meta with { Claims = results.Select(r => r.ToRecord()).ToArray() };
        if (o.Format == "json") Console.Write(doc.ToJson());
        else VerdictTable.Print(doc, o.OutDir);
        if (!complete) return Cli.Interrupted;
        return doc.Claims.All(r => r.Passed) ? Cli.Ok : Cli.ClaimFailed;
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
            var rec = r.ToRecord();
            Console.Error.WriteLine($"[{i + 1}/{claims.Count}] {c.Id}: {rec.Verdict}, negative control {rec.NegativeControl}, snapshot {rec.Snapshot} ({r.Seconds:F1} s)");
        }
    }
}
