using System.Text.Json;
using System.Text.Json.Nodes;
using NetClaims.Reports;

namespace NetClaims.Claims;

/// <summary>A stored failing case: its replay token and what it showed.</summary>
internal sealed record StoredFailure(string Path, ReplayToken Token, string Counterexample, DateTimeOffset FirstSeen);

/// <summary>
/// The failure database: one JSON file per failing case under <c>{root}/{claim-id}/</c>. Failing cases are stored when
/// found (unless the profile forbids writes) and replayed first on the next run; a case that passes again is
/// removed. A corrupt entry is reported through <see cref="Problems"/> and skipped, never crashes a run.
/// The default root is <c>.netclaims/failures</c> at the repository root: commit it to share regressions, or ignore it.
/// </summary>
internal sealed class FailureStore(string root)
{
    readonly List<string> problems = [];

    public string Root { get; } = System.IO.Path.GetFullPath(root);

    /// <summary>Corrupt or unreadable entries met so far, and stored statistical failures judged to be chance (each one line, once).</summary>
    public IReadOnlyList<string> Problems { get { lock (problems) return problems.Distinct().ToArray(); } }

    /// <summary>Adds a one-line warning about the store (printed once at the end of the run).</summary>
    public void Warn(string message)
    {
        lock (problems) problems.Add(message);
    }

    public IReadOnlyList<StoredFailure> For(ClaimId claim, ClaimRole role) =>
        All(claim).Where(f => f.Token.Role == role).ToArray();

    public IReadOnlyList<StoredFailure> All(ClaimId? claim = null)
    {
        var dir = claim is { } c ? System.IO.Path.Combine(Root, c.Value) : Root;
        if (!Directory.Exists(dir)) return [];
        var files = Directory.GetFiles(dir, "*.json", claim is null ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly);
        var list = new List<StoredFailure>();
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            // Never read what is not a small regular file: a FIFO would block, a device never end (both report length 0).
            var info = new FileInfo(file);
            if (info.LinkTarget is not null || info.Length == 0 || info.Length > 1 << 20)
            {
                Warn($"skipped failure-database entry {file}: {(info.LinkTarget is not null ? "a link" : info.Length == 0 ? "empty, or not a regular file" : "larger than 1 MiB")} (kept, not read)");
                continue;
            }
            try
            {
                var o = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
                var token = ReplayToken.Parse((string?)o["token"] ?? throw new FormatException("no token"));
                // An entry filed under another claim's folder is not this claim's regression: never replay it here (it
                // could pass by accident and be deleted as fixed).
                var folder = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(file));
                if (claim is not null && token.Claim != claim.Value)
                {
                    Warn($"skipped failure-database entry {file}: its token names {token.Claim}, not {folder} (kept)");
                    continue;
                }
                list.Add(new StoredFailure(file, token, (string?)o["counterexample"] ?? "", DateTimeOffset.Parse((string?)o["first_seen"] ?? throw new FormatException("no first_seen"), System.Globalization.CultureInfo.InvariantCulture)));
            }
            catch (Exception e) when (e is JsonException or FormatException or UsageException or InvalidOperationException or IOException or NullReferenceException or UnauthorizedAccessException)
            {
                Warn($"skipped corrupt failure-database entry {file}: {e.Message.Split('\n')[0]} (kept)");
            }
        }
        return list;
    }

    /// <summary>Stores a failing case (idempotent: one file per token).</summary>
    public string Add(ReplayToken token, string counterexample)
    {
        var name = $"{Shard.StableHash(token.ToString()):x16}.json";
        var path = System.IO.Path.Combine(Root, token.Claim.Value, name);
        if (File.Exists(path)) return path;
        var o = new JsonObject
        {
            ["token"] = token.ToString(),
            ["counterexample"] = counterexample,
            ["first_seen"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["replay"] = token.Command,
        };
        AtomicFile.WriteAllText(path, o.ToJsonString(RunReport.JsonOptions) + "\n");
        return path;
    }

    public void Remove(StoredFailure f)
    {
        if (File.Exists(f.Path)) File.Delete(f.Path);
    }

    /// <summary>The store of the repository around the working directory (or NETCLAIMS_FAILURES).</summary>
    public static FailureStore Locate()
    {
        var env = Environment.GetEnvironmentVariable("NETCLAIMS_FAILURES");
        if (!string.IsNullOrEmpty(env)) return new FailureStore(env);
        var snapshots = SnapshotStore.Locate();
        var root = snapshots is null ? Environment.CurrentDirectory : System.IO.Path.GetDirectoryName(snapshots.Directory)!;
        return new FailureStore(System.IO.Path.Combine(root, ".netclaims", "failures"));
    }
}

/// <summary>
/// Explicit examples: replay tokens promoted from the failure database into <c>snapshots/examples/{claim-id}.tokens</c>
/// (one per line, # comments). They are replayed on every run, in every profile; one that fails fails the claim.
/// </summary>
internal sealed class ExampleStore(string directory)
{
    readonly List<string> problems = [];

    public string Directory { get; } = System.IO.Path.GetFullPath(directory);

    public IReadOnlyList<string> Problems { get { lock (problems) return problems.Distinct().ToArray(); } }

    /// <summary>Adds a one-line warning (printed once at the end of the run).</summary>
    public void Warn(string message)
    {
        lock (problems) problems.Add(message);
    }

    public string PathFor(ClaimId claim) => System.IO.Path.Combine(Directory, claim.Value + ".tokens");

    public IReadOnlyList<ReplayToken> For(ClaimId claim, ClaimRole role) => Read(claim, role).Tokens;

    /// <summary>The claim's example lines that are not tokens of this claim ("path:line: 'text'"); each is also a warning.</summary>
    public IReadOnlyList<string> BadLines(ClaimId claim) => Read(claim, null).Bad;

    (List<ReplayToken> Tokens, List<string> Bad) Read(ClaimId claim, ClaimRole? role)
    {
        var path = PathFor(claim);
        var list = new List<ReplayToken>();
        var bad = new List<string>();
        if (!File.Exists(path)) return (list, bad);
        foreach (var (line, n) in File.ReadAllLines(path).Select((l, i) => (l.Trim(), i + 1)))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (ReplayToken.TryParse(line, out var t) && t.Claim == claim) { if (role is null || t.Role == role) list.Add(t); }
            else
            {
                bad.Add($"{path}:{n}: '{line}'");
                lock (problems) problems.Add($"skipped bad example {path}:{n}: '{line}'");
            }
        }
        return (list, bad);
    }

    /// <summary>Appends a token (once) with a comment saying what it showed.</summary>
    public void Add(ReplayToken token, string note)
    {
        var path = PathFor(token.Claim);
        var existing = File.Exists(path) ? File.ReadAllText(path) : $"# explicit examples of {token.Claim}: replay tokens checked on every run\n";
        if (existing.Split('\n').Any(l => l.Trim() == token.ToString())) return;
        AtomicFile.WriteAllText(path, existing + $"# {note.Replace('\n', ' ')}\n{token}\n");
    }
}
