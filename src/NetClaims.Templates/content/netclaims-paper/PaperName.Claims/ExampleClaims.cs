using Hedgehog.Linq;
using NetClaims.Claims;
using NetClaims.Reports;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace PaperName.Claims;

/// <summary>
/// A worked example to copy: a construction (the hat function as a three-unit ReLU network), its check over generated
/// inputs (exact: inputs k/4 and integer arithmetic scaled by 4), a plausible false variant as negative control, and a
/// numeric report approved into snapshots/. Replace it with the claims of your paper.
/// </summary>
public static class ExampleClaims
{
    /// <summary>The construction: h(x) = σ(x + 1) − 2σ(x) + σ(x − 1), evaluated at x = k/4 and scaled by 4 (exact).</summary>
    public static long HatTimes4(int k) => Relu(k + 4) - 2 * Relu(k) + Relu(k - 4);

    static long Relu(long z) => Math.Max(0, z);

    static readonly Hedgehog.Gen<int> Quarters = Gen.Int32(Range.Constant(0, -40, 40));

    static CheckOptions<int> Show => new() { Show = k => $"x = {k}/4" };

    public static Claim Hat { get; } = new(
        new ClaimId("example.hat"),
        new Citation("Your paper", "Lemma 1 (the hat function is a width-3 ReLU network)", "[DER]"),
        "σ(x + 1) − 2σ(x) + σ(x − 1) = max(0, 1 − |x|) for every x = k/4, |k| ≤ 40 (exact integer arithmetic).",
        EvidenceTier.Exact,
        ctx => Generated.ForAll(ctx, Quarters, (k, _) =>
            CaseResult.Of(HatTimes4(k) == Math.Max(0, 4 - Math.Abs(k)), $"4h = {HatTimes4(k)}, 4·max(0, 1 − |x|) = {Math.Max(0, 4 - Math.Abs(k))}"), Show),
        _ => new ReportContent("the hat network at the quarter points", Table())
            .WithNotes("value is exact (integer arithmetic on 4x); cost = Σ|a_k|·|w_k| = 1 + 2 + 1 is the network's path norm."),
        new NegativeControl("The hat of half-width 2, max(0, 1 − |x|/2), is σ(x + 1) − 2σ(x) + σ(x − 1).",
            ctx => Generated.ForAll(ctx, Quarters, (k, _) =>
                CaseResult.Of(2 * HatTimes4(k) == Math.Max(0, 8 - Math.Abs(k)), $"8h = {2 * HatTimes4(k)}, 8·max(0, 1 − |x|/2) = {Math.Max(0, 8 - Math.Abs(k))}"), Show)));

    static ReportTable Table()
    {
        var t = new ReportTable.Builder("hat").Column("x", CellRule.Exact).Column("h(x)", CellRule.Rel(1e-12)).Column("cost", CellRule.Exact);
        for (int k = -6; k <= 6; k += 2) t.Row($"{k}/4", HatTimes4(k) / 4.0, 4);
        return t.Build();
    }
}
