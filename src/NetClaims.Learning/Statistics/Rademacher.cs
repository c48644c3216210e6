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

/// <summary>One Monte-Carlo estimate of the empirical Rademacher complexity of the R-norm ball, with how it was searched.</summary>
/// <param name="Mean">B·mean over sign draws of the searched sup (a lower estimate of the complexity: the sup is searched).</param>
/// <param name="StdErr">Standard error of <paramref name="Mean"/> over the draws.</param>
/// <param name="SignDictionaryMean">The same with the sup taken over the sign dictionary only (exact there).</param>
/// <param name="SearchGain">Mean relative gain of the continuous search over the sign dictionary's sup.</param>
public sealed record BallRademacher(double Mean, double StdErr, double SignDictionaryMean, double SearchGain, int Draws);

/// <summary>
/// The empirical Rademacher complexity of F_B = {Σ u_k σ(⟨w_k,x⟩ + b_k) : Σ|u_k|‖w_k‖₂ ≤ B, |b_k| ≤ √d} on n cube points
/// (docs/ahs23.md §1.8 b). A linear functional's sup over the symmetric convex hull of ±B·neurons is B times its sup over
/// single neurons, so Rad = B·E_σ sup_{‖w‖=1, |b|≤√d} |(1/n)Σ_i σ_i σ(⟨w,x_i⟩ + b)|. For each sign draw σ the inner sup
/// is taken exactly over the sign dictionary w ∈ {±1}^d/√d (the sum depends on x_i only through the Hamming distance to
/// w, and on b only at the breakpoints and the ends of [−√d, √d]) and then by hill-climbing continuous unit w from the
/// best sign direction and from random starts (exact sup over b for each w). The result is a lower estimate: a searched
/// sup can only miss a larger value.
/// </summary>
public static class RNormBallRademacher
{
    /// <summary>Monte-Carlo estimate of the empirical Rademacher complexity of the R-norm ball of radius bound on the points.</summary>
    public static BallRademacher Estimate(int d, ulong[] points, double bound, int draws, int seed, int searchSteps = 60)
    {
        if (d < 2 || d > 14) throw new ArgumentOutOfRangeException(nameof(d), "the sign-dictionary sup is exhaustive over 2^d directions: 2 ≤ d ≤ 14");
        if (points.Length < 2 || draws < 2) throw new ArgumentException("need at least two points and two draws");
        int n = points.Length;
        var rng = new Random(seed);
        var values = new double[draws];
        double signTotal = 0, gainTotal = 0;
        var sigma = new int[n];
        var x = points.Select(p => Enumerable.Range(0, d).Select(k => ((p >> k) & 1) == 0 ? 1.0 : -1.0).ToArray()).ToArray();
        double sqd = Math.Sqrt(d);
        for (int t = 0; t < draws; t++)
        {
            for (int i = 0; i < n; i++) sigma[i] = rng.Next(2) == 0 ? -1 : 1;
            var (signSup, bestSign) = SignDictionarySup(d, points, sigma);
            double best = signSup;
            // Continuous search: from the best sign direction and two random directions.
            var starts = new List<double[]> { Enumerable.Range(0, d).Select(k => ((bestSign >> k) & 1) == 0 ? 1 / sqd : -1 / sqd).ToArray() };
            for (int r = 0; r < 2; r++) starts.Add(Unit(Enumerable.Range(0, d).Select(_ => Sampling.Gaussian(rng)).ToArray()));
            foreach (var w0 in starts)
            {
                var w = w0;
                double value = SupOverBias(w, x, sigma, sqd);
                double step = 0.3;
                for (int k = 0; k < searchSteps; k++)
                {
                    var cand = Unit(w.Select(v => v + step * Sampling.Gaussian(rng) / sqd).ToArray());
                    double cv = SupOverBias(cand, x, sigma, sqd);
                    if (cv > value) (w, value) = (cand, cv);
                    else step *= 0.97;
                }
                best = Math.Max(best, value);
            }
            values[t] = bound * best / n;
            signTotal += bound * signSup / n;
            gainTotal += signSup > 0 ? best / signSup - 1 : 0;
        }
        double mean = values.Average();
        double se = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (draws - 1) / draws);
        return new BallRademacher(mean, se, signTotal / draws, gainTotal / draws, draws);
    }

    static double[] Unit(double[] w)
    {
        double norm = Math.Sqrt(w.Sum(v => v * v));
        return w.Select(v => v / norm).ToArray();
    }

    // max over w ∈ {±1}^d, b ∈ [−√d, √d] of |Σ_i σ_i σ(⟨w,x_i⟩/√d + b)|, exactly: with S_k = Σ_{i: dist(w, x_i) = k} σ_i
    // the sum is Σ_k S_k·σ((d − 2k)/√d + b), piecewise linear in b with breakpoints −(d − 2k)/√d.
    internal static (double Sup, ulong Direction) SignDictionarySup(int d, ulong[] points, int[] sigma)
    {
        double sqd = Math.Sqrt(d);
        var s = new long[d + 1];
        double best = 0;
        ulong bestW = 0;
        for (ulong w = 0; w < 1UL << d; w++)
        {
            Array.Clear(s);
            for (int i = 0; i < points.Length; i++) s[System.Numerics.BitOperations.PopCount(w ^ points[i])] += sigma[i];
            for (int c = -1; c <= d + 1; c++)
            {
                // Candidate biases: every breakpoint, and the two ends of [−√d, √d].
                double b = c < 0 ? -sqd : c > d ? sqd : -(d - 2.0 * c) / sqd;
                double f = 0;
                for (int k = 0; k <= d; k++) f += s[k] * Math.Max(0, (d - 2.0 * k) / sqd + b);
                if (Math.Abs(f) > best) (best, bestW) = (Math.Abs(f), w);
            }
        }
        return (best, bestW);
    }

    // max over b ∈ [−√d, √d] of |Σ_i σ_i σ(z_i + b)|, z_i = ⟨w, x_i⟩ (‖w‖ = 1). F is piecewise linear in b with kinks at
    // b = −z_i, so its |max| is at a kink or an end. With z sorted decreasingly, at b the active units are a prefix:
    // F(b) = A + b·S over the prefix {z_i > −b} (A = Σσ_i z_i, S = Σσ_i), so one sweep evaluates every kink.
    internal static double SupOverBias(double[] w, double[][] x, int[] sigma, double sqd)
    {
        int n = x.Length;
        var z = new double[n];
        var sg = new int[n];
        for (int i = 0; i < n; i++) (z[i], sg[i]) = (-System.Numerics.Tensors.TensorPrimitives.Dot<double>(w, x[i]), sigma[i]);
        Array.Sort(z, sg); // increasing −z: decreasing z
        double best = 0, a = 0;
        long sum = 0;
        int j = 0;
        // Walk the candidate biases upwards: −√d, then each kink −z_j in (−√d, √d), then √d.
        void At(double b)
        {
            while (j < n && -z[j] + b > 0) { a += sg[j] * -z[j]; sum += sg[j]; j++; }
            best = Math.Max(best, Math.Abs(a + b * sum));
        }
        At(-sqd);
        foreach (var kink in z)
            if (kink > -sqd && kink < sqd) At(kink);
        At(sqd);
        return best;
    }
}
