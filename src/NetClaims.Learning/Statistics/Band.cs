using System.Globalization;
using MathNet.Numerics.Distributions;

namespace NetClaims.Statistics;

/// <summary>
/// The false-failure budget of the gate: a run of the whole gate at a random seed fails by chance with probability at
/// most <see cref="GateRate"/>, so each of at most <see cref="MaxSeedDependentClaims"/> claims whose verdict depends on
/// chance gets <see cref="PerClaim"/> (a union bound). Acceptance bands are sized from this, not from convention.
/// </summary>
public static class FalseFailure
{
    /// <summary>Design target for the whole gate at a random seed: at most one false failure in 1000 runs.</summary>
    public const double GateRate = 1e-3;

    /// <summary>The claims whose verdict may depend on chance that the budget is split over (a test keeps the catalogue below it).</summary>
    public const int MaxSeedDependentClaims = 40;

    /// <summary>The per-claim false-failure budget, 1/(1000·K) = 2.5e-5.</summary>
    public const double PerClaim = GateRate / MaxSeedDependentClaims;

    /// <summary>The normal quantile z with P(|Z| &gt; z) = rate (two-sided) or P(Z &gt; z) = rate (one-sided).</summary>
    public static double Z(double rate, bool twoSided = true) => Normal.InvCDF(0, 1, 1 - (twoSided ? rate / 2 : rate));

    /// <summary>
    /// The band half-width in pilot standard deviations: z for the per-claim budget (4.22, two-sided) raised to 5 to
    /// cover the pilot's own error in estimating the standard deviation (≈ 1/√(2P) relative, 7% at P = 100) and
    /// tails a little heavier than normal.
    /// </summary>
    public const double PilotZ = 5.0;

    /// <summary>
    /// The largest k with P(Bin(n, p) ≤ k) ≤ rate: observing at most k successes in n trials rejects "the success
    /// probability is at least p" at that level, exactly (no normal approximation). −1 when even 0 successes do not reject.
    /// </summary>
    public static int BinomialFloor(int n, double p, double rate)
    {
        int k = -1;
        while (k + 1 <= n && MathNet.Numerics.Distributions.Binomial.CDF(p, n, k + 1) <= rate) k++;
        return k;
    }
}

/// <summary>
/// An interval for a statistic, pre-registered before the run it judges — from theory, or from a pilot sweep over seeds
/// disjoint from every gate seed — with the provenance of its numbers. Either end may be infinite (a one-sided claim).
/// NaN is in no band.
/// </summary>
public sealed record Band(double Lo, double Hi, string Provenance)
{
    /// <summary>The band's midpoint.</summary>
    public double Center => (Lo + Hi) / 2;

    /// <summary>Half the band's width.</summary>
    public double HalfWidth => (Hi - Lo) / 2;

    /// <summary>Whether x lies in the band (ends included).</summary>
    public bool Contains(double x) => x >= Lo && x <= Hi;

    /// <summary>[center − half, center + half].</summary>
    public static Band Around(double center, double half, string provenance = "") => new(center - half, center + half, provenance);

    /// <summary>(−∞, hi]: "the statistic is at most hi".</summary>
    public static Band AtMost(double hi, string provenance = "") => new(double.NegativeInfinity, hi, provenance);

    /// <summary>[lo, ∞): "the statistic is at least lo".</summary>
    public static Band AtLeast(double lo, string provenance = "") => new(lo, double.PositiveInfinity, provenance);

    /// <summary>
    /// The band around a theoretical value <paramref name="theory"/> that a statistic with pilot mean m and pilot
    /// standard deviation sd leaves with probability ≤ P(|Z| &gt; z) under normality: half-width |m − theory| + z·sd
    /// (the pilot's systematic offset from theory — finite-size bias — plus z standard deviations).
    /// </summary>
    public static Band Pilot(double theory, double pilotMean, double pilotSd, int pilotSeeds, double z = FalseFailure.PilotZ) =>
        Around(theory, Math.Abs(pilotMean - theory) + z * pilotSd,
            string.Create(CultureInfo.InvariantCulture, $"pilot of {pilotSeeds} seeds: mean {pilotMean:G4}, sd {pilotSd:G3}; half-width |mean − {theory:G4}| + {z:G3} sd"));

    /// <summary>The probability that a normal statistic with the given mean and sd falls outside the band.</summary>
    public double FalseFailureRate(double mean, double sd) =>
        sd <= 0 ? (Contains(mean) ? 0 : 1) : (double.IsNegativeInfinity(Lo) ? 0 : Normal.CDF(mean, sd, Lo)) + (double.IsPositiveInfinity(Hi) ? 0 : 1 - Normal.CDF(mean, sd, Hi));

    /// <summary>[Lo, Hi] in invariant culture.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Lo:G4}, {Hi:G4}]");
}
