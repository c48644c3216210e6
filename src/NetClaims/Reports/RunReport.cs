using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetClaims.Claims;

namespace NetClaims.Reports;

/// <summary>The report of a `verify` run: a verdict table and every claim's numeric report, as Markdown and JSON.</summary>
public static class RunReport
{
    /// <summary>Indented JSON that keeps the mathematical symbols (√, χ, ‖) readable.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject ClaimJson(ClaimResult r)
    {
        var o = new JsonObject
        {
            ["id"] = r.Claim.Id.Value,
            ["verdict"] = ClaimResult.Word(r.Verdict),
            ["negative_control"] = r.NegativeRefuted ? "refuted" : "not-refuted",
            ["cases"] = r.Cases,
            ["seconds"] = Math.Round(r.Seconds, 3),
            ["replay"] = r.Replay,
            ["snapshot"] = r.Snapshot.Word,
            ["tier"] = r.Claim.Tier.ToString(),
            ["source"] = r.Claim.Source.ToString(),
            ["statement"] = r.Claim.Statement,
        };
        if (r.Negative is CheckOutcome.Fails nf) o["negative_counterexample"] = nf.Counterexample;
        if (Problem(r) is { } p) o["problem"] = p;
        return o;
    }

    public static string Json(IReadOnlyList<ClaimResult> results, ulong seed, bool complete)
    {
        var doc = new JsonObject
        {
            ["seed"] = seed,
            ["complete"] = complete,
            ["passed"] = results.Count(r => r.Passed),
            ["failed"] = results.Count(r => !r.Passed),
            ["claims"] = new JsonArray(results.Select(r => (JsonNode)ClaimJson(r)).ToArray()),
        };
        return doc.ToJsonString(JsonOptions) + "\n";
    }

    /// <summary>One line saying what went wrong with a claim, or null when it passed.</summary>
    public static string? Problem(ClaimResult r)
    {
        var parts = new List<string>();
        switch (r.Check)
        {
            case CheckOutcome.Fails f: parts.Add($"counterexample: {f.Counterexample}"); break;
            case CheckOutcome.Errored e: parts.Add($"error: {e.Message}"); break;
        }
        if (r.ReportError is not null) parts.Add($"report: {r.ReportError}");
        if (!r.NegativeRefuted)
            parts.Add(r.Negative is CheckOutcome.Errored ne ? $"negative control errored: {ne.Message}" : "negative control was NOT refuted: the claim's check cannot tell the false variant apart");
        switch (r.Snapshot)
        {
            case SnapshotStatus.Mismatch m: parts.Add($"snapshot mismatch ({m.Differences.Count} cells), received: {m.ReceivedPath}"); break;
            case SnapshotStatus.Missing m: parts.Add($"no approved snapshot, received: {m.ReceivedPath}"); break;
            case SnapshotStatus.Corrupt c: parts.Add(c.Message); break;
        }
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    public static string Markdown(IReadOnlyList<ClaimResult> results, ulong seed, bool complete)
    {
        var sb = new StringBuilder();
        sb.Append("# NetClaims verification report\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"- seed: {seed}\n- claims: {results.Count} ({results.Count(r => r.Passed)} passed, {results.Count(r => !r.Passed)} failed)\n");
        if (!complete) sb.Append("- INCOMPLETE: the run was interrupted; only the claims below were checked\n");
        sb.Append("\n| claim | tier | verdict | negative control | snapshot | cases | seconds |\n|---|---|---|---|---|---|---|\n");
        foreach (var r in results)
            sb.Append(CultureInfo.InvariantCulture, $"| {r.Claim.Id} | {r.Claim.Tier} | {ClaimResult.Word(r.Verdict)} | {(r.NegativeRefuted ? "refuted" : "NOT refuted")} | {r.Snapshot.Word} | {r.Cases} | {r.Seconds:F2} |\n");
        sb.Append("\n## negative controls\n\n| claim | false variant | refuted by |\n|---|---|---|\n");
        foreach (var r in results)
            sb.Append(CultureInfo.InvariantCulture, $"| {r.Claim.Id} | {r.Claim.NegativeControl.Statement.Replace("|", "\\|")} | {(r.Negative is CheckOutcome.Fails f ? f.Counterexample.Replace("|", "\\|") : "NOT REFUTED")} |\n");
        foreach (var r in results.Where(r => Problem(r) is not null))
        {
            sb.Append("\n**").Append(r.Claim.Id).Append("**: ").Append(Problem(r)).Append('\n');
            if (r.Replay is not null && ReplayToken.TryParse(r.Replay, out var t)) sb.Append("\nreplay: `").Append(t.Command).Append("`\n");
        }
        foreach (var r in results.Where(r => r.Report is not null))
            sb.Append("\n---\n\n").Append(ReportText.Render(r.Report!).Replace("\n# ", "\n## ").Replace("## table: ", "### table: ").Replace("## notes", "### notes"));
        return sb.ToString();
    }

    /// <summary>Writes report.md, report.json and claims/{id}.md under <paramref name="dir"/>, each atomically.</summary>
    public static void Write(string dir, IReadOnlyList<ClaimResult> results, ulong seed, bool complete)
    {
        AtomicFile.WriteAllText(Path.Combine(dir, "report.json"), Json(results, seed, complete));
        AtomicFile.WriteAllText(Path.Combine(dir, "report.md"), Markdown(results, seed, complete));
        foreach (var r in results.Where(r => r.Report is not null))
            AtomicFile.WriteAllText(Path.Combine(dir, "claims", r.Claim.Id.Value + ".md"), ReportText.Render(r.Report!));
    }
}
