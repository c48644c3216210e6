using System.Globalization;

namespace NetClaims.Reports;

/// <summary>A report column: its name and how its cells compare.</summary>
public sealed record ReportColumn(string Name, CellRule Rule);

/// <summary>A named table of a numeric report; the first column is the row key.</summary>
public sealed record ReportTable(string Name, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Formats a number for a cell: 12 significant digits (every tolerance used is ≥ 1e-10 relative), NaN and ±∞ spelled out.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        double x when double.IsNaN(x) => "NaN",
        double x when double.IsPositiveInfinity(x) => "inf",
        double x when double.IsNegativeInfinity(x) => "-inf",
        double x => x.ToString("G12", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Builds a table column by column, then row by row.</summary>
    public sealed class Builder(string name)
    {
        readonly List<ReportColumn> columns = [];
        readonly List<IReadOnlyList<string>> rows = [];

        /// <summary>Adds a column with its comparison rule.</summary>
        public Builder Column(string columnName, CellRule rule)
        {
            if (columnName.Contains('|') || columnName.Contains('[')) throw new ArgumentException($"column name '{columnName}' may not contain '|' or '['");
            columns.Add(new ReportColumn(columnName, rule));
            return this;
        }

        /// <summary>Adds a row, one cell per column (numbers are written round-trip, invariant culture).</summary>
        public Builder Row(params object?[] cells)
        {
            if (cells.Length != columns.Count) throw new ArgumentException($"table {name}: row has {cells.Length} cells, expected {columns.Count}");
            rows.Add(cells.Select(Cell).Select(s => s.Replace("|", "\\|")).ToArray());
            return this;
        }

        /// <summary>The table.</summary>
        public ReportTable Build() => new(name, columns.ToArray(), rows.ToArray());
    }
}
