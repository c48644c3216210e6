using NetClaims.Reports;
namespace NetClaims.Claims;

/// <summary>
/// A deterministic slice k of n (1-based) of the (claim × case) work: generated case i of every claim belongs to
/// shard (i mod n) + 1; a claim's negative control, targeted search and report belong to one owner shard chosen by a
/// stable hash of its id. The n shards together do exactly the work of one unsharded run.
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The whole run (1/1).</summary>
    public static Shard Whole => new(1, 1);

    /// <summary>Whether this is the whole run.</summary>
    public bool IsWhole => Count == 1;

    /// <summary>Parses "k/n" with 1 ≤ k ≤ n ≤ 1000.</summary>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out int k) || !int.TryParse(parts[1], out int n))
            throw new UsageException($"shard '{text}' is not of the form k/n (e.g. 2/4)");
        if (n < 1 || n > 1000 || k < 1 || k > n)
            throw new UsageException($"shard '{text}' is out of range: need 1 ≤ k ≤ n ≤ 1000");
        return new Shard(k, n);
    }

    /// <summary>Whether case <paramref name="caseIndex"/> of a check belongs to this shard.</summary>
    public bool OwnsCase(int caseIndex) => caseIndex % Count == Index - 1;

    /// <summary>Whether this shard runs the claim's negative control, targeted search and report.</summary>
    public bool OwnsClaim(ClaimId id) => (int)(StableHash(id.Value) % (ulong)Count) == Index - 1;

    /// <summary><c>k/n</c>.</summary>
    public override string ToString() => $"{Index}/{Count}";

    /// <summary>FNV-1a: stable across processes and machines (string.GetHashCode is randomised per process).</summary>
    public static ulong StableHash(string s)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in s)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return h;
    }
}
