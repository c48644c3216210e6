namespace NetClaims.Statistics;

/// <summary>
/// Monte-Carlo estimate of the empirical Rademacher complexity of a finite function class on n points:
/// E_σ sup_k (1/n)Σ_i σ_i f_k(x_i), σ uniform on {±1}^n; returns the mean over draws and its standard error.
/// </summary>
public static class Rademacher
{
    /// <param name="outputs">outputs[k][i] = f_k(x_i).</param>
    public static (double Mean, double StdErr) Estimate(double[][] outputs, int draws, Random rng)
    {
        if (outputs.Length == 0 || draws < 2) throw new ArgumentException("need at least one function and two draws");
        int n = outputs[0].Length;
        var sigma = new double[n];
        var values = new double[draws];
        for (int t = 0; t < draws; t++)
        {
            for (int i = 0; i < n; i++) sigma[i] = rng.Next(2) == 0 ? -1 : 1;
            double best = double.NegativeInfinity;
            foreach (var f in outputs) best = Math.Max(best, System.Numerics.Tensors.TensorPrimitives.Dot<double>(f, sigma) / n);
            values[t] = best;
        }
        double mean = values.Average();
        double var = values.Sum(v => (v - mean) * (v - mean)) / (draws - 1);
        return (mean, Math.Sqrt(var / draws));
    }
}
