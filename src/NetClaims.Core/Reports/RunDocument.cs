using NetClaims.Reports;
using System.Text.Json;
using System.Text.Json.Serialization;
using NetClaims.Claims;

namespace NetClaims.Reports;

/// <summary>report.json: the run's metadata and one <see cref="ClaimRecord"/> per claim.</summary>
public sealed record RunDocument
{
    public int Harness { get; init; } = ReplayToken.HarnessVersion;
    public ulong Seed { get; init; }
    public string Profile { get; init; } = "ci";
    public string Shard { get; init; } = "1/1";
    public bool Complete { get; init; } = true;

    /// <summary>
    /// <see cref="BuildFingerprint"/> of the code and explicit examples that produced a complete, unsharded run without a
    /// replay token; null otherwise (such a report is never reused by the gate tests).
    /// </summary>
    public string? Build { get; init; }
    public int Passed => Claims.Count(c => c.Passed);
    public int Failed => Claims.Count(c => !c.Passed);
    public IReadOnlyList<ClaimRecord> Claims { get; init; } = [];

    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        IgnoreReadOnlyProperties = false,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";

    /// <summary>Reads a report.json; a malformed file is a one-line <see cref="FormatException"/>.</summary>
    public static RunDocument FromJson(string json, string origin)
    {
        try
        {
            return JsonSerializer.Deserialize<RunDocument>(json, Options) ?? throw new UsageException($"{origin}: empty report");
        }
        catch (JsonException e)
        {
            throw new UsageException($"{origin}: not a NetClaims report.json ({e.Message.Split('\n')[0]})");
        }
    }
}
