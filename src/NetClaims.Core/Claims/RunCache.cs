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

    /// <summary>How many entries the cache holds.</summary>
    public int Count => entries.Count;

    /// <summary>The value for <paramref name="key"/> if one was computed and finished (nothing is computed here).</summary>
    public bool TryGet<T>(object key, out T value)
    {
        if (entries.TryGetValue(key, out var lazy) && lazy.IsValueCreated)
        {
            try
            {
                value = (T)lazy.Value!;
                return true;
            }
            catch
            {
                // A failed computation is not a value; it is dropped by the next Get.
            }
        }
        value = default!;
        return false;
    }

    /// <summary>The value of <paramref name="compute"/> for <paramref name="key"/> when <paramref name="cache"/> is set, else computed afresh.</summary>
    public static T Memo<T>(RunCache? cache, object key, Func<T> compute) => cache is null ? compute() : cache.Get(key, compute);

    /// <summary>The value for <paramref name="key"/>, computed once per cache; a computation that throws is not kept.</summary>
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
