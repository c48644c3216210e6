using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace NetClaims.Statistics;

/// <summary>An estimated exponent α with a two-sided interval [Lo, Hi] at <see cref="Confidence"/>.</summary>
public sealed record ExponentFit(double Estimate, double Lo, double Hi, double Confidence, int Points, string Method)
{
    public bool Contains(double alpha) => Lo <= alpha && alpha <= Hi;

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

    public static ExponentFit LogLog(IReadOnlyList<double> x, IReadOnlyList<double> y, double confidence = 0.95)
    {
        var (beta, se, dof) = Ols(x, y, 0);
        double t = StudentT.InvCDF(0, 1, dof, 0.5 + confidence / 2);
        double half = Math.Max(t * se, ResolutionFloor);
        return new ExponentFit(beta, beta - half, beta + half, confidence, x.Count, "OLS log y ~ α log x + c");
    }

    public static ExponentFit Extrapolated(IReadOnlyList<double> x, IReadOnlyList<double> y, double confidence = 0.95)
    {
        var (a1, _, _) = Ols(x, y, 1);
        var (a2, se2, dof) = Ols(x, y, 2);
        double t = StudentT.InvCDF(0, 1, dof, 0.5 + confidence / 2);
        double half = Math.Max(t * se2 + Math.Abs(a2 - a1), ResolutionFloor);
        return new ExponentFit(a2, a2 - half, a2 + half, confidence, x.Count,
            "OLS log y ~ α log x + c + γ1/x + γ2/x², interval ± (t·SE + |α(2 terms) − α(1 term)|)");
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
