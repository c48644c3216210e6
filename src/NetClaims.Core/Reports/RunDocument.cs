using NetClaims.Reports;
using System.Text.Json;
using System.Text.Json.Serialization;
using NetClaims.Claims;

namespace NetClaims.Reports;

/// <summary>report.json: the run's metadata and one <see cref="ClaimRecord"/> per claim.</summary>
public sealed record RunDocument
{
    /// <summary>The harness version that wrote the report.</summary>
    public int Harness { get; init; } = ReplayToken.HarnessVersion;
    /// <summary>The run seed.</summary>
    public ulong Seed { get; init; }
    /// <summary>The run profile's name.</summary>
    public string Profile { get; init; } = "ci";
    /// <summary>The shard, <c>k/n</c>.</summary>
    public string Shard { get; init; } = "1/1";
    /// <summary>False when the run was interrupted before every claim finished.</summary>
    public bool Complete { get; init; } = true;

    /// <summary>
    /// <see cref="BuildFingerprint"/> of the code and explicit examples that produced a complete, unsharded run without a
    /// replay token; null otherwise (such a report is never reused by the gate tests).
    /// </summary>
    public string? Build { get; init; }
    /// <summary>Claims that passed.</summary>
    public int Passed => Claims.Count(c => c.Passed);
    /// <summary>Claims that did not pass.</summary>
    public int Failed => Claims.Count(c => !c.Passed);
    /// <summary>One record per claim, in the order run.</summary>
    public IReadOnlyList<ClaimRecord> Claims { get; init; } = [];

    /// <summary>The JSON form of report.json (snake_case, indented).</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        IgnoreReadOnlyProperties = false,
    };

    /// <summary>report.json.</summary>
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
