using System.Numerics;
using NetClaims.Constructions;

namespace NetClaims.Tests.Constructions;

/// <summary>Samples, memorisers and the exact cost model on cases small enough to check by hand.</summary>
public sealed class MemorizerTests
{
    [Fact]
    public void Random_samples_fill_exactly_d_bits_and_both_labels_occur()
    {
        foreach (var d in new[] { 2, 5, 63, 64, 65, 130 })
        {
            var s = SampleSet.Random(d, 200, 7);
            Assert.Equal(200, s.N);
            Assert.All(s.Points, p => Assert.Equal((d + 63) / 64, p.Length));
            if (d % 64 != 0) Assert.All(s.Points, p => Assert.Equal(0UL, p[^1] >> (d % 64)));
            // Every bit position, including bit 63 of a full word, takes both values over 200 points.
            for (int k = 0; k < d; k++)
            {
                Assert.Contains(s.Points, p => ((p[k >> 6] >> (k & 63)) & 1) == 1);
                Assert.Contains(s.Points, p => ((p[k >> 6] >> (k & 63)) & 1) == 0);
            }
            Assert.Contains(1, s.Labels);
            Assert.Contains(-1, s.Labels);
            Assert.All(s.Labels, y => Assert.True(y is 1 or -1));
        }
    }

    [Fact]
    public void Sample_sizes_are_checked_at_their_boundaries()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSet.Random(1, 5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSet.Random(4097, 5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSet.Random(4, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSet.Random(4, 100_001, 1));
        Assert.Equal(2, SampleSet.Random(2, 1, 1).D);
        Assert.Equal(4096, SampleSet.Random(4096, 1, 1).D);
        Assert.Equal(100_000, SampleSet.Random(2, 100_000, 1).N);
        // Distinct points: at most half the cube.
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSet.RandomDistinct(4, 9, 1));
        Assert.Equal(8, SampleSet.RandomDistinct(4, 8, 1).N);
    }

    [Fact]
    public void Distinct_samples_redraw_repeats_and_keep_the_first_draws()
    {
        // d = 4, n = 8: with replacement, repeats are near certain; the distinct set has 8 different points.
        var plain = SampleSet.Random(4, 8, 3);
        var s = SampleSet.RandomDistinct(4, 8, 3);
        Assert.True(plain.Points.Select(p => p[0]).Distinct().Count() < 8);
        Assert.Equal(8, s.Points.Select(p => p[0]).Distinct().Count());
        Assert.All(s.Points, p => Assert.True(p[0] < 16));
        // The first point is never redrawn, nor are the labels.
        Assert.Equal(plain.Points[0][0], s.Points[0][0]);
        Assert.Equal(plain.Labels, s.Labels);
        // Beyond one word: d = 70.
        var wide = SampleSet.RandomDistinct(70, 50, 4);
        Assert.All(wide.Points, p => Assert.Equal(0UL, p[1] >> 6));
    }

    [Fact]
    public void Coordinates_dots_and_parity_labels_follow_the_bit_convention()
    {
        // Points 0b0110 and 0b0011 in d = 4: x = (+1, −1, −1, +1), y = (−1, −1, +1, +1); ⟨x, y⟩ = −1 + 1 − 1 + 1 = 0.
        var s = new SampleSet(4, [[0b0110UL], [0b0011UL]], [1, -1]);
        Assert.Equal([1.0, -1, -1, 1], s.Vector(0));
        Assert.Equal([-1.0, -1, 1, 1], s.Vector(1));
        Assert.Equal(0, s.Dot(0, 1));
        Assert.Equal(4, s.Dot(0, 0));
        Assert.Equal([1, 1], s.WithParityLabels().Labels);
        // Coordinate 64 lives in the second word.
        var wide = new SampleSet(66, [[0UL, 0b10UL]], [1]);
        Assert.Equal(1, wide.Coordinate(0, 64));
        Assert.Equal(-1, wide.Coordinate(0, 65));
        Assert.Equal(1, wide.Coordinate(0, 63));
        Assert.Throws<ArgumentOutOfRangeException>(() => wide.WithParityLabels());
        Assert.Equal([-1], new SampleSet(64, [[1UL << 63]], [1]).WithParityLabels().Labels);
    }

