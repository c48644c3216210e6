using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace NetClaims.Statistics;

/// <summary>An estimated exponent α with a two-sided interval [Lo, Hi] at <see cref="Confidence"/>.</summary>
public sealed record ExponentFit(double Estimate, double Lo, double Hi, double Confidence, int Points, string Method)
{
    /// <summary>Whether the interval contains alpha.</summary>
    public bool Contains(double alpha) => Lo <= alpha && alpha <= Hi;

    /// <summary>Half the interval's width.</summary>
    public double HalfWidth => (Hi - Lo) / 2;
}

/// <summary>
/// Log-log exponent fits for y ≈ C·x^α over a grid.
/// <para>
/// <see cref="LogLog"/> is the plain OLS slope of log y on log x with its t-interval. On a finite, deterministic grid
/// it carries the pre-asymptotic bias of lower-order terms (e.g. √d(2d+3) has local slope 1.5 − 1.5/(2d+3)), which
/// the t-interval does not see. <see cref="Extrapolated"/> therefore fits log y = α log x + c + γ₁/x + γ₂/x² (the
/// finite-size corrections of every cost here) and widens the t-interval by |α̂₂ − α̂₁|, the change in α̂ when the
/// last correction term is added: the usual Richardson-style estimate of the truncation error still left.
/// </para>
/// </summary>
public static class ExponentFits
{
    /// <summary>
    /// No interval is narrower than ±1e-9: on data that is an exact power law the residuals are pure rounding
    /// (~1e-15) and a t-interval of that width would exclude the true exponent by a rounding error.
    /// </summary>
    public const double ResolutionFloor = 1e-9;

    /// <summary>The least-squares slope of log y on log x with its t-interval.</summary>
    public static ExponentFit LogLog(IReadOnlyList<double> x, IReadOnlyList<double> y, double confidence = 0.95)
    {
        var (beta, se, dof) = Ols(x, y, 0);
        double t = StudentT.InvCDF(0, 1, dof, 0.5 + confidence / 2);
        double half = Math.Max(t * se, ResolutionFloor);
        return new ExponentFit(beta, beta - half, beta + half, confidence, x.Count, "OLS log y ~ α log x + c");
    }

    /// <summary>The slope of log y = α log x + c + γ₁/x + γ₂/x², its interval widened by the change in α when the last term is added.</summary>
    public static ExponentFit Extrapolated(IReadOnlyList<double> x, IReadOnlyList<double> y, double confidence = 0.95)
    {
        var (a1, _, _) = Ols(x, y, 1);
        var (a2, se2, dof) = Ols(x, y, 2);
        double t = StudentT.InvCDF(0, 1, dof, 0.5 + confidence / 2);
        double half = Math.Max(t * se2 + Math.Abs(a2 - a1), ResolutionFloor);
        return new ExponentFit(a2, a2 - half, a2 + half, confidence, x.Count,
            "OLS log y ~ α log x + c + γ1/x + γ2/x², interval ± (t·SE + |α(2 terms) − α(1 term)|)");
    }

    /// <summary>
    /// The OLS log-log slope of Monte-Carlo means y_i with known standard errors se_i, and an interval of ±z standard
    /// errors where the standard error is the larger of the OLS one (scatter about the line) and the one propagated from
    /// the means' own errors (delta method: Var ln y_i ≈ (se_i/y_i)², slope weights (ln x_i − mean)/Σ(ln x − mean)²).
    /// With few points lying close to a line by chance the OLS interval alone is far too narrow for noisy means.
    /// </summary>
    public static ExponentFit Propagated(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> standardErrors, double z = 4)
    {
        if (standardErrors.Count != y.Count) throw new ArgumentException("standard errors and y differ in length");
        var (beta, se, _) = Ols(x, y, 0);
        var lx = x.Select(v => Math.Log(v)).ToArray();
        double mean = lx.Average(), sxx = lx.Sum(v => (v - mean) * (v - mean));
        double prop = Math.Sqrt(lx.Select((v, i) => Math.Pow((v - mean) / sxx * standardErrors[i] / y[i], 2)).Sum());
        if (!double.IsFinite(prop)) throw new ArgumentException("standard errors must be finite");
        double half = Math.Max(z * Math.Max(se, prop), ResolutionFloor);
        return new ExponentFit(beta, beta - half, beta + half, 1 - 2 * Normal.CDF(0, 1, -z), x.Count,
            $"OLS log y ~ α log x + c, interval ± {z}·max(SE_OLS, SE propagated from the means)");
    }

    /// <summary>The mean of each row of draws and its standard error (sample sd/√count).</summary>
    public static (double[] Means, double[] StandardErrors) MeansWithErrors(IEnumerable<double[]> draws)
    {
        var rows = draws.ToArray();
        var means = rows.Select(r => r.Average()).ToArray();
        var se = rows.Select((r, i) => r.Length < 2 ? double.PositiveInfinity : Math.Sqrt(r.Sum(v => (v - means[i]) * (v - means[i])) / (r.Length - 1) / r.Length)).ToArray();
        return (means, se);
    }

    // OLS of log y on [1, log x, 1/x, …, 1/x^corrections]; returns the slope of log x, its standard error and the dof.
    static (double Slope, double StdErr, int Dof) Ols(IReadOnlyList<double> x, IReadOnlyList<double> y, int corrections)
    {
        if (x.Count != y.Count) throw new ArgumentException("x and y differ in length");
        int p = 2 + corrections, n = x.Count;
        if (n <= p) throw new ArgumentException($"{n} points cannot fit {p} parameters with a residual");
        for (int i = 0; i < n; i++)
            if (!(x[i] > 0) || !(y[i] > 0) || !double.IsFinite(x[i]) || !double.IsFinite(y[i]))
                throw new ArgumentException($"log-log fit needs finite positive data; point {i} is ({x[i]}, {y[i]})");
        var X = Matrix<double>.Build.Dense(n, p, (i, j) => j == 0 ? 1.0 : j == 1 ? Math.Log(x[i]) : Math.Pow(x[i], -(j - 1)));
        var Y = Vector<double>.Build.Dense(n, i => Math.Log(y[i]));
        var qr = X.QR();
        var beta = qr.Solve(Y);
        var resid = Y - X * beta;
        int dof = n - p;
        double s2 = resid.DotProduct(resid) / dof;
        var xtxInv = (X.TransposeThisAndMultiply(X)).Inverse();
        return (beta[1], Math.Sqrt(s2 * xtxInv[1, 1]), dof);
    }
}
