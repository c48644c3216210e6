using System.Globalization;
using System.Text;
using System.Xml.Linq;
using NetClaims.Claims;

namespace NetClaims.Reports;

/// <summary>Where a claim is defined, as a CI system wants it: a path relative to the repository root and a line.</summary>
/// <param name="Path">Relative path with '/' separators.</param>
/// <param name="Line">1-based line.</param>
public sealed record SourceLocation(string Path, int Line);

/// <summary>
/// Output that CI systems display natively: JUnit XML (one test case per claim and one per negative control; a failure
/// carries the counterexample and the replay command) and, on GitHub Actions, a Markdown step summary and
/// <c>::error</c> annotations at the claim's source line.
/// </summary>
public static class CiOutput
{
    /// <summary>The command that replays a failing check, as <see cref="Claims.ReplayToken.Command"/> prints it (safe to paste into a shell).</summary>
    public static string ReplayCommand(ClaimRecord r) => r.Replay is { } t ? Claims.ReplayToken.CommandFor(r.Id, t) : $"netclaims verify --claim {r.Id}";

    /// <summary>JUnit XML for a run (testsuite "netclaims", classname = the claim's paper prefix).</summary>
    public static string JUnit(RunDocument doc)
    {
        var cases = new List<XElement>();
        int failures = 0, errors = 0, skipped = 0;
        foreach (var r in doc.Claims)
        {
            string cls = "netclaims." + r.Id.Split('.')[0];
            var check = Case(cls, r.Id, r.Seconds);
            var problem = CheckProblem(r);
            if (r.Verdict == Verdict.Error) { errors++; check.Add(new XElement("error", new XAttribute("message", Line(r.Error ?? r.ReportError ?? "error")), Detail(r))); }
            else if (problem is not null) { failures++; check.Add(new XElement("failure", new XAttribute("message", Line(problem)), Detail(r))); }
            cases.Add(check);
            var neg = Case(cls, r.Id + " (negative control)", 0);
            switch (r.NegativeControl)
            {
                case NegativeOutcome.NotRun: skipped++; neg.Add(new XElement("skipped", new XAttribute("message", "another shard owns the negative control"))); break;
                case NegativeOutcome.NotRefuted:
                    failures++;
                    neg.Add(new XElement("failure", new XAttribute("message", Line($"negative control not refuted: {r.NegativeStatement}")),
                        $"The false variant \"{r.NegativeStatement}\" was not refuted, so the check cannot tell it from the claim.\n{r.NegativeCounterexample}\nRerun: netclaims verify --claim {r.Id}"));
                    break;
            }
            cases.Add(neg);
        }
        double seconds = doc.Claims.Sum(c => c.Seconds);
        var suite = new XElement("testsuite",
            new XAttribute("name", "netclaims"), new XAttribute("tests", cases.Count), new XAttribute("failures", failures),
            new XAttribute("errors", errors), new XAttribute("skipped", skipped), new XAttribute("time", seconds.ToString("0.###", CultureInfo.InvariantCulture)),
            new XElement("properties",
                new XElement("property", new XAttribute("name", "profile"), new XAttribute("value", doc.Profile)),
                new XElement("property", new XAttribute("name", "seed"), new XAttribute("value", doc.Seed)),
                new XElement("property", new XAttribute("name", "shard"), new XAttribute("value", doc.Shard))),
            cases);
        var root = new XElement("testsuites", new XAttribute("name", "netclaims"), new XAttribute("tests", cases.Count),
            new XAttribute("failures", failures), new XAttribute("errors", errors), suite);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root.ToString() + "\n";
    }

    /// <summary>Writes <see cref="JUnit"/> to <paramref name="path"/> atomically.</summary>
    public static void WriteJUnit(RunDocument doc, string path) => AtomicFile.WriteAllText(path, JUnit(doc));

    /// <summary>The GitHub Actions step summary: counts, then one row per claim that did not pass.</summary>
    public static string Summary(RunDocument doc)
    {
        var sb = new StringBuilder();
        int passed = doc.Claims.Count(c => c.Passed), failed = doc.Claims.Count - passed;
        sb.Append($"## NetClaims: {passed} passed, {failed} failed\n\n");
        sb.Append($"profile `{doc.Profile}`, seed `{doc.Seed}`, shard `{doc.Shard}`\n\n");
        if (failed == 0) return sb.Append("Every claim holds, every negative control is refuted and every report matches its snapshot.\n").ToString();
        sb.Append("| claim | verdict | negative control | snapshot | what to do |\n|---|---|---|---|---|\n");
        foreach (var r in doc.Claims.Where(c => !c.Passed))
            sb.Append($"| `{r.Id}` | {r.Verdict.Word()} | {r.NegativeControl.Word()} | {r.Snapshot.Word()} | `{ReplayCommand(r)}` |\n");
        return sb.ToString();
    }

    /// <summary>One <c>::error</c> workflow command per claim that did not pass, at the claim's source line when known.</summary>
    public static IEnumerable<string> Annotations(RunDocument doc, Func<string, SourceLocation?> locate)
    {
        foreach (var r in doc.Claims.Where(c => !c.Passed))
        {
            var what = CheckProblem(r) ?? (r.NegativeControl == NegativeOutcome.NotRefuted ? $"negative control not refuted: {r.NegativeStatement}" : $"snapshot {r.Snapshot.Word()}");
            var where = locate(r.Id) is { } loc ? $" file={Property(loc.Path)},line={loc.Line}," : " ";
            yield return $"::error{where}title={Property("NetClaims " + r.Id)}::{Data($"{what}\nreplay: {ReplayCommand(r)}")}";
        }
    }

    static string? CheckProblem(ClaimRecord r) => r.Verdict switch
    {
        Verdict.Fails => $"fails: {r.Counterexample}",
        Verdict.Error => $"error: {r.Error ?? r.ReportError}",
        _ when r.Snapshot is SnapshotState.Mismatch or SnapshotState.Missing or SnapshotState.Corrupt =>
            $"report snapshot {r.Snapshot.Word()}" + (r.SnapshotDifferences.Count > 0 ? ": " + r.SnapshotDifferences[0] : ""),
        _ => null,
    };

    static string Detail(ClaimRecord r) => $"{r.Statement}\n{r.Counterexample ?? r.Error ?? r.ReportError}\n" +
        (r.SnapshotDifferences.Count > 0 ? string.Join("\n", r.SnapshotDifferences) + "\n" : "") + $"Replay: {ReplayCommand(r)}";

    static XElement Case(string cls, string name, double seconds) => new("testcase", new XAttribute("classname", cls), new XAttribute("name", name),
        new XAttribute("time", seconds.ToString("0.###", CultureInfo.InvariantCulture)));

    static string Line(string s) => s.Split('\n')[0];

    // GitHub workflow-command escaping: data escapes %, CR, LF; properties also ':' and ','.
    static string Data(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    static string Property(string s) => Data(s).Replace(":", "%3A").Replace(",", "%2C");
}
