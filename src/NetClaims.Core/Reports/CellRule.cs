using System.Globalization;

namespace NetClaims.Reports;

/// <summary>How the cells of one report column are compared with the approved snapshot.</summary>
public readonly record struct CellRule
{
    /// <summary>The kinds of column rule.</summary>
    public enum RuleKind
    {
        /// <summary>Strings compared exactly (labels, keys).</summary>
        Text,

        /// <summary>Exact values compared as strings.</summary>
        Exact,

        /// <summary>Numbers compared within a tolerance.</summary>
        Numeric,
    }

    /// <summary>Whether cells are text, exact values or numbers within a tolerance.</summary>
    public RuleKind Kind { get; private init; }

    /// <summary>The tolerance of a numeric column.</summary>
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

    /// <summary>Numbers equal within a relative tolerance.</summary>
    public static CellRule Rel(double rel) => Within(Tolerance.Relative(rel));

    /// <summary>Numbers equal within an absolute tolerance.</summary>
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

    // The words a header may use, keyed by the word: a whole rule, or a tolerance word followed by its number.
    static readonly Dictionary<string, CellRule> WholeRules = new(StringComparer.Ordinal) { ["text"] = Text, ["exact"] = Exact };

    static readonly Dictionary<string, Func<Tolerance, double, Tolerance>> ToleranceWords = new(StringComparer.Ordinal)
    {
        ["abs"] = (t, v) => t with { Abs = v },
        ["rel"] = (t, v) => t with { Rel = v },
    };

    /// <summary>Reads the rule written in a column header (<see cref="ToString"/>'s form); anything else is a one-line
    /// <see cref="FormatException"/>.</summary>
    public static CellRule Parse(string spec)
    {
        var parts = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1 && WholeRules.TryGetValue(parts[0], out var whole)) return whole;
        if (parts.Length is 2 or 4)
        {
            var t = new Tolerance(0, 0);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < parts.Length; i += 2)
            {
                if (!ToleranceWords.TryGetValue(parts[i], out var apply) || !seen.Add(parts[i]))
                    throw new FormatException($"unknown word '{parts[i]}' in column rule '{spec}'");
                if (!double.TryParse(parts[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < 0 || double.IsNaN(v))
                    throw new FormatException($"bad tolerance '{parts[i + 1]}' in column rule '{spec}'");
                t = apply(t, v);
            }
            return Within(t);
        }
        throw new FormatException($"unknown column rule '{spec}' (expected {string.Join(", ", WholeRules.Keys)}, abs A, rel R or abs A rel R)");
    }
}
