using System.Collections.Concurrent;

namespace NetClaims.Claims;

/// <summary>
/// Memoisation for one run (xunit's fixture lifetime, not a process-wide static): a claim's check, negative control
/// and report ask for the same expensive measurement, which is computed once per run. A computation that throws
/// (cancellation included) is not kept: the next request computes it again.
/// </summary>
public sealed class RunCache
{
    readonly ConcurrentDictionary<object, Lazy<object?>> entries = new();

    public int Count => entries.Count;

    public T Get<T>(object key, Func<T> compute)
    {
        var lazy = entries.GetOrAdd(key, _ => new Lazy<object?>(() => compute(), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return (T)lazy.Value!;
        }
        catch
        {
            entries.TryRemove(new KeyValuePair<object, Lazy<object?>>(key, lazy));
            throw;
        }
    }
}
