using System.Globalization;
using System.Text;
using System.Text.Json;
using NetClaims.Claims;

namespace NetClaims.Reports;

/// <summary>
/// The report of a run, written to one folder: report.json (<see cref="RunDocument"/>), report.md (verdict table,
/// negative controls, coverage, targeted search, every claim's numeric report), claims/{id}.md, netclaims.tex (every
/// verified number as a LaTeX macro), and whatever the run's <see cref="IRunExporter"/>s add (plots/*.png). <see cref="Merge"/> combines shard folders into one.
/// </summary>
internal static partial class RunReport
{
    /// <summary>Indented JSON that keeps the mathematical symbols (√, χ, ‖) readable.</summary>
    public static JsonSerializerOptions JsonOptions => RunDocument.Options;

    /// <summary>One line saying what went wrong with a claim, or null when it passed.</summary>
    public static string? Problem(ClaimRecord r)
    {
        var parts = new List<string>();
        if (r.Counterexample is not null) parts.Add($"counterexample: {r.Counterexample}");
        if (r.Error is not null) parts.Add($"error: {r.Error}");
        if (r.ReportError is not null) parts.Add($"report: {r.ReportError}");
        if (r.NegativeControl == NegativeOutcome.NotRefuted)
            parts.Add(r.NegativeCounterexample is { } m ? $"negative control errored: {m}" : "negative control was NOT refuted: the claim's check cannot tell the false variant apart");
        switch (r.Snapshot)
        {
            case SnapshotState.Mismatch: parts.Add($"snapshot mismatch ({r.SnapshotDifferences.Count} cells), received: {r.ReceivedPath}"); break;
            case SnapshotState.Missing: parts.Add($"no approved snapshot, received: {r.ReceivedPath}"); break;
            case SnapshotState.Corrupt: parts.Add(string.Join("; ", r.SnapshotDifferences)); break;
        }
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    public static string? Problem(ClaimResult r) => Problem(r.ToRecord());

    /// <summary>
    /// Writes every output file of a run into a staging folder and swaps it for <paramref name="dir"/> when complete
    /// (<see cref="ReportFolder"/>). <paramref name="reports"/>: claim id → its report (data and text). The core writes
    /// report.json, report.md, claims/*.md and netclaims.tex; each of <paramref name="exporters"/> adds its own files
    /// (plots: NetClaims.Exporters.Plotting), and report.md links the figures they return.
    /// </summary>
    public static void Write(string dir, RunDocument doc, IReadOnlyDictionary<string, ClaimReport> reports, IReadOnlyList<IRunExporter>? exporters = null) =>
        ReportFolder.Replace(dir, staging => WriteFiles(staging, doc, reports, exporters ?? []));

    /// <summary>Writes a report folder from reports read back as text (merge, report): each is parsed once.</summary>
    public static void Write(string dir, RunDocument doc, IReadOnlyDictionary<string, string> reports, IReadOnlyList<IRunExporter>? exporters = null) =>
        Write(dir, doc, reports.ToDictionary(r => r.Key, r => ClaimReport.FromText(r.Key, r.Value)), exporters);

    static void WriteFiles(string dir, RunDocument doc, IReadOnlyDictionary<string, ClaimReport> reports, IReadOnlyList<IRunExporter> exporters)
    {
        foreach (var (id, r) in reports) AtomicFile.WriteAllText(Path.Combine(dir, "claims", id + ".md"), r.Markdown);
        var figures = exporters.SelectMany(e => e.Export(dir, doc, reports)).ToLookup(f => f.ClaimId, StringComparer.Ordinal);
        AtomicFile.WriteAllText(Path.Combine(dir, "report.json"), doc.ToJson());
        AtomicFile.WriteAllText(Path.Combine(dir, "report.md"), Markdown(doc, reports, figures));
        AtomicFile.WriteAllText(Path.Combine(dir, "netclaims.tex"), Latex.Macros(doc, reports));
    }

    public static void Write(string dir, IReadOnlyList<ClaimResult> results, RunDocument meta, IReadOnlyList<IRunExporter>? exporters = null) =>
        Write(dir, meta with { Claims = results.Select(r => r.ToRecord()).ToArray() },
            results.Where(r => r.Report is not null).ToDictionary(r => r.Claim.Id.Value, r => ClaimReport.Of(r.Report!)), exporters);

    static string Markdown(RunDocument doc, IReadOnlyDictionary<string, ClaimReport> reports, ILookup<string, ReportFigure> figures)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append("# NetClaims verification report\n\n");
        sb.Append(inv, $"- harness: v{doc.Harness}; profile: {doc.Profile}; seed: {doc.Seed}; shard: {doc.Shard}\n");
        sb.Append(inv, $"- claims: {doc.Claims.Count} ({doc.Passed} passed, {doc.Failed} failed)\n");
        if (!doc.Complete) sb.Append("- INCOMPLETE: the run was interrupted; only the claims below were checked\n");
        sb.Append("\n| claim | tier | verdict | negative control | snapshot | cases | seconds |\n|---|---|---|---|---|---|---|\n");
        foreach (var r in doc.Claims)
            sb.Append(inv, $"| {r.Id} | {r.Tier} | {r.Verdict.Word()} | {r.NegativeControl.Word()} | {r.Snapshot.Word()} | {r.Cases} | {r.Seconds:F2} |\n");
        sb.Append("\n## negative controls\n\n| claim | false variant | refuted by |\n|---|---|---|\n");
        foreach (var r in doc.Claims)
            sb.Append(inv, $"| {r.Id} | {Cell(r.NegativeStatement)} | {(r.NegativeControl == NegativeOutcome.Refuted ? Cell(r.NegativeCounterexample ?? "") : r.NegativeControl.Word().ToUpperInvariant())} |\n");
        var targeted = doc.Claims.Where(r => r.BestScore is not null).ToArray();
        if (targeted.Length > 0)
        {
            sb.Append("\n## targeted search: how close the worst case came\n\n| claim | score | best of generated cases | best after hill climbing | at |\n|---|---|---|---|---|\n");
            foreach (var r in targeted)
                sb.Append(inv, $"| {r.Id} | {Cell(r.ScoreName ?? "")} | {r.BestRandomScore:G6} | {r.BestScore:G6} | {Cell(r.BestCase ?? "")} |\n");
        }
        var labelled = doc.Claims.Where(r => r.Labels.Count > 0).ToArray();
        if (labelled.Length > 0)
        {
            sb.Append("\n## case labels and coverage\n\n| claim | label | cases | fraction | requirement |\n|---|---|---|---|---|\n");
            foreach (var r in labelled)
            {
                int n = Math.Max(1, r.CheckCases);
                foreach (var (label, count) in r.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
                {
                    var cov = r.Coverage.FirstOrDefault(c => c.Label == label);
                    sb.Append(inv, $"| {r.Id} | {Cell(label)} | {count} | {(double)count / n:P1} | {(cov is null ? "" : Cell(cov.ToString()))} |\n");
                }
            }
        }
        foreach (var r in doc.Claims.Where(r => Problem(r) is not null))
        {
            sb.Append("\n**").Append(r.Id).Append("**: ").Append(Problem(r)).Append('\n');
            if (r.Replay is not null && ReplayToken.TryParse(r.Replay, out var t)) sb.Append("\nreplay: `").Append(t.Command).Append("`\n");
        }
        foreach (var r in doc.Claims)
        {
            if (!reports.TryGetValue(r.Id, out var report)) continue;
            var md = report.Markdown;
            sb.Append("\n---\n\n").Append(md.Replace("\n# ", "\n## ").Replace("## table: ", "### table: ").Replace("## notes", "### notes").Replace("## plots", "### plots"));
            foreach (var f in figures[r.Id]) sb.Append($"\n![{f.Title}]({f.File})\n");
        }
        return sb.ToString();
    }

    static string Cell(string s) => s.Replace("|", "\\|").Replace("\n", " ");
}
