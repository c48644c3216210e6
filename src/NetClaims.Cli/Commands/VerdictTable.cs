using NetClaims.Claims;
using NetClaims.Reports;

namespace NetClaims.Cli.Commands;

/// <summary>The plain-text verdict table (stable for logs and grep), with failures, replay commands and search results.</summary>
internal static class VerdictTable
{
    public static void Print(RunDocument doc, string outDir, string target = "")
    {
        var rs = doc.Claims;
        int w = Math.Max(5, rs.Select(r => r.Id.Length).DefaultIfEmpty(5).Max());
        Console.WriteLine($"{"claim".PadRight(w)}  {"tier",-11}  {"verdict",-7}  {"negative",-11}  {"snapshot",-8}  {"cases",5}  {"seconds",7}");
        foreach (var r in rs)
            Console.WriteLine($"{r.Id.PadRight(w)}  {r.Tier,-11}  {r.Verdict.Word(),-7}  {r.NegativeControl.Word(),-11}  {r.Snapshot.Word(),-8}  {r.Cases,5}  {r.Seconds,7:F2}");
        foreach (var r in rs.Where(r => r.BestScore is not null))
            Console.WriteLine($"targeted {r.Id}: max {r.ScoreName} = {r.BestScore:G6} (best generated case {r.BestRandomScore:G6}) at {r.BestCase}");
        foreach (var r in rs.Where(r => r.SkippedBudget > 0))
            Console.WriteLine($"budget   {r.Id}: time budget reached, {r.SkippedBudget} generated cases not checked{(r.Incomplete ? " — INCOMPLETE (fewer than its declared minimum)" : "")}");
        foreach (var r in rs.Where(r => r.Confirmations > 0))
            Console.WriteLine($"confirm  {r.Id}: a stored statistical failure was re-checked at {r.Confirmations + 1} fresh seeds and did not recur");
        foreach (var r in rs.Where(r => r.Replayed > 0 || r.Fixed > 0))
            Console.WriteLine($"stored   {r.Id}: {r.Replayed} stored cases replayed first, {r.Fixed} now pass");
        foreach (var r in rs.Where(r => !r.Passed))
        {
            Console.WriteLine();
            Console.WriteLine($"FAILED {r.Id}: {RunReport.Problem(r)}");
            if (r.Replay is not null && ReplayToken.TryParse(r.Replay, out var t))
            {
                Console.WriteLine($"  replay token: {t}");
                Console.WriteLine($"  replay with:  {t.Command}{target}");
            }
            foreach (var d in r.SnapshotDifferences.Take(10)) Console.WriteLine($"  {d}");
            if (r.SnapshotDifferences.Count > 10) Console.WriteLine($"  … and {r.SnapshotDifferences.Count - 10} more");
            if (r.Snapshot is SnapshotState.Mismatch or SnapshotState.Missing) Console.WriteLine($"  if the new numbers are right: netclaims approve --claim {r.Id}{target}");
        }
        Console.WriteLine();
        if (!doc.Complete) Console.WriteLine("INCOMPLETE: interrupted before every claim ran");
        Console.WriteLine($"{doc.Passed} passed, {doc.Failed} failed (claims; profile {doc.Profile}, seed {doc.Seed}, shard {doc.Shard}); report: {Path.Combine(outDir, "report.md")}");
    }
}
