using MathNet.Numerics.Distributions;

namespace NetClaims.Claims;

/// <summary>A claim's requirement that at least <see cref="MinFraction"/> of its cases carry <see cref="Label"/>.</summary>
public sealed record CoverageRequirement(string Label, double MinFraction, double Confidence = 0.95);

/// <summary>
/// The coverage check: with k of n cases labelled, the one-sided Clopper–Pearson upper bound u on the true label
/// frequency at the stated confidence. The claim is <em>vacuous</em> when u &lt; required, i.e. the data show, at that
/// confidence, that the generator does not cover the label often enough for the check to mean anything.
/// An observed fraction below the requirement that is not significant is reported but does not fail.
/// </summary>
public sealed record CoverageResult(string Label, int Count, int Cases, double Required, double Confidence, double UpperBound)
{
    /// <summary>The fraction of cases that carried the label.</summary>
    public double Fraction => Cases == 0 ? 0 : (double)Count / Cases;

    /// <summary>Whether the requirement is certainly not met (the check is then vacuous and fails).</summary>
    public bool Vacuous => UpperBound < Required;

    /// <summary>Judges a requirement from the label count among the cases, with a one-sided confidence bound.</summary>
    public static CoverageResult Check(CoverageRequirement req, int count, int cases)
    {
        // Clopper–Pearson: u = Beta⁻¹(confidence; k + 1, n − k); u = 1 when k = n; no cases at all is vacuous.
        double upper = cases == 0 ? 0 : count >= cases ? 1 : Beta.InvCDF(count + 1, cases - count, req.Confidence);
        return new CoverageResult(req.Label, count, cases, req.MinFraction, req.Confidence, upper);
    }

    /// <summary>The requirement and its measured fraction, in one line.</summary>
    public override string ToString() =>
        $"'{Label}' {Count}/{Cases} = {Fraction:P1} (required ≥ {Required:P0}; {Confidence:P0} upper bound {UpperBound:P1}){(Vacuous ? " VACUOUS" : "")}";
}
