using MathNet.Numerics.LinearAlgebra;

namespace NetClaims.LinearLayers;

/// <summary>The minimiser of Φ_L and how well it converged.</summary>
public sealed record PhiResult(double Value, double[] Scales, double GradientNorm, int Iterations);

/// <summary>Φ_L's three bounds (docs/pow23.md §3.4): two lower, one upper.</summary>
public sealed record PhiBounds(double LowerSchatten, double LowerPath, double Upper, int Rank);

/// <summary>
/// Φ_L(W, a) = min_{s > 0} (1/L)‖D_s^{−1}a‖² + ((L−1)/L)·‖D_sW‖_{S_{2/(L−1)}}^{2/(L−1)} (docs/pow23.md §3.3; the seed slides'
/// definition, the paper's exact form [UNSURE]), for a two-layer representation with rows w_k of W and outputs a_k.
/// Minimised over t = log s by Barzilai–Borwein gradient steps with an Armijo safeguard, using the exact gradient
/// ∂F/∂t_k = (2/L)(Σ_i σ_i^q u_ik² − a_k² e^{−2t_k}), q = 2/(L−1) (from ∂σ_i/∂t_k = σ_i u_ik²), from two starts
/// (s = 1 and the upper bound's s_k² ∝ |a_k|/‖w_k‖). Units with a_k = 0 or w_k = 0 contribute nothing and are dropped.
/// </summary>
public static class PhiL
{
    /// <summary>The objective of Φ_L at log-scales t (per unit).</summary>
    public static double Objective(Matrix<double> w, double[] a, int l, double[] t) => Evaluate(w, a, l, t, gradient: false).Value;

    // F(t) and, if asked, ∂F/∂t_k = (2/L)(Σ_i σ_i^q u_ik² − a_k² e^{−2t_k}). The spectrum of D_sW (K×d) comes from a thin
    // QR, D_sW = QR, and the SVD of the small R (d×d): σ_i are accurate to rounding and U = Q·U_R, so a K×d problem costs
    // O(Kd²) per evaluation instead of a K×K SVD. Singular values below Schatten.ZeroTolerance·σ_max count as zero.
    static (double Value, double[] Gradient) Evaluate(Matrix<double> w, double[] a, int l, double[] t, bool gradient)
    {
        double q = 2.0 / (l - 1);
        int kRows = a.Length;
        var scaled = Matrix<double>.Build.DenseOfMatrix(w);
        for (int k = 0; k < kRows; k++) scaled.SetRow(k, w.Row(k) * Math.Exp(t[k]));
        double first = 0;
        for (int k = 0; k < kRows; k++) first += a[k] * a[k] * Math.Exp(-2 * t[k]);
        Matrix<double> u;
        MathNet.Numerics.LinearAlgebra.Vector<double> sigma;
        if (kRows > w.ColumnCount)
        {
            var qr = scaled.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
            var svd = qr.R.Svd(computeVectors: gradient);
            sigma = svd.S;
            u = gradient ? qr.Q * svd.U : qr.Q;
        }
        else
        {
            var svd = scaled.Svd(computeVectors: gradient);
            sigma = svd.S;
            u = gradient ? svd.U : scaled;
        }
        double smax = sigma.Count == 0 ? 0 : sigma.Maximum();
        double spectral = 0;
        var rowWeight = new double[kRows];
        for (int i = 0; i < sigma.Count; i++)
        {
            if (!(sigma[i] > Schatten.ZeroTolerance * smax)) continue;
            double sq = Math.Pow(sigma[i], q);
            spectral += sq;
            if (gradient) for (int k = 0; k < kRows; k++) rowWeight[k] += sq * u[k, i] * u[k, i];
        }
        double value = first / l + (l - 1.0) / l * spectral;
        if (!gradient) return (value, []);
        var g = new double[kRows];
        for (int k = 0; k < kRows; k++) g[k] = 2.0 / l * (rowWeight[k] - a[k] * a[k] * Math.Exp(-2 * t[k]));
        return (value, g);
    }

    static double[] Gradient(Matrix<double> w, double[] a, int l, double[] t) => Evaluate(w, a, l, t, gradient: true).Gradient;

    /// <summary>Φ_L(W, a): the objective minimised over per-unit scales (gradient descent on log-scales with Barzilai–Borwein steps and Armijo backtracking, from two starts).</summary>
    public static PhiResult Minimize(Matrix<double> w, double[] a, int l, int maxIterations = 20000)
    {
        if (l < 2) throw new ArgumentOutOfRangeException(nameof(l), "L ≥ 2");
        if (w.RowCount != a.Length) throw new ArgumentException($"W has {w.RowCount} rows but a has {a.Length} entries");
        var keep = Enumerable.Range(0, a.Length).Where(k => a[k] != 0 && w.Row(k).L2Norm() > 0).ToArray();
        if (keep.Length == 0) return new PhiResult(0, new double[a.Length], 0, 0);
        var wk = Matrix<double>.Build.DenseOfRowVectors(keep.Select(w.Row));
        var ak = keep.Select(k => a[k]).ToArray();
        // Start 2: s_k² ∝ |a_k|/‖w_k‖ (the choice behind the upper bound).
        var starts = new[]
        {
            new double[keep.Length],
            keep.Select((k, i) => 0.5 * Math.Log(Math.Abs(ak[i]) / wk.Row(i).L2Norm())).ToArray(),
        };
        PhiResult? best = null;
        foreach (var t0 in starts)
        {
            var r = Descend(wk, ak, l, t0, maxIterations);
            if (best is null || r.Value < best.Value) best = r;
        }
        var scales = new double[a.Length];
        for (int i = 0; i < keep.Length; i++) scales[keep[i]] = best!.Scales[i];
        return best! with { Scales = scales };
    }

