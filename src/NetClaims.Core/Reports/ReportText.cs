using System.Text;
using NetClaims.Claims;

namespace NetClaims.Reports;

/// <summary>
/// The snapshot file format: Markdown that reads as a report and parses back. Column headers carry their comparison
/// rule, e.g. <c>| d [exact] | cost [rel 1e-12] |</c>, so a tolerance lives next to its numbers and changing it is a diff.
/// </summary>
internal static class ReportText
{
    public const string FormatLine =
        "<!-- netclaims report v1: cells compare per column; [exact]/[text] must match exactly, [abs A rel R] within A + R·max(|a|,|b|); NaN matches nothing -->";

    public static string Render(NumericReport r)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(r.Claim.Value).Append('\n').Append('\n');
        sb.Append(FormatLine).Append('\n').Append('\n');
        sb.Append("**").Append(r.Title).Append("**\n\n");
        foreach (var (k, v) in r.Facts) sb.Append("- ").Append(k).Append(": ").Append(v.Replace("\n", " ")).Append('\n');
        foreach (var t in r.Tables)
        {
            sb.Append("\n## table: ").Append(t.Name).Append("\n\n");
            sb.Append("| ").AppendJoin(" | ", t.Columns.Select(c => $"{c.Name} [{c.Rule}]")).Append(" |\n");
            sb.Append('|').AppendJoin("|", t.Columns.Select(_ => "---")).Append("|\n");
            foreach (var row in t.Rows) sb.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }
        if (r.Plots.Count > 0)
        {
            sb.Append("\n## plots\n\n");
            foreach (var p in r.Plots) sb.Append(p).Append('\n');
        }
        if (r.Notes.Count > 0)
        {
            sb.Append("\n## notes\n\n");
            foreach (var n in r.Notes) sb.Append("- ").Append(n.Replace("\n", " ")).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>A parsed snapshot: text lines outside tables, and tables, in order.</summary>
    public sealed record Parsed(IReadOnlyList<string> Text, IReadOnlyList<ReportTable> Tables)
    {
        public ClaimId Claim => new(Text[0].TrimStart('#', ' ').Trim());

        /// <summary>The plot specs found among the text lines.</summary>
        public IReadOnlyList<PlotSpec> Plots => Text.Select(l => PlotSpec.TryParse(l, out var p) ? p : null).OfType<PlotSpec>().ToArray();
    }

    /// <summary>Parses a rendered report; throws <see cref="FormatException"/> with the line number on a corrupt file.</summary>
    public static Parsed Parse(string content, string origin = "report")
    {
        var lines = content.ReplaceLineEndings("\n").Split('\n');
        var text = new List<string>();
        var tables = new List<ReportTable>();
        if (lines.Length == 0 || !lines[0].StartsWith("# ", StringComparison.Ordinal))
            throw new FormatException($"{origin}: line 1: expected '# CLAIM-ID'");
        if (!lines.Contains(FormatLine)) throw new FormatException($"{origin}: not a netclaims v1 report (format line missing)");
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (!line.StartsWith("## table: ", StringComparison.Ordinal)) { text.Add(line); continue; }
            string name = line["## table: ".Length..];
            text.Add(line);
            int h = i + 2;
            if (h + 1 >= lines.Length) throw new FormatException($"{origin}: line {i + 1}: table '{name}' has no header");
            var columns = SplitRow(lines[h], origin, h).Select(c => ParseHeader(c, origin, h)).ToArray();
            var rows = new List<IReadOnlyList<string>>();
            int j = h + 2;
            for (; j < lines.Length && lines[j].StartsWith('|'); j++)
            {
                var cells = SplitRow(lines[j], origin, j);
                if (cells.Length != columns.Length)
                    throw new FormatException($"{origin}: line {j + 1}: {cells.Length} cells, table '{name}' has {columns.Length} columns");
                rows.Add(cells);
            }
            tables.Add(new ReportTable(name, columns, rows));
            i = j - 1;
        }
        return new Parsed(text, tables);
    }

    static string[] SplitRow(string line, string origin, int index)
    {
        var t = line.Trim();
        if (!t.StartsWith('|') || !t.EndsWith('|') || t.Length < 2) throw new FormatException($"{origin}: line {index + 1}: not a table row");
        // Cells may contain an escaped pipe "\|"; split on unescaped ones only.
        var cells = new List<string>();
        var cur = new StringBuilder();
        for (int k = 1; k < t.Length - 1; k++)
        {
            if (t[k] == '\\' && k + 1 < t.Length - 1 && t[k + 1] == '|') { cur.Append("\\|"); k++; }
            else if (t[k] == '|') { cells.Add(cur.ToString().Trim()); cur.Clear(); }
            else cur.Append(t[k]);
        }
        cells.Add(cur.ToString().Trim());
        return cells.ToArray();
    }

    static ReportColumn ParseHeader(string cell, string origin, int index)
    {
        int open = cell.LastIndexOf('[');
        if (open < 0 || !cell.EndsWith(']')) throw new FormatException($"{origin}: line {index + 1}: column '{cell}' has no [rule]");
        try
        {
            return new ReportColumn(cell[..open].Trim(), CellRule.Parse(cell[(open + 1)..^1]));
        }
        catch (FormatException e)
        {
            throw new FormatException($"{origin}: line {index + 1}: {e.Message}");
        }
    }

    /// <summary>The claim id a rendered report names in its first line.</summary>
    public static ClaimId ClaimOf(string content) =>
        new(content.ReplaceLineEndings("\n").Split('\n')[0].TrimStart('#', ' ').Trim());
}
