using Hedgehog.Linq;
using NetClaims.Claims;
using NetClaims.Norms;
using NetClaims.Reports;
using NetClaims.Statistics;
using NetClaims.Training;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Properties.Jnm20;

/// <summary>
/// The capacity measures on a family of trained nets (issue 7 deliverables 4–5): every trained net's measures are finite,
/// path.norm is invariant under positive rescaling of it and the spectral sanity inequality holds; the report holds each
/// measure's Kendall τ with the generalisation gap beside the seed slides' values (CNNs on images there: an observation
/// in a different setting, not a replication).
/// </summary>
internal static class StudyClaims
{
    static readonly ClaimId Id = new("jnm20.s6.capacity-study");

    internal static IReadOnlyList<StudyNet> Study(int seed) => CapacityStudy.Run(CapacityStudy.Grid.Fast, seed);

    internal static CaseResult Check(int seed, IReadOnlyList<StudyNet> nets, CaseContext ctx, bool frobenius)
    {
        var taus = CapacityStudy.Taus(nets);
        for (int i = 0; i < taus.Length; i++) ctx.Measure($"τ {CapacityStudy.MeasureNames[i]} (observation)", taus[i]);
        string tauText = string.Join(", ", CapacityStudy.MeasureNames.Select((n, i) => $"{n} {taus[i]:F3}"));
        var rng = new Random(seed);
        foreach (var n in nets)
        {
            var m = n.Measures;
            if (new[] { m.LogProdFrobenius, m.DistanceToInit, m.SpectralComplexity, m.FisherRao, m.PathNorm, n.Gap }.Any(v => !double.IsFinite(v)))
                return CaseResult.Fail($"a measure is not finite for width {n.Width}, λ {n.WeightDecay}, lr {n.LearningRate}, n {n.N}, noise {n.Noise}");
            var t = Enumerable.Range(0, n.Net.Width).Select(_ => 0.1 + 9.9 * rng.NextDouble()).ToArray();
            var scaled = PathNorm.Rescaled(n.Net, t);
            var after = CapacityMeasures.Of(scaled, n.Net, [], []);
            string who = $"width {n.Width}, λ {n.WeightDecay}, lr {n.LearningRate}, n {n.N}, noise {n.Noise}";
            if (frobenius)
            {
                if (Math.Abs(after.LogProdFrobenius - m.LogProdFrobenius) > 1e-9 * (1 + Math.Abs(m.LogProdFrobenius)))
                    return CaseResult.Fail($"{who}: log ∏‖W‖_F² {m.LogProdFrobenius:G10} → {after.LogProdFrobenius:G10}");
                continue;
            }
            // Relative 1e-9: sums of up to 128 products of trained weights.
            if (Math.Abs(after.PathNorm - m.PathNorm) > 1e-9 * (1 + m.PathNorm)) return CaseResult.Fail($"{who}: path.norm {m.PathNorm:G12} → {after.PathNorm:G12}");
            double floor = CapacityMeasures.SpectralFloor(n.Net);
            if (m.SpectralComplexity < floor - 1e-12 * (1 + Math.Abs(floor))) return CaseResult.Fail($"{who}: spectral {m.SpectralComplexity:G10} < {floor:G10}");
        }
        return CaseResult.Pass($"{nets.Count} trained nets: measures finite, path.norm invariant, spectral sanity holds; τ with the gap (observation): {tauText}");
    }

    public static Claim CapacityStudyClaim { get; } = new(
        Id, new Citation(Paper.Jnm, "docs/jnm20.md §6", "measures [REC]; τ values [SEED] (CNNs on images, not re-verified)"),
        "On every net of a 108-net family trained from one random seed per run (two-layer ReLU, d = 5 teacher; width × λ × lr × n × label noise, Adam 200 epochs) the five capacity measures are finite, path.norm is invariant under random positive per-unit rescaling (relative 1e-9), and Σ‖W_j‖_F²/‖W_j‖₂² ≥ D. The measures' Kendall τ with the generalisation gap is reported as an observation, not claimed: on this family its sign changes from one study seed to the next.",
        EvidenceTier.Tolerance,
        s => Generated.Statistic(s, Study, (nets, ctx) => Check(0, nets, ctx, false), new StatisticOptions { Show = x => $"study seed {x}" }),
        s => new ReportContent("Kendall τ with the generalisation gap over three study seeds (108 nets each): an observation", Table(s))
            .WithNotes("Observation, not a claim: the τ of every measure changes sign between study seeds (e.g. path.norm +0.49 at seed 1, −0.33 at seed 4 in a five-seed scan), so this family ranks no measure reliably; a falsifiable statement would need many more nets per study.",
                       "Not a replication either: the seed slides' τ are for >10 000 CNNs on image data with margin-normalised measures; ours are two-layer regression nets (no margin, γ = 1). `netclaims study capacity --grid full` runs 405 nets."),
        new NegativeControl("log ∏‖W_i‖_F² is as rescaling-invariant as path.norm on trained nets.",
            s => Generated.Statistic(s, Study, (nets, ctx) => Check(0, nets, ctx, true), new StatisticOptions { Show = x => $"study seed {x}" })));

    static ReportTable Table(ClaimContext s)
    {
        var taus = new[] { 1, 2, 3 }.Select(seed => CapacityStudy.Taus(s.Memo(("statistic", Id.Value, "data", seed), () => Study(seed)))).ToArray();
        var t = new ReportTable.Builder("kendall").Column("measure", CellRule.Text).Column("tau_seed_1", CellRule.Abs(0.02)).Column("tau_seed_2", CellRule.Abs(0.02))
            .Column("tau_seed_3", CellRule.Abs(0.02)).Column("tau_seed_slides", CellRule.Text);
        for (int i = 0; i < taus[0].Length; i++)
            t.Row(CapacityStudy.MeasureNames[i], taus[0][i], taus[1][i], taus[2][i], Paper.SeedTaus[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
        return t.Build();
    }
}
