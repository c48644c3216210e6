using Hedgehog.Linq;
using NetClaims.Claims;
using NetClaims.Cube;
using NetClaims.Norms;
using NetClaims.Reports;
using NetClaims.Statistics;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Properties.Ahs23;

/// <summary>
/// The single-neuron correlation lemma behind AHS Theorem 6 (docs/ahs23.md §1.6) in its sharp form: for every w ≠ 0 and b,
/// |E[χσ(⟨w,x⟩+b)]| ≤ ρ_d·‖w‖₂ (ρ_d from §1.4 D2), which implies the paper's ≤ (8/d)‖w‖₂. The sup is attained at sign
/// vectors, so random directions are far from the bound and targeted search is what shows how close the worst case comes.
/// </summary>
internal static class CorrelationClaims
{
    /// <summary>A neuron direction w ∈ ℝ^d and how it was drawn.</summary>
    internal sealed record Direction(string Kind, double[] W)
    {
        public int D => W.Length;

        public double Norm => Math.Sqrt(W.Sum(x => x * x));

        public override string ToString() => $"d={D} {Kind} w=({string.Join(", ", W.Select(x => x.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)))})";
    }

    static readonly ClaimId Id = new("ahs23.s1-6.correlation");

    static readonly Citation Source = new(Paper.Ahs, "lemma behind Theorem 6; docs/ahs23.md §1.4 D2, §1.6",
        "statement [SRC:blog]; the lemma's 8/d is [UNSURE]; sharp ρ_d closed form [DER+NUM]");

    // Float tolerance: the correlation sums 2^d ≤ 1024 terms of size ≤ ‖w‖₁, so rounding is ≲ 1e-13·‖w‖; 1e-9 relative is ample.
    const double Tol = 1e-9;

    static Hedgehog.Gen<Direction> Directions =>
        from d in Gen.Int32(Range.Constant(2, 10))
        from kind in Gen.Int32(Range.Constant(0, 2))
        // Coordinates on a 0.01 grid in [−3, 3]: they shrink towards small round numbers, not towards denormals.
        from raw in Gen.Double(Range.LinearFromDouble(0, -300, 300)).Select(k => Math.Round(k) / 100.0).Array(Range.Singleton(d))
        from zeros in Gen.Int32(Range.Constant(0, (1 << d) - 1))
        select Shape(kind, raw, zeros);

    // 0: dense real; 1: sparse (coordinates in the mask set to 0); 2: integer in [−9, 9]. The extremal family (sign
    // vectors) is deliberately not generated: reaching it is the targeted search's job, and the report shows how close it got.
    static Direction Shape(int kind, double[] raw, int zeros) => kind switch
    {
        1 => new("sparse", raw.Select((x, i) => ((zeros >> i) & 1) == 1 ? 0 : x).ToArray()),
        2 => new("integer", raw.Select(x => Math.Round(3 * x)).ToArray()),
        _ => new("dense", raw),
    };

    static CaseResult Check(Direction v, CaseContext ctx, double constant, string bound)
    {
        double norm = v.Norm;
        ctx.Classify(v.D >= 8, "d ≥ 8").Label(v.Kind).Classify(v.W.Any(x => x == 0), "has a zero coordinate");
        if (norm == 0) return CaseResult.Pass("w = 0: σ(b) is constant, uncorrelated with χ");
        var (corr, b) = NeuronCorrelation.MaxOverBias(v.W);
        if (double.IsNaN(corr)) return CaseResult.Fail("correlation is NaN");
        double limit = constant * norm;
        // The score is reported from d ≥ 6 on: there random directions are far from the bound (at d = 2, 3 almost any
        // direction is near-extremal), so the highest score found says how close the search came in high dimension.
        if (v.D >= TargetFromD) ctx.Target(corr / limit);
        if (v.W.Any(x => x == 0) && corr > 1e-12 * (1 + norm))
            return CaseResult.Fail($"w has a zero coordinate but correlation {corr:G6} ≠ 0");
        return CaseResult.Of(corr <= limit * (1 + Tol), $"max_b |E[χσ]| = {corr:G10} at b = {b:G6}; {bound}·‖w‖ = {limit:G10}");
    }

    const int TargetFromD = 6;

    static readonly TargetSpec<Direction> Search = new("corr / (bound·‖w‖), d ≥ 6",
        rng => new Direction("dense", Enumerable.Range(0, rng.Next(TargetFromD, 11)).Select(_ => Gaussian(rng)).ToArray()),
        (v, rng) =>
        {
            // Step sizes on three scales, so the climb both moves and refines.
            double step = new[] { 0.15, 0.03, 0.005 }[rng.Next(3)] * v.Norm / Math.Sqrt(v.D);
            return new Direction("climbed", v.W.Select(x => x + step * Gaussian(rng)).ToArray());
        },
        Starts: 40, Climbers: 4, Steps: 600);

