namespace NetClaims.Reports;

/// <summary>
/// Closeness of two doubles: |a − b| ≤ Abs + Rel·max(|a|, |b|). Symmetric; monotone (a larger tolerance accepts
/// everything a smaller one does); NaN is close to nothing, not even NaN; an infinity is close only to the same
/// infinity. Floats are never compared with ==.
/// </summary>
public readonly record struct Tolerance(double Abs, double Rel)
{
    /// <summary>No difference allowed.</summary>
    public static Tolerance Exact => new(0, 0);

    /// <summary>|a − b| ≤ abs.</summary>
    public static Tolerance Absolute(double abs) => new(abs, 0);

    /// <summary>|a − b| ≤ rel·max(|a|, |b|).</summary>
    public static Tolerance Relative(double rel) => new(0, rel);

    /// <summary>Whether a and b are close (NaN never is).</summary>
    public bool Accepts(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b)) return false;
        if (double.IsInfinity(a) || double.IsInfinity(b)) return a.Equals(b);
        return Math.Abs(a - b) <= Allowance(a, b);
    }

    /// <summary>The difference this tolerance allows between a and b: Abs + Rel·max(|a|, |b|).</summary>
    public double Allowance(double a, double b) => Abs + Rel * Math.Max(Math.Abs(a), Math.Abs(b));

    /// <summary>Component-wise ≥: every pair this accepts, <paramref name="other"/> accepts too when other ≥ this.</summary>
    public bool IsWithin(Tolerance other) => Abs <= other.Abs && Rel <= other.Rel;
}
