namespace NetClaims.Tests.Support;

/// <summary>Seeded random inputs for the trainer tests.</summary>
public static class TrainingData
{
    /// <summary>n points uniform on [−1, 1]^d, drawn row by row from <paramref name="rng"/>.</summary>
    public static double[][] Uniform(int n, int d, Random rng) =>
        Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => 2 * rng.NextDouble() - 1).ToArray()).ToArray();
}
