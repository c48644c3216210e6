namespace NetClaims.Statistics;

/// <summary>Kendall's rank correlation τ-b (ties in either variable handled), O(n²).</summary>
public static class Kendall
{
    /// <summary>Kendall's τ_b (ties in either variable handled).</summary>
    public static double TauB(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count || x.Count < 2) throw new ArgumentException("need two equally long lists of at least two values");
        if (x.Concat(y).Any(v => !double.IsFinite(v))) throw new ArgumentException("Kendall's τ needs finite values");
        long concordant = 0, discordant = 0, tiesX = 0, tiesY = 0;
        for (int i = 0; i < x.Count; i++)
            for (int j = i + 1; j < x.Count; j++)
            {
                int sx = Math.Sign(x[i] - x[j]), sy = Math.Sign(y[i] - y[j]);
                if (sx == 0 && sy == 0) continue;
                if (sx == 0) tiesX++;
                else if (sy == 0) tiesY++;
                else if (sx == sy) concordant++;
                else discordant++;
            }
        double denom = Math.Sqrt((double)(concordant + discordant + tiesX) * (concordant + discordant + tiesY));
        return denom == 0 ? 0 : (concordant - discordant) / denom;
    }
}
