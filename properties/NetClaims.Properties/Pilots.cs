using NetClaims.Statistics;

namespace NetClaims.Properties;

/// <summary>
/// A statistic's pre-registered design: what a pilot sweep over the reserved seed range measured (mean and standard
/// deviation over <see cref="Seeds"/> runs, <c>netclaims sweep --pilot</c>), the band the check requires, and the band
/// the false variant claims. The pilot's seeds never meet a gate seed (<see cref="Claims.RunSettings.PilotSeedBase"/>).
/// </summary>
internal sealed record PilotDesign(string Claim, string Statistic, double Mean, double Sd, int Seeds, Band? Check, Band? Negative)
{
    /// <summary>P(the check's band is missed) for a normal statistic with the pilot's mean and sd.</summary>
    public double CheckFalseFailure => Check?.FalseFailureRate(Mean, Sd) ?? 0;

    /// <summary>P(the negative control's band is hit — the false variant not refuted) under the same law.</summary>
    public double NegativeAcceptance => Negative is null ? 0 : 1 - Negative.FalseFailureRate(Mean, Sd);
}

/// <summary>
/// The registry of pilot designs (filled as the claims are built). A test holds every design to the budget: the check
/// fails by chance with probability ≤ <see cref="FalseFailure.PerClaim"/> and the negative control escapes refutation
/// no more often.
/// </summary>
internal static class Pilots
{
    static readonly List<PilotDesign> Designs = [];

    public static IReadOnlyList<PilotDesign> All
    {
        get
        {
            _ = ClaimCatalog.All;
            lock (Designs) return Designs.ToArray();
        }
    }

    /// <summary>Records a design whose check requires <paramref name="check"/>, and returns that band.</summary>
    public static Band Register(string claim, string statistic, double mean, double sd, int seeds, Band check, Band? negative = null)
    {
        lock (Designs) Designs.Add(new PilotDesign(claim, statistic, mean, sd, seeds, check, negative));
        return check;
    }

    /// <summary>Records a statistic only the negative control judges (the false variant claims <paramref name="negative"/>), and returns that band.</summary>
    public static Band RegisterNegative(string claim, string statistic, double mean, double sd, int seeds, Band negative)
    {
        lock (Designs) Designs.Add(new PilotDesign(claim, statistic, mean, sd, seeds, null, negative));
        return negative;
    }

    /// <summary>
    /// The usual two-sided design: check band theory ± (|mean − theory| + 5 sd); the false variant's band is the same
    /// width around <paramref name="falseValue"/>.
    /// </summary>
    /// <param name="negativeMargin">The false variant's equivalence margin (default: the check's own half-width).</param>
    public static (Band Check, Band Negative) Around(string claim, string statistic, double theory, double falseValue, double mean, double sd, int seeds, double? negativeMargin = null)
    {
        var check = Band.Pilot(theory, mean, sd, seeds);
        double margin = negativeMargin ?? check.HalfWidth;
        var negative = Band.Around(falseValue, margin, $"the false value ± {margin:G3}");
        Register(claim, statistic, mean, sd, seeds, check, negative);
        return (check, negative);
    }
}
