using System.CommandLine;
using NetClaims.Reports;

namespace NetClaims.Cli.Commands;

/// <summary>
/// <c>netclaims merge DIR… [--out DIR] [--format text|json]</c>: combines the report folders of shards 1/n … n/n into
/// the report of the whole run (same verdict as an unsharded run); exit 0 iff every claim passed.
/// </summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var dirs = new Argument<string[]>("shards") { Description = "Report folders written by `verify --shard k/n --out DIR`", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out") { Description = "Merged report folder", DefaultValueFactory = _ => Path.Combine("artifacts", "report") };
        var format = Cli.Format();
        var junit = new Option<string?>("--junit") { Description = "Also write JUnit XML of the merged verdicts to this file" };
        var cmd = new Command("merge", "Merge shard reports into one report and verdict") { dirs, outDir, format, junit };
        cmd.SetAction(p =>
        {
            var output = ReportFolder.Check(p.GetValue(outDir)!);
            if (p.GetValue(dirs)!.Any(d => Path.GetFullPath(d).TrimEnd('/') == output.TrimEnd('/')))
                return Cli.Fail($"--out {p.GetValue(outDir)} is one of the shards being merged: choose another folder");
            var (doc, reports) = RunReport.Merge(p.GetValue(dirs)!);
            RunReport.Write(p.GetValue(outDir)!, doc, reports, Cli.Exporters);
            if (p.GetValue(format) == "json") Console.Write(doc.ToJson());
            else VerdictTable.Print(doc, p.GetValue(outDir)!);
            if (p.GetValue(junit) is { } junitPath) CiOutput.WriteJUnit(doc, junitPath);
            GitHubActions.Publish(doc, ClaimTarget.Resolve(null, null));
            return doc.Claims.All(c => c.Passed) ? Cli.Ok : Cli.ClaimFailed;
        });
        return cmd;
    }
}

/// <summary>
/// <c>netclaims report [--from DIR] [--out DIR]</c>: re-renders a run's report folder (report.json + claims/*.md) into
/// Markdown, JSON, the LaTeX macro file netclaims.tex and PNG plots — e.g. for a folder downloaded from CI.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "A report folder written by verify or merge", DefaultValueFactory = _ => Path.Combine("artifacts", "report") };
        var outDir = new Option<string?>("--out") { Description = "Where to write (default: the --from folder)" };
        var cmd = new Command("report", "Write the Markdown, JSON, LaTeX macros (netclaims.tex) and PNG plots of a run") { from, outDir };
        cmd.SetAction(p =>
        {
            var src = p.GetValue(from)!;
            var json = Path.Combine(src, "report.json");
            if (!File.Exists(json)) return Cli.Fail($"{src} holds no report.json (run `netclaims verify --out {src}` first)");
            var doc = RunDocument.FromJson(File.ReadAllText(json), json);
            var reports = doc.Claims.Select(c => (c.Id, Path: Path.Combine(src, "claims", c.Id + ".md")))
                .Where(x => File.Exists(x.Path)).ToDictionary(x => x.Id, x => File.ReadAllText(x.Path));
            var dest = p.GetValue(outDir) ?? src;
            ReportFolder.Check(dest);
            RunReport.Write(dest, doc, reports, Cli.Exporters);
            Console.WriteLine($"wrote {Path.Combine(dest, "report.md")}, report.json, netclaims.tex and {Directory.GetFiles(Path.Combine(dest), "*.png", SearchOption.AllDirectories).Length} plots");
            return Cli.Ok;
        });
        return cmd;
    }
}
