using System.Globalization;

namespace NetClaims.Reports;

/// <summary>One difference between an approved and a received report.</summary>
public sealed record ReportDifference(string Where, string Approved, string Received, string Rule)
{
    /// <summary>The cell, both values and the rule, in one line.</summary>
    public override string ToString() => $"{Where}: approved '{Approved}', received '{Received}' ({Rule})";
}

/// <summary>
/// Compares a received report with the approved one: text outside tables exactly, table headers (names and rules)
/// exactly, and every cell by its column's rule from the <em>approved</em> header.
/// </summary>
internal static class ReportComparer
{
    public static IReadOnlyList<ReportDifference> Compare(string approved, string received, string origin = "approved")
    {
        var a = ReportText.Parse(approved, origin);
        var r = ReportText.Parse(received, "received");
        var diffs = new List<ReportDifference>();
        int n = Math.Max(a.Text.Count, r.Text.Count);
        for (int i = 0; i < n; i++)
        {
            string x = i < a.Text.Count ? a.Text[i] : "<none>", y = i < r.Text.Count ? r.Text[i] : "<none>";
            if (x != y) diffs.Add(new ReportDifference($"text line {i + 1}", x, y, "text"));
        }
        foreach (var ta in a.Tables)
        {
            var tr = r.Tables.FirstOrDefault(t => t.Name == ta.Name);
            if (tr is null) { diffs.Add(new ReportDifference($"table {ta.Name}", "present", "missing", "structure")); continue; }
            CompareTable(ta, tr, diffs);
        }
        foreach (var tr in r.Tables.Where(t => a.Tables.All(x => x.Name != t.Name)))
            diffs.Add(new ReportDifference($"table {tr.Name}", "missing", "present", "structure"));
        return diffs;
    }

    static void CompareTable(ReportTable a, ReportTable r, List<ReportDifference> diffs)
    {
        string head(ReportTable t) => string.Join(" | ", t.Columns.Select(c => $"{c.Name} [{c.Rule}]"));
        if (head(a) != head(r)) { diffs.Add(new ReportDifference($"table {a.Name} header", head(a), head(r), "structure")); return; }
        if (a.Rows.Count != r.Rows.Count)
            diffs.Add(new ReportDifference($"table {a.Name}", $"{a.Rows.Count} rows", $"{r.Rows.Count} rows", "structure"));
        for (int i = 0; i < Math.Min(a.Rows.Count, r.Rows.Count); i++)
            for (int c = 0; c < a.Columns.Count; c++)
            {
                var rule = a.Columns[c].Rule;
                string x = a.Rows[i][c], y = r.Rows[i][c];
                if (!CellsMatch(rule, x, y))
                    diffs.Add(new ReportDifference($"table {a.Name}, row {a.Rows[i][0]}, column {a.Columns[c].Name}", x, y, rule.ToString()));
            }
    }

    /// <summary>Whether two cells match under a rule. Numeric cells that do not parse match only as identical text.</summary>
    public static bool CellsMatch(CellRule rule, string approved, string received)
    {
        if (rule.Kind != CellRule.RuleKind.Numeric) return approved == received;
        if (TryNumber(approved, out var x) && TryNumber(received, out var y)) return rule.Tolerance.Accepts(x, y);
        return false;
    }

    /// <summary>Parses a cell as a double: invariant culture, or NaN / inf / -inf.</summary>
    public static bool TryNumber(string cell, out double value)
    {
        switch (cell)
        {
            case "NaN": value = double.NaN; return true;
            case "inf": value = double.PositiveInfinity; return true;
            case "-inf": value = double.NegativeInfinity; return true;
        }
        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}