    [Fact]
    public void One_per_sample_units_fire_only_on_their_own_sample()
    {
        // d = 4, three points: x₀ = 0000, x₁ = 0001, x₂ = 1111; ⟨x₀,x₁⟩ = 2, ⟨x₀,x₂⟩ = −4, ⟨x₁,x₂⟩ = −2.
        var s = new SampleSet(4, [[0UL], [1UL], [0b1111UL]], [1, -1, 1]);
        var h = Memorizers.OnePerSample(s);
        // b_i = max_j ⟨x_i,x_j⟩/√d = (2, 2, −2)/2; u_i = y_i/(√d − b_i) = (1/1, −1/1, 1/3).
        Assert.Equal([1.0, 1.0, -1.0], h.B);
        Assert.Equal([1.0, -1.0, 1.0 / 3], h.U);
        Assert.Equal([0.5, 0.5, 0.5, 0.5], h.W[0]);
        // Cost Σ|u|‖w‖ = 1 + 1 + 1/3 (‖w‖ = 1).
        Assert.Equal(7.0 / 3, h.Cost, 12);
        Assert.Equal(3, h.Width);
        Assert.Equal(0, Memorizers.MaxInterpolationError(h, s), 12);
        // A single sample: b = 0.
        var one = Memorizers.OnePerSample(new SampleSet(4, [[5UL]], [-1]));
        Assert.Equal(0, one.B[0]);
        Assert.Equal(-0.5, one.U[0], 12);
        // A wrong output weight shows in the worst error, not the average.
        var off = h with { U = [1.0, -1.0, 0.5] };
        Assert.Equal(0.5, Memorizers.MaxInterpolationError(off, s), 12);
    }

    [Fact]
    public void Grouped_memorisers_interpolate_and_refuse_groups_that_do_not_separate()
    {
        // d = 48, n = 96 (seed 5): groups of 1, 2 and 4 separate (best: 2, cost 20.42 against 21.55 for m = 1), 8 does not.
        var s = SampleSet.RandomDistinct(48, 96, 5);
        foreach (var m in new[] { 1, 2, 4 })
        {
            var h = Memorizers.Grouped(s, m);
            Assert.NotNull(h);
            Assert.Equal(m, h!.GroupSize);
            Assert.True(Memorizers.MaxInterpolationError(h, s) <= 1e-9);
            // ⌈(class size)/m⌉ groups per label class.
            int plus = s.Labels.Count(y => y == 1), minus = s.N - plus;
            Assert.Equal((plus + m - 1) / m + (minus + m - 1) / m, h.Width);
            Assert.All(h.B, b => Assert.True(b < 1));
        }
        var best = Memorizers.BestGrouped(s);
        Assert.Equal(2, best.GroupSize);
        Assert.True(best.Cost < Memorizers.Grouped(s, 1)!.Cost);
        // Groups of 8: some other point reaches ⟨w_G, x⟩ ≥ 1, so no memoriser of that size.
        Assert.Null(Memorizers.Grouped(s, 8));
    }

    [Fact]
    public void The_cost_model_is_exact_on_small_cases()
    {
        // d = 2: another distinct point is at Hamming distance 1 (inner product 0, probability 2/3) or 2 (−2, 1/3).
        // n = 2: E[1/(1 − M/d)] = 2/3·1 + 1/3·½ = 5/6.  n = 3: P(M = −2) = (1/3)² → 8/9 + 1/18 = 17/18.
        Assert.Equal(Math.Sqrt(2) * 5 / 6, Memorizers.ExpectedOnePerSampleCostPerNOverD(2, 2), 12);
        Assert.Equal(Math.Sqrt(2) * 17 / 18, Memorizers.ExpectedOnePerSampleCostPerNOverD(2, 3), 12);
        // d = 3, n = 2: distances 1, 2, 3 with probabilities 3/7, 3/7, 1/7 give M = 1, −1, −3: E = 3/7·3/2 + 3/7·3/4 + 1/7·½.
        Assert.Equal(Math.Sqrt(3) * (3.0 / 7 * 1.5 + 3.0 / 7 * 0.75 + 1.0 / 7 * 0.5), Memorizers.ExpectedOnePerSampleCostPerNOverD(3, 2), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => Memorizers.ExpectedOnePerSampleCostPerNOverD(1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Memorizers.ExpectedOnePerSampleCostPerNOverD(1001, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Memorizers.ExpectedOnePerSampleCostPerNOverD(4, 1));
        Assert.True(Memorizers.ExpectedOnePerSampleCostPerNOverD(1000, 2) > 0);
        Assert.True(Memorizers.ExpectedOnePerSampleCostPerNOverD(2, 100_000) > 0);
    }
}
