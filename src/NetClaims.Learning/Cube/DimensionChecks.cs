using Hedgehog.Linq;
using NetClaims.Claims;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Cube;

/// <summary>
/// Generated and enumerated checks over the cube's dimension: the one place where the harness's checks meet a
/// neural-network type (<see cref="Dimension"/>), kept here so that NetClaims.Core knows no neural network.
/// </summary>
public static class DimensionChecks
{
    /// <summary>Checks <paramref name="body"/> for generated d in [lo, hi] (constant range: d shrinks towards lo).</summary>
    /// <param name="context">The part of the claim being run (for the seed and the replay token).</param>
    /// <param name="label">What the generated integer is called in counterexamples (default d).</param>
    public static CheckOutcome ForAll(ClaimContext context, int lo, int hi, Func<Dimension, CaseResult> body, string label = "d")
    {
        if (lo < 1 || hi > Dimension.Max || lo > hi) throw new ArgumentOutOfRangeException(nameof(lo), $"bad dimension range [{lo}, {hi}]");
        return Generated.ForAll(context, Gen.Int32(Range.Constant(lo, hi)), (d, _) => body(new Dimension(d)),
            new CheckOptions<int> { Show = d => $"{label}={d}" });
    }

    /// <summary>
    /// Checks <paramref name="body"/> once for every d in [lo, hi], in increasing order, stopping at the first failure
    /// (so a counterexample is the smallest failing d). For claims whose only parameter is a small range of d, this
    /// replaces ~100 random draws of d by the whole range, and does not depend on the run seed.
    /// </summary>
    public static CheckOutcome ForEach(ClaimContext context, int lo, int hi, Func<Dimension, CaseResult> body, string label = "d")
    {
        if (lo < 1 || hi > Dimension.Max || lo > hi) throw new ArgumentOutOfRangeException(nameof(lo), $"bad dimension range [{lo}, {hi}]");
        return Generated.ForEach(context, Enumerable.Range(lo, hi - lo + 1).ToArray(), (d, _) => body(new Dimension(d)),
            new CheckOptions<int> { Show = d => $"{label}={d}" });
    }
}
