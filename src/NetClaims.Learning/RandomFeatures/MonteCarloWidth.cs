using MathNet.Numerics.Integration;
using NetClaims.Statistics;

namespace NetClaims.RandomFeatures;

/// <summary>
/// The Maurey / Monte-Carlo width rate for one group (docs/bn20.md §2.2 c, [DER]): a target written as an expectation over
/// units, f(x) = E[a σ(⟨w,x⟩ + b)], and its N-unit i.i.d. sample f_N. Here w ~ N(μ, I_d) with μ = e₁, b ~ U[−1,1],
/// a = a(b) = 1 − 3b² (zero-mean outer weight), so that f and the unit second moment S(x) = E[a²σ²] have closed forms
/// up to a one-dimensional integral in b (Gauss–Legendre, 64 nodes, smooth integrand: rounding-level error).
/// Exactly, E‖f − f_N‖²_μ = mean_x (S(x) − f(x)²)/N ≤ mean_x S(x)/N.
/// </summary>
public sealed class MonteCarloWidth
{
    readonly double[][] points;

    /// <summary>A fixed target function in d dimensions and a seeded set of test points.</summary>
    public MonteCarloWidth(int d, int testPoints, int seed)
    {
        if (d < 1 || d > 1000 || testPoints < 1 || testPoints > 100_000) throw new ArgumentOutOfRangeException(nameof(d), $"need 1 ≤ d ≤ 1000 and 1 ≤ test points ≤ 100000, got d={d}, {testPoints}");
        D = d;
        var rng = new Random(seed);
        // Test distribution μ: x ~ N(0, I_d/d) (so ‖x‖ ≈ 1), a fixed sample.
        points = Enumerable.Range(0, testPoints).Select(_ => Enumerable.Range(0, d).Select(_ => Sampling.Gaussian(rng) / Math.Sqrt(d)).ToArray()).ToArray();
        Target = points.Select(x => Moment(x, 1)).ToArray();
        SecondMoment = points.Select(x => Moment(x, 2)).ToArray();
    }

    /// <summary>The dimension.</summary>
    public int D { get; }

    /// <summary>f at the test points.</summary>
    public double[] Target { get; }

    /// <summary>S(x) = E[a²σ(⟨w,x⟩+b)²] at the test points.</summary>
    public double[] SecondMoment { get; }

    static double A(double b) => 1 - 3 * b * b;

    // E_z σ(m + s z) = sφ(m/s) + mΦ(m/s); E_z σ(m + s z)² = (m² + s²)Φ(m/s) + m s φ(m/s); then ½∫_{−1}^{1} a(b)^k · … db.
    static double Moment(double[] x, int power)
    {
        double s = Math.Sqrt(x.Sum(v => v * v)), mu = x[0];
        return 0.5 * GaussLegendreRule.Integrate(b =>
        {
            double m = mu + b, t = m / s, phi = Math.Exp(-t * t / 2) / Math.Sqrt(2 * Math.PI), cdf = 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-t / Math.Sqrt(2));
            return power == 1 ? A(b) * (s * phi + m * cdf) : A(b) * A(b) * ((m * m + s * s) * cdf + m * s * phi);
        }, -1, 1, 64);
    }

    /// <summary>The exact expected squared error E‖f − f_N‖²_μ = mean(S − f²)/N.</summary>
    public double ExpectedError(int units) => points.Select((_, i) => SecondMoment[i] - Target[i] * Target[i]).Average() / units;

    /// <summary>The Maurey bound E[a²σ²]/N (averaged over μ).</summary>
    public double MaureyBound(int units) => SecondMoment.Average() / units;

    /// <summary>
    /// The ℓ1 bound's constant E[a²‖w̃‖₁²]·mean_μ‖x̃‖_∞² (w̃ = (w, b), x̃ = (x, 1)), the first factor by direct sampling: by
    /// Hölder a²σ(⟨w̃, x̃⟩)² ≤ a²‖w̃‖₁²‖x̃‖_∞², so it bounds E[a²σ²] (docs/ldc24.md §4 c).
    /// </summary>
    public double SecondMomentL1(int samples, int seed)
    {
        var rng = new Random(seed);
        double s = 0;
        for (int k = 0; k < samples; k++)
        {
            double l1 = 0;
            for (int j = 0; j < D; j++) l1 += Math.Abs(Sampling.Gaussian(rng) + (j == 0 ? 1 : 0));
            double b = 2 * rng.NextDouble() - 1;
            l1 += Math.Abs(b);
            s += A(b) * A(b) * l1 * l1;
        }
        double xinf = points.Average(x => Math.Pow(Math.Max(1, x.Max(Math.Abs)), 2));
        return s / samples * xinf;
    }

    /// <summary>
    /// The measured rate: at each N of <paramref name="grid"/>, the mean of ‖f − f_N‖²_μ over <paramref name="draws"/>
    /// draws (seeds seed·1000 + k) with its standard error, and the log-log slope with a ±4-standard-error interval
    /// (the larger of the OLS error and the one propagated from the means).
    /// </summary>
    public (double[] Means, double[] StandardErrors, ExponentFit Fit) Rate(int[] grid, int draws, int seed)
    {
        var (means, se) = ExponentFits.MeansWithErrors(grid.Select(n => Enumerable.Range(0, draws).Select(k => SampledError(n, seed * 1000 + k)).ToArray()));
        return (means, se, ExponentFits.Propagated(grid.Select(n => (double)n).ToArray(), means, se));
    }

    /// <summary>‖f − f_N‖²_μ for one i.i.d. draw of N units.</summary>
    public double SampledError(int units, int seed)
    {
        if (units < 1 || units > 10_000_000) throw new ArgumentOutOfRangeException(nameof(units), $"need 1 ≤ N ≤ 10^7, got {units}");
        var rng = new Random(seed);
        var fn = new double[points.Length];
        var w = new double[D];
        for (int k = 0; k < units; k++)
        {
            for (int j = 0; j < D; j++) w[j] = Sampling.Gaussian(rng) + (j == 0 ? 1 : 0);
            double b = 2 * rng.NextDouble() - 1, a = A(b) / units;
            for (int i = 0; i < points.Length; i++)
            {
                double pre = System.Numerics.Tensors.TensorPrimitives.Dot<double>(w, points[i]) + b;
                if (pre > 0) fn[i] += a * pre;
            }
        }
        double e = 0;
        for (int i = 0; i < fn.Length; i++) e += (fn[i] - Target[i]) * (fn[i] - Target[i]);
        return e / fn.Length;
    }
}