    static PhiResult Descend(Matrix<double> w, double[] a, int l, double[] t0, int maxIterations)
    {
        var t = (double[])t0.Clone();
        double f = Objective(w, a, l, t);
        var g = Gradient(w, a, l, t);
        double step = 0.1;
        int it = 0;
        for (; it < maxIterations; it++)
        {
            double gnorm = Math.Sqrt(g.Sum(x => x * x));
            if (gnorm <= 1e-11 * (1 + Math.Abs(f))) break;
            // Armijo backtracking from the Barzilai–Borwein step.
            double[] tNew;
            double fNew;
            while (true)
            {
                tNew = t.Select((x, k) => x - step * g[k]).ToArray();
                fNew = Objective(w, a, l, tNew);
                if (fNew <= f - 1e-4 * step * gnorm * gnorm || step < 1e-14) break;
                step /= 2;
            }
            var gNew = Gradient(w, a, l, tNew);
            double sy = 0, ss = 0;
            for (int k = 0; k < t.Length; k++)
            {
                double sk = tNew[k] - t[k], yk = gNew[k] - g[k];
                sy += sk * yk;
                ss += sk * sk;
            }
            step = sy > 0 ? Math.Clamp(ss / sy, 1e-8, 1e4) : step * 2;
            if (Math.Abs(f - fNew) <= 1e-15 * Math.Abs(f) && ss < 1e-24) { (t, f, g) = (tNew, fNew, gNew); break; }
            (t, f, g) = (tNew, fNew, gNew);
        }
        // The polish counts towards the iteration budget: a minimiser stopped early stays stopped.
        (t, f, g, int polish) = Polish(w, a, l, t, f, g, Math.Min(20, maxIterations - it));
        return new PhiResult(f, t.Select(Math.Exp).ToArray(), Math.Sqrt(g.Sum(x => x * x)), it + polish);
    }

    // Gradient steps stall where the landscape is ill-conditioned (e.g. parallel rows couple two scales), F no longer
    // changing at 1e-15 relative while the gradient is still ~1e-8. A few Newton steps with the Hessian from central
    // differences of the exact gradient (K ≤ a few units, so K + 1 gradient pairs each) finish the job; a Newton step
    // is kept only if it lowers the gradient norm without raising F beyond rounding.
    static (double[] T, double F, double[] G, int Steps) Polish(Matrix<double> w, double[] a, int l, double[] t, double f, double[] g, int maxSteps)
    {
        int k = t.Length, steps = 0;
        double gnorm = Math.Sqrt(g.Sum(x => x * x));
        for (; steps < maxSteps && gnorm > 1e-11 * (1 + Math.Abs(f)); steps++)
        {
            var h = Matrix<double>.Build.Dense(k, k);
            for (int j = 0; j < k; j++)
            {
                double eps = 1e-6 * (1 + Math.Abs(t[j]));
                var up = (double[])t.Clone(); up[j] += eps;
                var dn = (double[])t.Clone(); dn[j] -= eps;
                var gu = Gradient(w, a, l, up);
                var gd = Gradient(w, a, l, dn);
                for (int i = 0; i < k; i++) h[i, j] = (gu[i] - gd[i]) / (2 * eps);
            }
            h = (h + h.Transpose()) / 2;
            MathNet.Numerics.LinearAlgebra.Vector<double> dir;
            try { dir = h.Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(g)); }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException) { break; }
            if (dir.Any(x => !double.IsFinite(x))) break;
            var tNew = t.Select((x, i) => x - dir[i]).ToArray();
            // A wild Newton step (a near-singular Hessian) is not taken: e^t would leave double range.
            if (tNew.Any(x => Math.Abs(x) > 50)) break;
            double fNew;
            double[] gNew;
            try
            {
                fNew = Objective(w, a, l, tNew);
                gNew = Gradient(w, a, l, tNew);
            }
            catch (MathNet.Numerics.NonConvergenceException)
            {
                break;
            }
            double gNewNorm = Math.Sqrt(gNew.Sum(x => x * x));
            if (!double.IsFinite(fNew) || !double.IsFinite(gNewNorm)) break;
            if (!(gNewNorm < gnorm) || fNew > f + 1e-14 * Math.Abs(f)) break;
            (t, f, g, gnorm) = (tNew, fNew, gNew, gNewNorm);
        }
        return (t, f, g, steps);
    }

    /// <summary>
    /// max(‖D_aW‖_{S_{2/L}}^{2/L}, (Σ|a_k|‖w_k‖)^{2/L}) ≤ Φ_L ≤ rank(D_aW)^{(L−2)/L}(Σ|a_k|‖w_k‖)^{2/L}
    /// (lower-1 [SEED], lower-2 derived [DER], upper [SEED]).
    /// </summary>
    public static PhiBounds Bounds(Matrix<double> w, double[] a, int l)
    {
        var da = Matrix<double>.Build.DenseOfMatrix(w);
        for (int k = 0; k < a.Length; k++) da.SetRow(k, w.Row(k) * a[k]);
        double path = Enumerable.Range(0, a.Length).Sum(k => Math.Abs(a[k]) * w.Row(k).L2Norm());
        int rank = Schatten.Rank(da);
        return new PhiBounds(Schatten.Powered(da, 2.0 / l), Math.Pow(path, 2.0 / l), Math.Pow(rank, (l - 2.0) / l) * Math.Pow(path, 2.0 / l), rank);
    }
}
