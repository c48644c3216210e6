using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using NetClaims.Claims;
using NetClaims.Properties;
using NetClaims.Reports;
using NetClaims.Sweeps;
using Spectre.Console;
using Profile = NetClaims.Claims.Profile;

namespace NetClaims.Cli.Commands;

/// <summary>
/// <c>netclaims sweep --seeds N [--claim …] [--first S] [--pilot] [--jobs J] [--out DIR]</c>: runs the selected claims'
/// checks and negative controls over N run seeds and reports, per claim, check failures / N with a 95% upper bound,
/// negative-control refutations / N, time, and the distribution of each measurement. Resumable: re-running with the
/// same folder continues where it stopped. Exit 0 iff no check failed and every negative control was refuted.
/// </summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var claims = Cli.Claims("Claim id or dot-prefix to sweep (repeatable; default: all)");
        var seeds = new Option<int>("--seeds") { Description = "Number of run seeds", DefaultValueFactory = _ => 100 };
        var first = new Option<ulong>("--first") { Description = "First run seed (default 1)", DefaultValueFactory = _ => 1UL };
        var pilot = new Option<bool>("--pilot") { Description = $"Use the pilot seed range (from {RunSettings.PilotSeedBase}), disjoint from every gate seed: for pre-registering statistical bands" };
        var jobs = new Option<int>("--jobs") { Description = "Seeds run in parallel", DefaultValueFactory = _ => 1 };
        var profile = new Option<string?>("--profile") { Description = "ci | fast | deep budgets and case counts (default fast; the failure database is never touched)" };
        var outDir = new Option<string>("--out") { Description = "Sweep folder (resumable)", DefaultValueFactory = _ => Path.Combine("artifacts", "sweep") };
        var format = Cli.Format();
        var project = ClaimTarget.ProjectOption();
        var assembly = ClaimTarget.AssemblyOption();
        var cmd = new Command("sweep", "Run claims over many run seeds: false-failure rates, negative-control refutations, measurement distributions")
        {
            claims, seeds, first, pilot, jobs, profile, outDir, format, project, assembly,
        };
        cmd.SetAction(p => Run(p.GetValue(claims) ?? [], p.GetValue(seeds), p.GetValue(first), p.GetValue(pilot), p.GetValue(jobs),
            p.GetValue(profile), p.GetValue(outDir)!, p.GetValue(format)!, p.GetValue(project), p.GetValue(assembly)));
        return cmd;
    }

    static int Run(string[] selectors, int count, ulong first, bool pilot, int jobs, string? profileName, string outDir, string format, string? project, string? assembly)
    {
        if (count < 1 || count > 100_000) return Cli.Fail($"--seeds must be between 1 and 100000, not {count}");
        if (jobs < 1 || jobs > 64) return Cli.Fail($"--jobs must be between 1 and 64, not {jobs}");
        var selected = ClaimRunner.Select(ClaimTarget.Resolve(project, assembly).Source.Claims, selectors);
        var seeds = Sweep.Seeds(first, count, pilot);
        var profile = profileName is null ? Profile.FastProfile : Profile.Resolve(profileName);
        var store = new SweepStore(outDir, new SweepConfig { Profile = profile.Name, Pilot = pilot, Claims = selected.Select(c => c.Id.Value).ToArray() });
        foreach (var w in store.Warnings) Console.Error.WriteLine($"netclaims: warning: {w}");
        using var interrupt = new Interrupt("the records so far are kept, run the same command again to resume");
        var template = RunSettings.Default.WithProfile(profile).WithCancellation(interrupt.Token);
        int done = store.Existing.Count(r => seeds.Contains(r.Seed));
        if (done > 0) Console.Error.WriteLine($"netclaims: resuming {outDir}: {done} records already there");
        IReadOnlyList<SweepRecord> records;
        var clock = Stopwatch.StartNew();
        try
        {
            records = WithProgress(selected, seeds, template, store, jobs, clock);
        }
        catch (OperationCanceledException)
        {
            return Cli.Interrupted;
        }
        var inRange = records.Where(r => seeds.Contains(r.Seed)).ToArray();
        var summary = SweepSummary.Of(selected, inRange);
        var md = SweepSummary.Markdown(summary, seeds, profile.Name, pilot);
        AtomicFile.WriteAllText(Path.Combine(outDir, "sweep.md"), md);
        var json = JsonSerializer.Serialize(new { seeds = seeds.Count, first = seeds[0], pilot, profile = profile.Name, claims = summary }, RunDocument.Options) + "\n";
        AtomicFile.WriteAllText(Path.Combine(outDir, "sweep-summary.json"), json);
        Console.Write(format == "json" ? json : md);
        Console.Error.WriteLine($"netclaims: sweep of {seeds.Count} seeds took {clock.Elapsed.TotalMinutes:F1} min; {Path.Combine(outDir, "sweep.md")}");
        return summary.All(s => s.Failures == 0 && s.Refutations == s.Runs) ? Cli.Ok : Cli.ClaimFailed;
    }

    static IReadOnlyList<SweepRecord> WithProgress(IReadOnlyList<Claim> claims, IReadOnlyList<ulong> seeds, RunSettings template, SweepStore store, int jobs, Stopwatch clock)
    {
        void Save(SweepRecord r)
        {
            store.Append(r);
            if (r.CheckFailed || !r.Refuted)
                Console.Error.WriteLine($"netclaims: seed {r.Seed}: {r.Claim} {r.Verdict.Word()}, negative control {r.Negative.Word()}: {r.Counterexample}");
        }
        if (ConsoleListener.Interactive)
        {
            IReadOnlyList<SweepRecord> result = [];
            AnsiConsole.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("sweep", maxValue: claims.Count * seeds.Count);
                    result = Sweep.Run(claims, seeds, template, store.Existing, r =>
                    {
                        Save(r);
                        task.Description = Markup.Escape($"seed {r.Seed}: {r.Claim}");
                        // Seed-independent claims run once: after the first seed the total shrinks to what is left.
                        task.Increment(r.UsesSeed || r.Seed != seeds[0] ? 1 : seeds.Count);
                    }, jobs);
                });
            return result;
        }
        var throttle = new ProgressThrottle(TimeSpan.FromSeconds(10));
        return Sweep.Run(claims, seeds, template, store.Existing, r =>
        {
            Save(r);
            if (throttle.Due()) Console.Error.WriteLine($"  … seed {r.Seed} ({r.Claim}), {clock.Elapsed.TotalMinutes:F1} min");
        }, jobs);
    }
}
