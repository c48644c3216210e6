using NetClaims.Constructions;
using NetClaims.Norms;
using NetClaims.Solvers;
using NetClaims.Statistics;

namespace NetClaims.Tests.Solvers;

public sealed class OneDimensionalTests
{
    [Theory]
    // docs/ahs23.md §1.0 F2 worked examples [DER+NUM]: (x, y) → (A, B).
    [InlineData(new double[] { 0, 1, 2 }, new double[] { 0, 1, 2 }, 0.0, 1.0)]
    [InlineData(new double[] { 0, 1, 2, 3 }, new double[] { 0, 1, 2.5, 4 }, 0.5, 1.5)]
    [InlineData(new double[] { 0, 1, 2, 3, 4 }, new double[] { 1, -1, 1, -1, 1 }, 12.0, 12.0)]
    public void Formulas_and_lp_match_the_worked_examples(double[] x, double[] y, double a, double b)
    {
        Assert.InRange(OneDimensional.MinVariationA(x, y), a - 1e-12, a + 1e-12);
        Assert.InRange(OneDimensional.MinVariationB(x, y), b - 1e-12, b + 1e-12);
        Assert.InRange(OneDimensional.Lp(x, y, RNormVariant.FreeAffine), a - 1e-6, a + 1e-6);
        Assert.InRange(OneDimensional.Lp(x, y, RNormVariant.FreeConstant), b - 1e-6, b + 1e-6);
    }

    [Fact]
    public void Unsorted_or_repeated_x_is_refused()
    {
        Assert.Throws<ArgumentException>(() => OneDimensional.MinVariationA([0, 2, 1], [0, 0, 0]));
        Assert.Throws<ArgumentException>(() => OneDimensional.MinVariationA([0, 1, 1], [0, 0, 0]));
    }
}

public sealed class MemorizerTests
{
    [Fact]
    public void One_per_sample_matches_the_digest_at_d_100()
    {
        // docs/ahs23.md §1.7 c [NUM]: d = 100, n = 1000 random samples and labels: one-per-sample cost 147.6, grouped 131.6 (size 2).
        // Different random draws; the digest's numbers are reproduced to about 1%.
        var s = SampleSet.Random(100, 1000, 1);
        var one = Memorizers.OnePerSample(s);
        var grouped = Memorizers.BestGrouped(s);
        Assert.InRange(one.Cost, 146, 149.5);
        Assert.InRange(grouped.Cost, 128, 135);
        Assert.True(Memorizers.MaxInterpolationError(one, s) <= 1e-9);
        Assert.True(Memorizers.MaxInterpolationError(grouped, s) <= 1e-9);
    }

    [Theory]
    // Found by the gate sweep (run seeds 55 and 57, ahs23.thm7.memorizers.interpolate): groups of 64 points in d = 18
    // or 37 have a singular Gram matrix; the solve gave NaN weights and the NaN-cost memoriser was picked as "best".
    [InlineData(18, 108, 524711)]
    [InlineData(37, 111, 665363)]
    public void Group_sizes_beyond_the_span_are_not_used(int d, int n, int seed)
    {
        var s = SampleSet.RandomDistinct(d, n, seed);
        Assert.Null(Memorizers.Grouped(s, 64));
        var grouped = Memorizers.BestGrouped(s);
        Assert.True(grouped.GroupSize <= d);
        Assert.True(double.IsFinite(grouped.Cost));
        Assert.True(Memorizers.MaxInterpolationError(grouped, s) <= 1e-9);
    }

    [Fact]
    public void Repeated_samples_are_refused_by_one_per_sample()
    {
        var s = SampleSet.Random(4, 40, 3);
        Assert.Throws<InvalidOperationException>(() => Memorizers.OnePerSample(s));
    }
}

public sealed class RademacherTests
{
    [Fact]
    public void A_single_function_has_zero_expected_complexity_and_the_sign_class_has_one()
    {
        // One function: E_σ (1/n)Σσ_i f_i = 0. The class {±e_i-like sign vectors} containing every sign pattern of n = 4: sup = 1.
        var rng = new Random(1);
        var (one, se) = Rademacher.Estimate([[1, -2, 0.5, 3]], 2000, rng);
        Assert.InRange(one, -4 * se, 4 * se);
        var all = Enumerable.Range(0, 16).Select(m => Enumerable.Range(0, 4).Select(i => ((m >> i) & 1) == 0 ? 1.0 : -1.0).ToArray()).ToArray();
        Assert.InRange(Rademacher.Estimate(all, 100, rng).Mean, 1 - 1e-12, 1 + 1e-12);
    }
}
