namespace NetClaims.Cube;

/// <summary>
/// Refuses sizes before allocating: a network or table that would not fit in the memory this process may use
/// gets a one-line <see cref="SizeRefusedException"/> instead of an out-of-memory crash half-way through.
/// </summary>
public static class SizeGuard
{
    /// <summary>Bytes the harness allows itself: half of what the GC reports as available (the rest is headroom).</summary>
    public static long Budget { get; } = Math.Max(256L << 20, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2);

    /// <summary>Throws if <paramref name="count"/> items of <paramref name="bytesEach"/> bytes exceed the budget.</summary>
    public static void EnsureFits(string what, double count, double bytesEach)
    {
        double need = count * bytesEach;
        if (need > Budget)
            throw new SizeRefusedException(
                $"{what} needs about {Format(need)} (> {Format(Budget)} allowed in this process); choose a smaller d");
    }

    /// <summary>Throws if an exhaustive loop of <paramref name="operations"/> elementary steps exceeds <paramref name="cap"/>.</summary>
    public static void EnsureFeasible(string what, double operations, double cap)
    {
        if (operations > cap)
            throw new SizeRefusedException(
                $"{what} needs about {operations:0.##E+0} neuron evaluations (> {cap:0.##E+0}, hours on this machine); choose a smaller d");
    }

    static string Format(double bytes) => bytes >= 1 << 30 ? $"{bytes / (1 << 30):0.#} GiB" : $"{bytes / (1 << 20):0.#} MiB";
}
