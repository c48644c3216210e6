using MathNet.Numerics.LinearAlgebra;

namespace NetClaims.LinearLayers;

/// <summary>
/// Schatten (quasi-)norms from the singular values (MathNet SVD): ‖W‖_{S_q} = (Σσ_i^q)^{1/q} for q ∈ (0, ∞),
/// σ_max for q = ∞. For q &lt; 1 it is a quasi-norm (no triangle inequality). THEOREMS.md §3.2.
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

    /// <summary>Singular values in decreasing order.</summary>
    public static double[] SingularValues(Matrix<double> w) =>
        w.RowCount == 0 || w.ColumnCount == 0 ? [] : w.Svd(computeVectors: false).S.ToArray();

    /// <summary>Σ σ_i^q (the q-th power of the Schatten quasi-norm).</summary>
    public static double Powered(Matrix<double> w, double q)
    {
        if (!(q > 0) || double.IsInfinity(q)) throw new ArgumentOutOfRangeException(nameof(q), "the powered form needs 0 < q < ∞");
        return NonZero(SingularValues(w)).Sum(s => Math.Pow(s, q));
    }

    /// <summary>‖W‖_{S_q}.</summary>
    public static double Norm(Matrix<double> w, double q)
    {
        if (!(q > 0)) throw new ArgumentOutOfRangeException(nameof(q), "Schatten norms need q > 0");
        var s = SingularValues(w);
        if (double.IsPositiveInfinity(q)) return s.Length == 0 ? 0 : s[0];
        return Math.Pow(Powered(w, q), 1 / q);
    }

    /// <summary>Numerical rank: singular values above tol·σ_max (tol 1e-10 by default).</summary>
    public static int Rank(Matrix<double> w, double tol = 1e-10)
    {
        var s = SingularValues(w);
        return s.Length == 0 || s[0] == 0 ? 0 : s.Count(x => x > tol * s[0]);
    }

    /// <summary>Parses "1,2;3,-1;0,1" (rows separated by ';'); a ragged or non-numeric matrix is a one-line FormatException.</summary>
    public static Matrix<double> ParseMatrix(string text)
    {
        var rows = text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (rows.Length == 0) throw new FormatException("empty matrix (expected rows like 1,2;3,4)");
        var cells = rows.Select((r, i) => r.Split(',', StringSplitOptions.TrimEntries).Select(c =>
            double.TryParse(c, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
                ? v : throw new FormatException($"matrix row {i + 1}: '{c}' is not a finite number")).ToArray()).ToArray();
        if (cells.Any(r => r.Length != cells[0].Length))
            throw new FormatException($"matrix rows have different lengths ({string.Join(", ", cells.Select(r => r.Length))})");
        return Matrix<double>.Build.DenseOfRowArrays(cells);
    }
}
