using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using NetClaims.Cube;
using NetClaims.Networks;
using NetClaims.Norms;
using NetClaims.Reports;

namespace NetClaims.Cli.Commands.Eval;

/// <summary>What every <c>eval</c> subcommand shares: one way to parse number lists and matrices, and one JSON/text writer.</summary>
internal static class EvalOutput
{
    public static Option<string> MatrixOption() => new("--matrix") { Description = "A matrix, rows separated by ';', e.g. \"1,2;3,-1;0,1\"", Required = true };

    // A comma-separated list of finite numbers; anything else is a one-line FormatException naming the option.
    public static double[] ParseNumbers(string text, string option, bool skipEmpty = false) =>
        text.Split(',', skipEmpty ? StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries : StringSplitOptions.TrimEntries)
            .Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)
                ? x : throw new UsageException($"{option}: '{p}' is not a finite number")).ToArray();

    // A number that left double range is not printed as ∞ or turned into a serializer error: the command refuses with
    // one line naming the field (the inputs are scaled wherever the mathematics allows, so this is a true overflow).
    public static void Emit(string format, JsonObject json, string text, string? primary = null)
    {
        var bad = NonFinite(json).ToArray();
        if (bad.Length > 0 && (primary is null || bad.Any(b => b == primary || b.StartsWith(primary + "[", StringComparison.Ordinal))))
            throw new Reports.UsageException($"{bad[0]} cannot be represented in double precision for this input (it overflows)");
        // A secondary quantity that overflows is printed as null, with one warning line.
        foreach (var b in bad) SetNull(json, b);
        if (bad.Length > 0) Console.Error.WriteLine($"netclaims: warning: {string.Join(", ", bad)} {(bad.Length == 1 ? "overflows" : "overflow")} double precision for this input (printed as null)");
        Console.WriteLine(format == "json" ? json.ToJsonString(RunReport.JsonOptions) : text);
    }

    static void SetNull(JsonObject json, string path)
    {
        if (!path.Contains('.') && !path.Contains('[')) json[path] = null;
    }

    static IEnumerable<string> NonFinite(JsonNode? node, string path = "") => node switch
    {
        JsonObject o => o.SelectMany(p => NonFinite(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}")),
        JsonArray a => a.SelectMany((x, i) => NonFinite(x, $"{path}[{i}]")),
        JsonValue v when v.TryGetValue<double>(out var x) && !double.IsFinite(x) => [path],
        _ => [],
    };

}
