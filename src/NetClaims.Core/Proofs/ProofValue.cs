using System.Globalization;
using NetClaims.Claims;

namespace NetClaims.Proofs;

/// <summary>
/// A number that a proof step can compare without rounding (a rational, a sum of surds). The core knows no number
/// system; a domain library adapts its own exact type to this interface.
/// </summary>
public interface IExactNumber
{
    /// <summary>Exact comparison with another number of the same system: negative, zero or positive.</summary>
    int CompareTo(IExactNumber other);

    /// <summary>A rigorous enclosure [Lo, Hi] (Lo ≤ value ≤ Hi), for comparisons with certified values.</summary>
    (double Lo, double Hi) Enclose();

    /// <summary>The nearest double, for slack statistics and reports (never for a decision).</summary>
    double ToDouble();
}

/// <summary>
/// The value of one quantity of a proof on one instance, with the evidence it carries: exact, a certified enclosure,
/// or a floating-point approximation. A step's tier says which evidence it needs from both of its sides.
/// </summary>
public sealed class ProofValue
{
    ProofValue(EvidenceTier kind, double estimate, double lo, double hi, IExactNumber? exact)
    {
        if (!double.IsFinite(estimate) || !double.IsFinite(lo) || !double.IsFinite(hi))
            throw new ArithmeticException($"a proof quantity is not finite ({estimate}, [{lo}, {hi}])");
        if (lo > hi) throw new ArgumentException($"enclosure [{lo}, {hi}] is empty");
        (Kind, Estimate, Lo, Hi, ExactValue) = (kind, estimate, lo, hi, exact);
    }

    /// <summary>Exact, Certified (an enclosure) or Tolerance (an approximation).</summary>
    public EvidenceTier Kind { get; }

    /// <summary>The value as a double (for slack and reports).</summary>
    public double Estimate { get; }

    /// <summary>Lower end of the enclosure (equal to the estimate for an approximation: no guarantee).</summary>
    public double Lo { get; }

    /// <summary>Upper end of the enclosure (equal to the estimate for an approximation: no guarantee).</summary>
    public double Hi { get; }

    /// <summary>The exact number, when the value is exact.</summary>
    public IExactNumber? ExactValue { get; }

    /// <summary>An exact value.</summary>
    public static ProofValue Exact(IExactNumber value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var (lo, hi) = value.Enclose();
        return new(EvidenceTier.Exact, value.ToDouble(), lo, hi, value);
    }

    /// <summary>A value known to lie in [lo, hi] (interval arithmetic, outward rounding).</summary>
    public static ProofValue Within(double lo, double hi) => new(EvidenceTier.Certified, lo + (hi - lo) / 2, lo, hi, null);

    /// <summary>A floating-point approximation; steps on it need a stated tolerance.</summary>
    public static ProofValue Approx(double value) => new(EvidenceTier.Tolerance, value, value, value, null);

    /// <summary>An approximation as a value (so term functions can return doubles).</summary>
    public static implicit operator ProofValue(double value) => Approx(value);

    /// <inheritdoc/>
    public override string ToString() => ExactValue is { } e
        ? $"{e} ≈ {Estimate.ToString("G8", CultureInfo.InvariantCulture)}"
        : Estimate.ToString("G8", CultureInfo.InvariantCulture);
}
