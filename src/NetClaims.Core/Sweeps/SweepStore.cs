using System.Text.Json;
using NetClaims.Reports;

namespace NetClaims.Sweeps;

/// <summary>What a sweep folder belongs to; a folder holding another sweep's records is refused, not mixed.</summary>
internal sealed record SweepConfig
{
    public int Harness { get; init; } = NetClaims.Claims.ReplayToken.HarnessVersion;
    public required string Profile { get; init; }
    public required bool Pilot { get; init; }
    public required IReadOnlyList<string> Claims { get; init; }
}

/// <summary>
/// A resumable sweep folder: <c>sweep.json</c> (its configuration) and <c>sweep.jsonl</c> (one record per claim and
/// seed, appended and flushed as each finishes). A torn last line — the process killed mid-write — is dropped with a
/// warning and that pair is simply run again.
/// </summary>
internal sealed class SweepStore
{
    readonly string records;
    readonly object gate = new();

    public string Directory { get; }

    public IReadOnlyList<string> Warnings { get; }

    public IReadOnlyList<SweepRecord> Existing { get; }

    public SweepStore(string directory, SweepConfig config)
    {
        Directory = Path.GetFullPath(directory);
        var configPath = Path.Combine(Directory, "sweep.json");
        records = Path.Combine(Directory, "sweep.jsonl");
        if (File.Exists(configPath))
        {
            SweepConfig? old;
            try
            {
                old = JsonSerializer.Deserialize<SweepConfig>(File.ReadAllText(configPath), RunDocument.Options);
            }
            catch (JsonException e)
            {
                throw new UsageException($"{configPath} is not a sweep configuration ({e.Message.Split('\n')[0]}); use another --out");
            }
            if (old is null || old.Harness != config.Harness || old.Profile != config.Profile || old.Pilot != config.Pilot || !old.Claims.SequenceEqual(config.Claims))
                throw new UsageException($"{Directory} holds a sweep with other settings (claims, profile or pilot mode); use another --out to start a new one");
        }
        else AtomicFile.WriteAllText(configPath, JsonSerializer.Serialize(config, RunDocument.Options) + "\n");
        var warnings = new List<string>();
        var existing = new List<SweepRecord>();
        if (File.Exists(records))
        {
            var lines = File.ReadAllLines(records);
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].Length == 0) continue;
                try
                {
                    existing.Add(JsonSerializer.Deserialize<SweepRecord>(lines[i], Line) ?? throw new JsonException("empty"));
                }
                catch (JsonException)
                {
                    warnings.Add($"{records}:{i + 1}: unreadable record dropped (an interrupted write); it will be run again");
                }
            }
            if (warnings.Count > 0) File.WriteAllLines(records, existing.Select(r => JsonSerializer.Serialize(r, Line)));
        }
        (Warnings, Existing) = (warnings, existing);
    }

    static readonly JsonSerializerOptions Line = new(RunDocument.Options) { WriteIndented = false };

    public void Append(SweepRecord record)
    {
        var line = JsonSerializer.Serialize(record, Line) + "\n";
        lock (gate)
        {
            using var f = new FileStream(records, FileMode.Append, FileAccess.Write, FileShare.Read);
            var bytes = System.Text.Encoding.UTF8.GetBytes(line);
            f.Write(bytes);
            f.Flush(flushToDisk: true);
        }
    }
}
