using Hedgehog.Linq;
using NetClaims.Claims;
using NetClaims.Reports;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.ExternalClaims;

/// <summary>
/// A worked example of claims that live outside NetClaims: the inequality of arithmetic and geometric means,
/// discovered by the rule "public static Claim properties of a public static class".
/// </summary>
public static class MeanClaims
{
    static readonly Hedgehog.Gen<double[]> Vectors =
        from n in Gen.Int32(Range.Constant(2, 8))
        from xs in Gen.Double(Range.Constant(0.01, 100.0)).Array(Range.Singleton(n))
        select xs;

    static double Arithmetic(double[] x) => x.Average();

    // exp of the mean log: no overflow for long vectors of large entries.
    static double Geometric(double[] x) => Math.Exp(x.Average(Math.Log));

    static double Quadratic(double[] x) => Math.Sqrt(x.Average(v => v * v));

    static string Show(double[] x) => "[" + string.Join(", ", x.Select(v => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture))) + "]";

    /// <summary>Relative tolerance of one comparison: the means are sums of at most 8 terms and one exp/log each,
    /// so their rounding error is a few ulps; 1e-12 leaves a wide margin and is far below any gap the generator makes
    /// except at equal entries, where the claim's equality case applies.</summary>
    const double Rel = 1e-12;

    public static Claim AmGm { get; } = new(
        new ClaimId("example.am-gm"),
        new Citation("Cauchy (1821), Cours d'analyse", "Note II, Theorem 17", "[SRC:book] statement; [NUM] tolerance"),
        "For x ∈ (0, ∞)ⁿ the arithmetic mean is at least the geometric mean, (x₁ + … + xₙ)/n ≥ (x₁⋯xₙ)^{1/n} (relative tolerance 1e-12; n = 2…8, entries in [0.01, 100]).",
        EvidenceTier.Tolerance,
        s => Generated.ForAll(s, Vectors, (x, ctx) =>
        {
            double am = Arithmetic(x), gm = Geometric(x);
            ctx.Classify(x.Max() / x.Min() > 10, "spread > 10");
            return CaseResult.Of(am >= gm * (1 - Rel), $"AM {am:G17} vs GM {gm:G17}");
        }, new CheckOptions<double[]> { Show = Show }),
        _ => new ReportContent("means of fixed vectors",
            new ReportTable.Builder("means").Column("vector", CellRule.Text).Column("am", CellRule.Rel(1e-12)).Column("gm", CellRule.Rel(1e-12)).Column("qm", CellRule.Rel(1e-12))
                .Row("1,2,4", Arithmetic([1, 2, 4]), Geometric([1, 2, 4]), Quadratic([1, 2, 4]))
                .Row("3,3,3", Arithmetic([3, 3, 3]), Geometric([3, 3, 3]), Quadratic([3, 3, 3]))
                .Build()),
        // The power means are ordered GM ≤ AM ≤ QM; putting AM above QM as well is the chain read the wrong way round
        // at its next link, and it fails at every unequal vector.
        new NegativeControl("The arithmetic mean is also at least the quadratic mean: (Σxᵢ)/n ≥ √(Σxᵢ²/n).",
            s => Generated.ForAll(s, Vectors, (x, _) =>
            {
                double am = Arithmetic(x), qm = Quadratic(x);
                return CaseResult.Of(am >= qm * (1 - Rel), $"AM {am:G17} vs QM {qm:G17}");
            }, new CheckOptions<double[]> { Show = Show })));
}