    static double Gaussian(Random rng) => Statistics.Sampling.Gaussian(rng);

    static CheckOptions<Direction> Options => new()
    {
        Show = v => v.ToString(),
        Target = Search,
        Coverage = [new CoverageRequirement("d ≥ 8", 0.15), new CoverageRequirement("has a zero coordinate", 0.05)],
    };

    static double RhoOf(int d) => NeuronCorrelation.Rho(new Dimension(d)).ToDouble();

    // Tightness: the targeted search must bring corr/(ρ_d‖w‖) to at least 0.99 at some d ≥ 6, so an inflated ρ_d fails.
    // The pilot sweep (`netclaims sweep --pilot --seeds 100 --claim ahs23.s1-6.correlation`) gives the climb's best score.
    static readonly Band Tight = Pilots.Register(Id.Value, "targeted best corr/(ρ_d‖w‖)", 0.99757, 0.0009767, 100, Band.AtLeast(0.99, "the bound is attained (sign vectors)"));

    /// <param name="rhoScale">Planted-bug hook for the tests: ρ_d inflated by this factor.</param>
    internal static CheckOutcome LemmaCheck(ClaimContext s, double rhoScale = 1)
    {
        var o = Generated.ForAll(s, Directions, (v, ctx) => Check(v, ctx, rhoScale * RhoOf(v.D), "ρ_d"), Options);
        // The climb runs on the claim's owner shard only; elsewhere there is no search to judge.
        if (o is not CheckOutcome.Holds h || !s.Shard.OwnsClaim(s.Id) || s.Settings.Replay is not null) return o;
        double best = h.Stats.BestScore ?? double.NaN;
        var stats = h.Stats with { Measures = new Dictionary<string, MeasureSummary>(h.Stats.Measures) { ["targeted best corr/(ρ_d‖w‖)"] = MeasureSummary.Of([best]) } };
        return Tight.Contains(best) ? h with { Stats = stats }
            : new CheckOutcome.Fails(h.Cases, $"not tight: targeted search reached only corr/(ρ_d‖w‖) = {best:G6} at {h.Stats.BestCase} (the bound is attained at sign vectors: an inflated ρ_d?)", null) { Stats = stats };
    }

    public static Claim Lemma { get; } = new(
        Id, Source,
        "For every w ≠ 0 and b, |E_x[χ(x)σ(⟨w,x⟩+b)]| ≤ ρ_d·‖w‖₂ with ρ_d = 2C(d−2,d/2−1)/(2^d√d) (even d), C(d−1,(d−1)/2)/(2^d√d) (odd d) — hence ≤ (8/d)‖w‖₂ — and the bound is tight: targeted search reaches corr/(ρ_d‖w‖) ≥ 0.99 at some d ≥ 6; a w with a zero coordinate has correlation 0 (2 ≤ d ≤ 10, generated and targeted w).",
        EvidenceTier.Tolerance,
        s => LemmaCheck(s),
        _ => new ReportContent("ρ_d: closed form vs exhaustive maximum at w = 1", RhoTable())
            .WithNotes("rho_at_ones: max over b of |E[χσ(⟨1,x⟩/√d + b)]| computed exhaustively; tolerance rel 1e-9 (float sums of ≤ 2^16 terms).",
                       "margin_8_over_d: (8/d)/ρ_d, how much room the lemma's constant 8/d [UNSURE] leaves."),
        new NegativeControl("The lemma holds with constant 1/(4d): |E[χσ(⟨w,x⟩+b)]| ≤ ‖w‖₂/(4d).",
            s => Generated.ForAll(s, Directions, (v, ctx) => Check(v, ctx, 1.0 / (4 * v.D), "1/(4d)"), Options with { Coverage = [] })));

    // ---- ρ(χ_S) = ρ_|S| ----

    internal sealed record SubsetCase(double[] W, ulong S)
    {
        public int D => W.Length;

        public int K => System.Numerics.BitOperations.PopCount(S);

        public override string ToString() => $"d={D} S={{{string.Join(",", Enumerable.Range(0, D).Where(i => ((S >> i) & 1) == 1))}}} w=({string.Join(", ", W.Select(x => x.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)))})";
    }

    static readonly ClaimId SubsetId = new("ahs23.s1-6.correlation-subset");

