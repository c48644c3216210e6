using System.Text;
using System.Text.RegularExpressions;

namespace NetClaims.Reports;

/// <summary>
/// netclaims.tex: every number of every claim that passed, as <c>\netclaim{key}{value}</c>, so a paper can cite
/// numbers the gate checked: <c>\input{netclaims.tex}</c>, then <c>\nc{ahs23.thm4.blades.cost.cost.d16}</c>.
/// Keys are <c>{claim}.{column}.{first-column}{row}</c> (with the table name after the claim when a report has several).
/// </summary>
internal static partial class Latex
{
    public static string Macros(RunDocument doc, IReadOnlyDictionary<string, ClaimReport> reports)
    {
        var sb = new StringBuilder();
        sb.Append($"% NetClaims verified numbers (harness v{doc.Harness}, profile {doc.Profile}, seed {doc.Seed}); generated, do not edit.\n");
        sb.Append("% Only claims that held with their negative control refuted and their snapshot matched are included.\n");
        sb.Append("\\providecommand{\\netclaim}[2]{\\expandafter\\gdef\\csname netclaim@#1\\endcsname{#2}}\n");
        sb.Append("\\providecommand{\\nc}[1]{\\csname netclaim@#1\\endcsname}\n");
        foreach (var record in doc.Claims.Where(c => c.Passed))
        {
            if (!reports.TryGetValue(record.Id, out var report)) continue;
            foreach (var t in report.Tables)
            {
                var prefix = report.Tables.Count > 1 ? $"{record.Id}.{Key(t.Name)}" : record.Id;
                foreach (var row in t.Rows)
                    for (int c = 1; c < t.Columns.Count; c++)
                        if (Value(row[c]) is { } v)
                            sb.Append($"\\netclaim{{{prefix}.{Key(t.Columns[c].Name)}.{Key(t.Columns[0].Name)}{Key(row[0])}}}{{{v}}}\n");
            }
        }
        return sb.ToString();
    }

    /// <summary>A cell as LaTeX: numbers as written, exact surds like 8192/429·√13 as \frac{8192}{429}\sqrt{13}; other text is skipped.</summary>
    public static string? Value(string cell)
    {
        if (ReportComparer.TryNumber(cell, out _)) return cell;
        var m = Surd().Match(cell);
        if (!m.Success) return null;
        string num = m.Groups["num"].Value, den = m.Groups["den"].Value, rad = m.Groups["rad"].Value;
        var coef = den.Length > 0 ? $"\\frac{{{num}}}{{{den}}}" : num;
        return (m.Groups["neg"].Success ? "-" : "") + coef + (rad.Length > 0 ? $"\\sqrt{{{rad}}}" : "");
    }

    static string Key(string s) => Regex.Replace(s.Replace("/", "-per-").Replace("^", "pow"), "[^A-Za-z0-9.-]+", "-").Trim('-');

    [GeneratedRegex(@"^(?<neg>-)?(?<num>\d+)(/(?<den>\d+))?(·√(?<rad>\d+))?$")]
    private static partial Regex Surd();
}
