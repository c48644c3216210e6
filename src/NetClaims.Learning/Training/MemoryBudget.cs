using NetClaims.Cube;

namespace NetClaims.Training;

/// <summary>
/// Refuses training shapes whose buffers would not fit in this process's memory, before any allocation: the estimate
/// counts the parameters, gradients, optimiser state, per-chunk gradient buffers and the data, and must stay below 80% of
/// the memory the runtime reports as available (the container limit where there is one).
/// </summary>
public static class MemoryBudget
{
    /// <summary>The bytes this process may plan to use (80% of what the GC reports as available).</summary>
    public static long Available => (long)(0.8 * GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    /// <summary>Bytes the float32 trainer needs for a two-layer net of d inputs and the given width on n rows.</summary>
    public static long FloatTwoLayer(int d, int width, long n)
    {
        long stride = (width + TwoLayerFloat.Lanes - 1) / TwoLayerFloat.Lanes * TwoLayerFloat.Lanes, perNet = (d + 2) * stride;
        int chunks = TwoLayerFloat.Chunks(n);
        // net + gradient + two Adam moments, a gradient and a pre-activation block per chunk, the data (float64 and float32),
        // and the float64 parameter vectors at both ends.
        return 4 * (4 * perNet + chunks * (perNet + TwoLayerFloat.Rows * stride)) + n * (d + 1) * 12L + 3 * 8L * perNet;
    }

    /// <summary>Bytes the float64 reference trainer needs for <paramref name="parameters"/> parameters on n rows of d inputs.</summary>
    public static long Reference(long parameters, int d, long n) => parameters * (4 * 8L + 1) + n * (d + 1) * 8L;

    /// <summary>Throws a one-line <see cref="SizeRefusedException"/> when <paramref name="bytes"/> exceed <see cref="Available"/>.</summary>
    public static void Require(long bytes, string what)
    {
        long available = Available;
        if (bytes > available)
            throw new SizeRefusedException($"{what} needs about {bytes / (1 << 20):N0} MiB, more than the {available / (1 << 20):N0} MiB this process may use; use a smaller width, depth or n");
    }
}