    static Hedgehog.Gen<SubsetCase> SubsetCases =>
        from d in Gen.Int32(Range.Constant(3, 10))
        from mask in Gen.Int32(Range.Constant(0, (1 << d) - 1))
        from raw in Gen.Double(Range.LinearFromDouble(0, -300, 300)).Select(k => Math.Round(k) / 100.0).Array(Range.Singleton(d))
        from onesOnS in Gen.Bool
        let s = System.Numerics.BitOperations.PopCount((uint)mask) >= 2 ? (ulong)mask : 0b11UL
        select new SubsetCase(onesOnS ? Enumerable.Range(0, d).Select(i => ((s >> i) & 1) == 1 ? 1.0 : 0.0).ToArray() : raw, s);

    static CaseResult SubsetCheck(SubsetCase c, CaseContext ctx, Func<SubsetCase, double> rhoFor)
    {
        double normS = Math.Sqrt(Enumerable.Range(0, c.D).Where(i => ((c.S >> i) & 1) == 1).Sum(i => c.W[i] * c.W[i]));
        ctx.Classify(c.K < c.D, "proper subset").Classify(c.W.All(x => x is 0 or 1), "w = 1_S");
        if (normS == 0) return CaseResult.Pass("w vanishes on S: σ(⟨w,x⟩+b) does not depend on x_S, so it is uncorrelated with χ_S");
        var (corr, _) = NeuronCorrelation.MaxOverBias(c.W, c.S);
        double limit = rhoFor(c) * normS;
        return CaseResult.Of(corr <= limit * (1 + Tol), $"max_b |E[χ_Sσ]| = {corr:G10}, bound·‖w_S‖ = {limit:G10}");
    }

    public static Claim Subset { get; } = new(
        SubsetId, new Citation(Paper.Digest, "ρ(χ_S); docs/ahs23.md §1.6", "[DER]: coordinates outside S only shift the bias"),
        "For every subset S with |S| ≥ 2, every w and b: |E[χ_S(x)σ(⟨w,x⟩+b)]| ≤ ρ_|S|·‖w_S‖₂ — the correlation with χ_S is governed by |S|, not by d (3 ≤ d ≤ 10).",
        EvidenceTier.Tolerance,
        s => Generated.ForAll(s, SubsetCases, (c, ctx) => SubsetCheck(c, ctx, x => RhoOf(x.K)), new CheckOptions<SubsetCase> { Show = c => c.ToString(), Coverage = [new CoverageRequirement("proper subset", 0.3), new CoverageRequirement("w = 1_S", 0.2)] }),
        _ => new ReportContent("ρ(χ_S) at w = 1_S for |S| = k inside d = 10", SubsetTable()),
        new NegativeControl("The correlation with χ_S is bounded by the ambient ρ_d·‖w‖₂, whatever S is.",
            s => Generated.ForAll(s, SubsetCases, (c, ctx) => SubsetCheck(c, ctx, x => RhoOf(x.D)), new CheckOptions<SubsetCase> { Show = c => c.ToString() })));

    static ReportTable SubsetTable()
    {
        var t = new ReportTable.Builder("subset").Column("k", CellRule.Exact).Column("rho_k", CellRule.Rel(1e-12)).Column("max_at_1_S/√k", CellRule.Rel(1e-9));
        for (int k = 2; k <= 10; k++)
        {
            ulong s = (1UL << k) - 1;
            var w = Enumerable.Range(0, 10).Select(i => i < k ? 1.0 : 0.0).ToArray();
            t.Row(k, RhoOf(k), NeuronCorrelation.MaxOverBias(w, s).Correlation / Math.Sqrt(k));
        }
        return t.Build();
    }

    static ReportTable RhoTable()
    {
        var t = new ReportTable.Builder("rho").Column("d", CellRule.Exact).Column("rho_exact", CellRule.Exact)
            .Column("rho", CellRule.Rel(1e-12)).Column("rho_at_ones", CellRule.Rel(1e-9)).Column("d*rho", CellRule.Rel(1e-12))
            .Column("margin_8_over_d", CellRule.Rel(1e-12));
        for (int d = 2; d <= Paper.MaxExhaustiveD; d++)
        {
            var rho = NeuronCorrelation.Rho(new Dimension(d));
            var ones = Enumerable.Repeat(1 / Math.Sqrt(d), d).ToArray();
            double r = rho.ToDouble();
            t.Row(d, rho, r, NeuronCorrelation.MaxOverBias(ones).Correlation, d * r, 8.0 / d / r);
        }
        return t.Build();
    }
}
