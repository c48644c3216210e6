using NetClaims.Statistics;

namespace NetClaims.RandomFeatures;

/// <summary>The L2 error of one approximation and how many units it used.</summary>
public readonly record struct RoundsError(int Units, double MeanSquaredError);

/// <summary>
/// Corrective rounds on a smooth target (docs/bn20.md §2.2, a [DER] reconstruction in one dimension; the paper's SReLU_k
/// and its exact construction are [UNSURE]). Target h(u) = exp(−u²) on [−2, 2]; Taylor with integral remainder gives
/// h(u) = h(−2) + h′(−2)(u + 2) + 4·E_{T~U[−2,2]}[h″(T)σ(u − T)], so N i.i.d. units give a Monte-Carlo approximation with
/// squared error ∝ 1/N (Barron / Maurey).
/// <para>
/// Round 1 with smoothed ReLUs S_s = σ * N(0, s²) (S_s(u) = sφ(u/s) + uΦ(u/s), s = N^{−1/5}) leaves a residual
/// e = h − f₁ that is C^∞, with e″ = h″ − (4/N)Σ h″(T_l)φ_s(· − T_l) small (a kernel estimate's error, ~N^{−2/5});
/// round 2 samples N plain ReLUs from e's own representation, with squared error ∝ ‖e″‖²/N ~ N^{−9/5}. With plain ReLUs
/// in round 1, e″ carries the atoms −(4/N)h″(T_l)δ_{T_l}, its total variation does not shrink, and round 2 gains nothing.
/// </para>
/// Errors are mean squares over 401 equispaced points of [−2, 2].
/// </summary>
public static class CorrectiveRounds
{
    const int Grid = 401;

    static double H(double u) => Math.Exp(-u * u);

    static double H1(double u) => -2 * u * Math.Exp(-u * u);

    static double H2(double u) => (4 * u * u - 2) * Math.Exp(-u * u);

    static double Relu(double u) => u > 0 ? u : 0;

    static double Pdf(double t) => Math.Exp(-t * t / 2) / Math.Sqrt(2 * Math.PI);

    static double Cdf(double t) => 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-t / Math.Sqrt(2));

    static double SRelu(double u, double s) => s * Pdf(u / s) + u * Cdf(u / s);

    static double[] Points => Enumerable.Range(0, Grid).Select(i => -2 + 4.0 * i / (Grid - 1)).ToArray();

    /// <summary>The smoothing width of round 1 for N units (s = N^{−1/5}: balances the kernel estimate's bias s² against its noise 1/√(Ns)).</summary>
    public static double Smoothing(int units) => Math.Pow(units, -0.2);

    /// <summary>One round of N plain ReLU units sampled from h's representation.</summary>
    public static RoundsError OneRound(int units, int seed)
    {
        Check(units);
        var rng = new Random(seed);
        var t = Draw(rng, units);
        var f = Points.Select(u => H(-2) + H1(-2) * (u + 2) + 4.0 / units * t.Sum(tl => H2(tl) * Relu(u - tl))).ToArray();
        return new RoundsError(units, Mse(Points.Select((u, i) => H(u) - f[i])));
    }

    /// <summary>
    /// Two rounds of N units each (2N in all). <paramref name="smoothFirst"/>: round 1 uses smoothed ReLUs (the corrective
    /// view); otherwise plain ReLUs, and round 2 samples e's signed measure, atoms included (half its units on the
    /// continuous part, half on uniformly chosen atoms, each reweighted so the estimate stays unbiased).
    /// </summary>
    public static RoundsError TwoRounds(int units, int seed, bool smoothFirst = true)
    {
        Check(units);
        var rng = new Random(seed);
        var t1 = Draw(rng, units);
        var c1 = t1.Select(tl => 4.0 / units * H2(tl)).ToArray();
        double s = Smoothing(units);
        Func<double, double> f1 = smoothFirst
            ? u => H(-2) + H1(-2) * (u + 2) + Sum(c1, t1, tl => SRelu(u - tl, s))
            : u => H(-2) + H1(-2) * (u + 2) + Sum(c1, t1, tl => Relu(u - tl));
        // The residual e = h − f₁ and its Taylor data at −2.
        double e0, e1;
        if (smoothFirst)
        {
            e0 = -Sum(c1, t1, tl => SRelu(-2 - tl, s));
            e1 = -Sum(c1, t1, tl => Cdf((-2 - tl) / s));
        }
        else e0 = e1 = 0; // σ(u − T_l) vanishes to first order at u = −2 for T_l > −2.
        var t2 = Draw(rng, units);
        double[] c2;
        if (smoothFirst)
            c2 = t2.Select(tl => 4.0 / units * (H2(tl) - Sum(c1, t1, tk => Pdf((tl - tk) / s) / s))).ToArray();
        else
        {
            // e″ = h″ dT − Σ_l c1_l δ_{T_l}: unit k is a continuous draw (weight 2·4h″(T)/N) or an atom (weight −2·units·c1_j/N).
            c2 = new double[units];
            for (int k = 0; k < units; k++)
            {
                if (rng.NextDouble() < 0.5) c2[k] = 2 * 4.0 / units * H2(t2[k]);
                else { int j = rng.Next(units); t2[k] = t1[j]; c2[k] = -2.0 * c1[j]; }
            }
        }
        var pts = Points;
        var err = pts.Select(u => H(u) - f1(u) - (e0 + e1 * (u + 2) + Sum(c2, t2, tl => Relu(u - tl))));
        return new RoundsError(2 * units, Mse(err));
    }

    static void Check(int units)
    {
        if (units < 1 || units > 1_000_000) throw new ArgumentOutOfRangeException(nameof(units), $"need 1 ≤ N ≤ 10^6 units per round, got {units}");
    }

    static double[] Draw(Random rng, int n) => Enumerable.Range(0, n).Select(_ => 4 * rng.NextDouble() - 2).ToArray();

    static double Sum(double[] c, double[] t, Func<double, double> g)
    {
        double s = 0;
        for (int i = 0; i < c.Length; i++) s += c[i] * g(t[i]);
        return s;
    }

    static double Mse(IEnumerable<double> e)
    {
        var a = e.ToArray();
        if (a.Any(v => !double.IsFinite(v))) throw new ArithmeticException("the approximation error is not finite");
        return a.Sum(v => v * v) / a.Length;
    }
}
