using System.Collections.Concurrent;
using Hedgehog.Linq;
using NetClaims.Claims;
using NetClaims.Norms;
using NetClaims.Reports;
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

    static readonly ConcurrentDictionary<int, Lazy<IReadOnlyList<StudyNet>>> Studies = new();

    static IReadOnlyList<StudyNet> Study(int seed) => Studies.GetOrAdd(seed, s => new(() => CapacityStudy.Run(CapacityStudy.Grid.Fast, s))).Value;

    static CaseResult Check(int seed, bool frobenius)
    {
        var nets = Study(seed);
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
        return CaseResult.Pass($"{nets.Count} trained nets: measures finite, path.norm invariant, spectral sanity holds");
    }

    public static Claim CapacityStudyClaim { get; } = new(
        Id, new Citation(Paper.Jnm, "THEOREMS.md §6", "measures [REC]; τ values [SEED] (CNNs on images, not re-verified)"),
        "On every net of a 108-net family (two-layer ReLU, d = 5 teacher; width × λ × lr × n × label noise, Adam 200 epochs) the five capacity measures are finite, path.norm is invariant under random positive per-unit rescaling (relative 1e-9), and Σ‖W_j‖_F²/‖W_j‖₂² ≥ D; the report gives each measure's Kendall τ with the generalisation gap.",
        EvidenceTier.Tolerance,
        s => Generated.ForAll(Id, "check", Gen.Int32(Range.Constant(1, 1000)), s.WithTests(1), (seed, _) => Check(seed, false), new CheckOptions<int> { Show = x => $"study seed {x}" }),
        _ => new ReportContent("Kendall τ with the generalisation gap (study seed 1, 108 nets)", Table())
            .WithNotes("Observation, not replication: the seed slides' τ are for >10 000 CNNs on image data with margin-normalised measures; ours are two-layer regression nets (no margin, γ = 1). `netclaims study capacity --grid full` runs 405 nets."),
        new NegativeControl("log ∏‖W_i‖_F² is as rescaling-invariant as path.norm on trained nets.",
            s => Generated.ForAll(Id, "negative", Gen.Int32(Range.Constant(1, 1000)), s.WithTests(1), (seed, _) => Check(seed, true), new CheckOptions<int> { Show = x => $"study seed {x}" })));

    static ReportTable Table()
    {
        var taus = CapacityStudy.Taus(Study(1));
        var t = new ReportTable.Builder("kendall").Column("measure", CellRule.Text).Column("tau_here", CellRule.Abs(0.02)).Column("tau_seed_slides", CellRule.Text);
        for (int i = 0; i < taus.Length; i++) t.Row(CapacityStudy.MeasureNames[i], taus[i], CapacityStudy.SeedTaus[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
        return t.Build();
    }
}
