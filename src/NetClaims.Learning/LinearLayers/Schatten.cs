using MathNet.Numerics.LinearAlgebra;

namespace NetClaims.LinearLayers;

/// <summary>
/// Schatten (quasi-)norms from the singular values (MathNet SVD): ‖W‖_{S_q} = (Σσ_i^q)^{1/q} for q ∈ (0, ∞),
/// σ_max for q = ∞. For q &lt; 1 it is a quasi-norm (no triangle inequality). docs/pow23.md §3.2.
/// </summary>
public static class Schatten
{
    /// <summary>
    /// Singular values at most this fraction of σ_max count as exact zeros. Schatten quasi-norms with small q are
    /// rank-like (σ^q → 1 as q → 0 for any σ &gt; 0), so rounding-level singular values (~1e-16·σ_max) of a rank-deficient
    /// matrix would otherwise add nearly 1 each; 1e-12 is far above rounding and far below any singular value we construct.
    /// </summary>
    public const double ZeroTolerance = 1e-12;

    /// <summary>The singular values above the zero tolerance.</summary>
    public static double[] NonZero(double[] s) => s.Length == 0 ? s : s.Where(x => x > ZeroTolerance * s[0]).ToArray();

    /// <summary>The largest |entry|: singular values are scale-covariant, so the SVD runs on W/max|w_ij| (entries in [−1, 1]).</summary>
    public static double Scale(Matrix<double> w) => w.RowCount == 0 || w.ColumnCount == 0 ? 0 : w.Enumerate().Max(Math.Abs);

    /// <summary>
    /// Singular values in decreasing order, computed on W scaled to max|w_ij| = 1 and scaled back: entries near the
    /// ends of double range (≳1e154, whose squares overflow, or denormals, which lose bits) do not reach the SVD.
    /// </summary>
    public static double[] SingularValues(Matrix<double> w)
    {
        double scale = Scale(w);
        if (scale == 0) return new double[Math.Min(w.RowCount, w.ColumnCount)];
        return w.Map(x => x / scale).Svd(computeVectors: false).S.Select(x => x * scale).ToArray();
    }

    /// <summary>Σ σ_i^q (the q-th power of the Schatten quasi-norm); +∞ only when the value itself exceeds double range.</summary>
    public static double Powered(Matrix<double> w, double q)
    {
        if (!(q > 0) || double.IsInfinity(q)) throw new ArgumentOutOfRangeException(nameof(q), "the powered form needs 0 < q < ∞");
        var s = NonZero(SingularValues(w));
        if (s.Length == 0) return 0;
        // σ_max^q·Σ(σ_i/σ_max)^q, so a large q or σ overflows only if the result does.
        return Math.Pow(s[0], q) * s.Sum(x => Math.Pow(x / s[0], q));
    }

    /// <summary>‖W‖_{S_q} = σ_max·‖σ/σ_max‖_q: finite for every q and every finite W (e.g. q = 500 on σ ≈ 5.5).</summary>
    public static double Norm(Matrix<double> w, double q)
    {
        if (!(q > 0)) throw new ArgumentOutOfRangeException(nameof(q), "Schatten norms need q > 0");
        var s = NonZero(SingularValues(w));
        if (s.Length == 0) return 0;
        if (double.IsPositiveInfinity(q)) return s[0];
        return s[0] * Math.Pow(s.Sum(x => Math.Pow(x / s[0], q)), 1 / q);
    }

    /// <summary>Numerical rank: singular values above tol·σ_max (tol 1e-10 by default), scale-free (denormal entries keep their rank).</summary>
    public static int Rank(Matrix<double> w, double tol = 1e-10)
    {
        double scale = Scale(w);
        if (scale == 0) return 0;
        var s = w.Map(x => x / scale).Svd(computeVectors: false).S;
        return s[0] == 0 ? 0 : s.Count(x => x > tol * s[0]);
    }

    /// <summary>The largest matrix the command line accepts: an SVD of m×n costs ~mn·min(m, n); 1000×1000 takes seconds.</summary>
    public const long MaxCells = 1_000_000;

    /// <summary>Parses "1,2;3,-1;0,1" (rows separated by ';'); a ragged, non-numeric or oversized matrix is a one-line FormatException.</summary>
    public static Matrix<double> ParseMatrix(string text)
    {
        if (text.Length > 64 * MaxCells) throw new FormatException($"matrix text of {text.Length} characters is too large (at most {MaxCells} entries)");
        var rows = text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (rows.Length == 0) throw new FormatException("empty matrix (expected rows like 1,2;3,4)");
        var cells = rows.Select((r, i) => r.Split(',', StringSplitOptions.TrimEntries).Select(c =>
            double.TryParse(c, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
                ? v : throw new FormatException($"matrix row {i + 1}: '{c}' is not a finite number")).ToArray()).ToArray();
        if (cells.Any(r => r.Length != cells[0].Length))
            throw new FormatException($"matrix rows have different lengths ({string.Join(", ", cells.Select(r => r.Length))})");
        if ((long)cells.Length * cells[0].Length > MaxCells || Math.Min(cells.Length, cells[0].Length) > 1000)
            throw new FormatException($"a {cells.Length}×{cells[0].Length} matrix is too large here (at most {MaxCells} entries and min(rows, columns) ≤ 1000)");
        return Matrix<double>.Build.DenseOfRowArrays(cells);
    }
}
