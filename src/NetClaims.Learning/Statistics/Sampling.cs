namespace NetClaims.Statistics;

/// <summary>Seeded sampling helpers shared by constructions and claims.</summary>
public static class Sampling
{
    /// <summary>A standard normal draw (Box–Muller; 1 − U keeps the logarithm finite).</summary>
    public static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
