using System.CommandLine;
using NetClaims.Claims;
using NetClaims.Reports;
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
        var junit = new Option<string?>("--junit") { Description = "Also write JUnit XML to this file (one test case per claim and per negative control)" };
        var project = ClaimTarget.ProjectOption();
        var assembly = ClaimTarget.AssemblyOption();
        var cmd = new Command("verify", "Verify claims and their negative controls; print the verdict table; write the report")
        {
            claims, seed, format, outDir, replay, noSnapshots, profile, shard, failures, junit, project, assembly,
        };
        cmd.SetAction(p => Run(new Options(p.GetValue(claims) ?? [], p.GetValue(seed), p.GetValue(format)!, p.GetValue(outDir)!,
            p.GetValue(replay) ?? Environment.GetEnvironmentVariable("NETCLAIMS_REPLAY"), p.GetValue(noSnapshots),
            Profile.Resolve(p.GetValue(profile)), p.GetValue(shard) is { } sh ? Shard.Parse(sh) : Shard.Whole, p.GetValue(failures),
            p.GetValue(junit), p.GetValue(project), p.GetValue(assembly))));
        return cmd;
    }

    sealed record Options(string[] Selectors, ulong? Seed, string Format, string OutDir, string? Replay, bool NoSnapshots, Profile Profile, Shard Shard, string? Failures,
        string? JUnit, string? Project, string? Assembly);

    static int Run(Options o)
    {
        if (o.JUnit is { } j && (Directory.Exists(j) || Path.GetDirectoryName(Path.GetFullPath(j)) is { } jd && !Directory.Exists(jd)))
            return Cli.Fail($"--junit {j}: not a file in an existing folder");
        var target = ClaimTarget.Resolve(o.Project, o.Assembly);
        var selectors = o.Selectors;
        if (o.Replay is not null)
        {
            if (string.IsNullOrWhiteSpace(o.Replay)) return Cli.Fail("--replay needs a token (nc1:CLAIM-ID/check@DATA)");
            var token = ReplayToken.Parse(o.Replay);
            if (target.Source.Claims.All(c => c.Id != token.Claim)) return Cli.Fail($"replay token names unknown claim '{token.Claim}'");
            if (selectors.Length == 0) selectors = [token.Claim.Value];
            else if (!selectors.Any(sel => token.Claim.MatchesSelector(sel)))
                return Cli.Fail($"replay token names claim {token.Claim}, which --claim {string.Join(", ", selectors)} does not select");
        }
        var source = target.Source;
        var selected = ClaimRunner.Select(source.Claims, selectors);
        ReportFolder.Check(o.OutDir);
        var snapshots = o.NoSnapshots ? null : target.Snapshots;
        if (!o.NoSnapshots && snapshots is null)
            return Cli.Fail($"no snapshots/ folder found above {Environment.CurrentDirectory} or {AppContext.BaseDirectory} (run inside the repository, set NETCLAIMS_SNAPSHOTS, or pass --no-snapshots)");
        if (o.Seed >= RunSettings.PilotSeedBase) return Cli.Fail($"run seeds from {RunSettings.PilotSeedBase} on are reserved for pilot sweeps (netclaims sweep --pilot)");
        if (o.Profile == Profile.CiProfile && o.Seed is { } s && s != 0) Console.Error.WriteLine($"netclaims: profile ci: using the fixed seed 0, not {s}");
        ulong seed = o.Profile.RandomSeed ? o.Seed ?? (ulong)System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue) : 0;

        var failureStore = target.Failures(o.Failures);
        var examples = target.Snapshots is { } snap ? new ExampleStore(Path.Combine(snap.Directory, "examples")) : null;
        using var interrupt = new Interrupt("finishing the report of the claims done so far");
        var settings = RunSettings.Default.WithProfile(o.Profile).WithSeed(seed).WithShard(o.Shard).WithReplay(o.Replay)
            .WithFailures(failureStore).WithExamples(examples).WithCancellation(interrupt.Token).WithCache(new RunCache());
        // The validators run before any work; their problems are usage errors (exit 2).
        var problems = ClaimValidators.Problems(ClaimValidators.Default, selected, settings, snapshots);
        if (problems.Count > 0) return Cli.Fail(problems[0] + (problems.Count > 1 ? $" (and {problems.Count - 1} more)" : ""));
        if (o.Profile.RandomSeed && o.Seed is null) Console.Error.WriteLine($"netclaims: profile {o.Profile.Name}, seed {seed} (repeat this run with --seed {seed})");
        var run = ConsoleListener.Show("claims", listener => ClaimRunner.RunAll(selected, settings, snapshots, listener, validators: []));
        var (results, complete) = (run.Results, run.Complete);
        foreach (var problem in failureStore.Problems.Concat(examples?.Problems ?? [])) Console.Error.WriteLine($"netclaims: warning: {problem}");
        var meta = new RunDocument
        {
            Seed = seed, Profile = o.Profile.Name, Shard = o.Shard.ToString(), Complete = complete,
            Build = complete && o.Shard == Shard.Whole && o.Replay is null
                ? BuildFingerprint.Of(source.Assemblies, examples?.Directory) : null,
        };
        RunReport.Write(o.OutDir, results, meta, Cli.Exporters);
        var doc = meta with { Claims = results.Select(r => r.ToRecord()).ToArray() };
        if (o.Format == "json") Console.Write(doc.ToJson());
        else VerdictTable.Print(doc, o.OutDir, o.Project is { } pr ? $" --project {pr}" : o.Assembly is { } asm ? $" --assembly {asm}" : "");
        if (o.JUnit is { } junitPath) CiOutput.WriteJUnit(doc, junitPath);
        GitHubActions.Publish(doc, target);
        if (!complete) return Cli.Interrupted;
        return doc.Claims.All(r => r.Passed) ? Cli.Ok : Cli.ClaimFailed;
    }
}
