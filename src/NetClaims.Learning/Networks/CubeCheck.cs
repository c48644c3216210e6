namespace NetClaims.Networks;

/// <summary>Outcome of evaluating a network on every vertex of {±1}^d against a target.</summary>
/// <param name="Vertices">Vertices evaluated (all 2^d unless stopped at the first mismatch).</param>
/// <param name="Mismatches">Vertices where the exact value differs from the target.</param>
/// <param name="FirstMismatch">The smallest mismatching vertex mask found, if any.</param>
/// <param name="FirstMismatchValue">The exact network value there, as a rational string.</param>
/// <param name="MaxAbsErrorFloat">max_x |g_f64(x) − target(x)| of the IEEE-double evaluation of the same neurons.</param>
/// <param name="MaxAbsError">max_x |g(x) − target(x)| exactly (over the vertices evaluated).</param>
public sealed record CubeCheck(ulong Vertices, ulong Mismatches, ulong? FirstMismatch, string? FirstMismatchValue, double MaxAbsErrorFloat, Fractions.Fraction MaxAbsError)
{
    /// <summary>Whether the network equals the target on every vertex.</summary>
    public bool Interpolates => Mismatches == 0;
}
