using System.Globalization;

namespace NetClaims.Reports;

/// <summary>How the cells of one report column are compared with the approved snapshot.</summary>
public readonly record struct CellRule
{
    public enum RuleKind { Text, Exact, Numeric }

    public RuleKind Kind { get; private init; }

    public Tolerance Tolerance { get; private init; }

    /// <summary>Labels and keys: the strings must be equal.</summary>
    public static CellRule Text => new() { Kind = RuleKind.Text };

    /// <summary>Exact values (integers, rationals, surds, booleans): the strings must be equal.</summary>
    public static CellRule Exact => new() { Kind = RuleKind.Exact };

    /// <summary>Floating-point values compared within a tolerance.</summary>
    public static CellRule Within(Tolerance t) =>
        t.Abs >= 0 && t.Rel >= 0 && !double.IsNaN(t.Abs) && !double.IsNaN(t.Rel)
            ? new() { Kind = RuleKind.Numeric, Tolerance = t }
            : throw new ArgumentOutOfRangeException(nameof(t), "tolerances are non-negative numbers");

    public static CellRule Rel(double rel) => Within(Tolerance.Relative(rel));

    public static CellRule Abs(double abs) => Within(Tolerance.Absolute(abs));

    /// <summary>The spec written in the column header: <c>text</c>, <c>exact</c>, <c>abs 1e-09</c>, <c>rel 1e-12</c>, <c>abs 1e-09 rel 1e-12</c>.</summary>
    public override string ToString() => Kind switch
    {
        RuleKind.Text => "text",
        RuleKind.Exact => "exact",
        _ => string.Join(" ", new[]
        {
            Tolerance.Abs > 0 || Tolerance.Rel == 0 ? $"abs {Tolerance.Abs.ToString("0.#####E+0", CultureInfo.InvariantCulture)}" : null,
            Tolerance.Rel > 0 ? $"rel {Tolerance.Rel.ToString("0.#####E+0", CultureInfo.InvariantCulture)}" : null,
        }.Where(s => s is not null)),
    };

    public static CellRule Parse(string spec)
    {
        var parts = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1 && parts[0] == "text") return Text;
        if (parts.Length == 1 && parts[0] == "exact") return Exact;
        double abs = 0, rel = 0;
        if (parts.Length is 2 or 4)
        {
            for (int i = 0; i < parts.Length; i += 2)
            {
                if (!double.TryParse(parts[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < 0 || double.IsNaN(v))
                    throw new FormatException($"bad tolerance '{parts[i + 1]}' in column rule '{spec}'");
                if (parts[i] == "abs") abs = v;
                else if (parts[i] == "rel") rel = v;
                else throw new FormatException($"unknown word '{parts[i]}' in column rule '{spec}'");
            }
            return Within(new Tolerance(abs, rel));
        }
        throw new FormatException($"unknown column rule '{spec}' (expected text, exact, abs A, rel R or abs A rel R)");
    }
}
