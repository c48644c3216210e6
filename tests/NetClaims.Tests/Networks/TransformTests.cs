using FsCheck;
using FsCheck.Fluent;
using Fractions;
using NetClaims.Cube;
using NetClaims.Networks;
using NetClaims.Solvers;

namespace NetClaims.Tests.Networks;

/// <summary>
/// The Walsh–Hadamard paths against direct evaluation: every vertex of generated sign-direction networks (random
/// directions, repeated directions, rational biases and outputs, an affine part) for d ≤ 14, and the pricing of every
/// sign-direction neuron against a direct double sum.
/// </summary>
public sealed class TransformTests
{
    // A sign-unit network on d directions: 1–3 bias classes k/2 (|k| ≤ 2d+2, so some units never fire and some always
    // do), each direction's numerator in [−4, 4] (zeros included: absent units), output scale k/3.
    static SignUnitNetwork Make(int d, int seed)
    {
        var rng = new Random(seed);
        int classes = 1 + rng.Next(3);
        var biases = Enumerable.Range(0, classes).Select(_ => new Fraction(rng.Next(-2 * d - 2, 2 * d + 3), 2)).ToArray();
        var numerators = Enumerable.Range(0, classes).Select(_ => Enumerable.Range(0, 1 << d).Select(_ => (long)rng.Next(-4, 5)).ToArray()).ToArray();
        return new SignUnitNetwork(new Dimension(d), biases, numerators, new Fraction(rng.Next(1, 10) * (rng.Next(2) * 2 - 1), 3));
    }

    // Every d in 1…14, 8 generated networks each (seeds fixed), every vertex: g(x) from the transform and from the
    // direct evaluator of the very same units (ToTwoLayerRelu), compared as exact rationals. Split at d = 10: the
    // d = 11…14 half is 99% of the work (≈ 5 s here, hours under Stryker's instrumentation of exact arithmetic), so it
    // carries kind=heavy, which the mutation run filters out; no code path starts above d = 10 (the 128-bit path has
    // its own test at d = 12).
    [Fact]
    public void The_transform_equals_the_direct_evaluator_on_every_vertex_for_every_d_up_to_10() => TransformEqualsDirect(1, 10);

    [Fact]
    [Trait("kind", "heavy")]
    public void The_transform_equals_the_direct_evaluator_on_every_vertex_for_d_11_to_14() => TransformEqualsDirect(11, 14);

    static void TransformEqualsDirect(int from, int to)
    {
        for (int d = from; d <= to; d++)
            Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
            {
                var net = Make(d, seed);
                var fast = SignUnitEvaluator.Evaluate(net);
                var ev = new CubeEvaluator(net.ToTwoLayerRelu());
                for (ulong x = 0; x < (ulong)fast.Scaled.Length; x++)
                    if (fast.Unit * new Fraction(fast.Scaled[x]) != ev.ExactValue(x)) return false;
                return true;
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(8).WithReplay((ulong)(18 + d), 3UL));
    }

    [Fact]
    public void The_128_bit_path_agrees_with_the_64_bit_path_and_is_taken_when_the_bound_needs_it()
    {
        // Numerators near 2^38 at d = 12: the bound 2^12·Σ|N|·max t exceeds 2^63, the values themselves do not.
        var rng = new Random(5);
        int d = 12;
        var small = Make(d, 77);
        var big = new SignUnitNetwork(small.Dim, small.Biases, small.Numerators.Select(a => a.Select(u => u * (1L << 36) + rng.Next(-3, 4)).ToArray()).ToArray(), small.OutputScale);
        var wide = SignUnitEvaluator.Evaluate(big);
        Assert.True(wide.Used128Bits);
        var ev = new CubeEvaluator(new SignUnitNetwork(small.Dim, small.Biases, big.Numerators, Fraction.One).ToTwoLayerRelu());
        for (ulong x = 0; x < (ulong)wide.Scaled.Length; x += 37)
            Assert.Equal(ev.ExactValue(x), new Fraction(wide.Scaled[x]) * wide.Unit / big.OutputScale);
        Assert.False(SignUnitEvaluator.Evaluate(small).Used128Bits);
    }

    [Fact]
    public void The_transform_check_agrees_with_the_direct_check_on_the_parity_constructions()
    {
        foreach (var c in NetClaims.Constructions.ConstructionCatalog.All.Where(c => c.Compact is not null))
            for (int d = Math.Max(2, c.MinD); d <= 12; d++)
            {
                var dim = new Dimension(d);
                var compact = c.Compact!(dim);
                var direct = new CubeEvaluator(c.Build(dim)).Check(Parity.Full(dim));
                var fast = SignUnitEvaluator.Check(compact, Parity.Full(dim));
                Assert.Equal(direct.Mismatches, fast.Mismatches);
                Assert.Equal(direct.MaxAbsError, fast.MaxAbsError);
                Assert.Equal(NetClaims.Norms.NetworkCost.Exact(c.Build(dim)), compact.Cost());
                Assert.Equal(c.Build(dim).Width, compact.Width);
            }
        // False variants: the transform finds the same mismatches, first mismatch and error as the direct scan.
        foreach (var d in new[] { 6, 7, 10 })
        {
            var dim = new Dimension(d);
            var unsigned = NetClaims.Constructions.AveragedBlades.BuildSignUnits(dim, signedQ: false);
            var direct = new CubeEvaluator(unsigned.ToTwoLayerRelu()).Check(Parity.Full(dim));
            var fast = SignUnitEvaluator.Check(unsigned, Parity.Full(dim));
            Assert.False(fast.Interpolates);
            Assert.Equal((direct.Mismatches, direct.FirstMismatch, direct.FirstMismatchValue, direct.MaxAbsError), (fast.Mismatches, fast.FirstMismatch, fast.FirstMismatchValue, fast.MaxAbsError));
        }
    }

    [Fact]
    public void Krawtchouk_values_are_the_transforms_of_hamming_spheres()
    {
        // K_k(j) = Σ_{|z| = k} (−1)^{⟨s,z⟩} at any |s| = j, summed directly for d = 7.
        int d = 7;
        var k = WalshHadamard.Krawtchouk(d);
        for (int r = 0; r <= d; r++)
            for (int j = 0; j <= d; j++)
            {
                ulong s = (1UL << j) - 1;
                long direct = 0;
                for (ulong z = 0; z < 1UL << d; z++)
                    if (System.Numerics.BitOperations.PopCount(z) == r) direct += System.Numerics.BitOperations.PopCount(s & z) % 2 == 0 ? 1 : -1;
                Assert.Equal(direct, k[r, j]);
            }
    }

    static Gen<(int D, double[] Lambda, int[] Biases)> Duals =>
        from d in Gen.Choose(1, 10)
        from seed in Gen.Choose(0, 1_000_000)
        select (d, new Random(seed).Let(r => Enumerable.Range(0, 1 << d).Select(_ => r.NextDouble() * 2 - 1).ToArray()),
            Enumerable.Range(-d, 2 * d + 1).Where(b => (b + d) % 2 == 0 || b == 0).ToArray());

    [Fact]
    public void Pricing_equals_the_direct_sum_for_every_sign_direction_and_bias()
    {
        Prop.ForAll(Duals.ToArbitrary(), c =>
        {
            var (d, lambda, biases) = c;
            var fast = SignDictionaryPricing.Correlations(d, lambda, biases);
            double l1 = lambda.Sum(Math.Abs);
            for (ulong w = 0; w < 1UL << d; w++)
                for (int i = 0; i < biases.Length; i++)
                {
                    double direct = 0;
                    for (ulong x = 0; x < 1UL << d; x++) direct += lambda[x] * Math.Max(0, Vertex.SignDot(w, x, d) - biases[i]);
                    // Rounding of a transform of length 2^d: ≤ d·2^d·ε·|λ|₁·2d relative to the sums' scale; 1e-9 covers it.
                    if (Math.Abs(direct - fast[i][w]) > 1e-9 * (1 + l1 * 2 * d)) return false;
                }
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60).WithReplay(18, 5));
    }

    [Fact]
    public void Exact_integer_pricing_equals_the_direct_sum()
    {
        int d = 8;
        var rng = new Random(3);
        var lambda = Enumerable.Range(0, 1 << d).Select(_ => (long)rng.Next(-100, 101)).ToArray();
        int[] biases = [-7, -2, 0, 3, 6];
        var fast = SignDictionaryPricing.Correlations(d, lambda, biases);
        for (ulong w = 0; w < 1UL << d; w++)
            for (int i = 0; i < biases.Length; i++)
            {
                long direct = 0;
                for (ulong x = 0; x < 1UL << d; x++) direct += lambda[x] * Math.Max(0, Vertex.SignDot(w, x, d) - biases[i]);
                Assert.Equal(direct, fast[i][w]);
            }
    }
}

static class LetExtension
{
    public static TOut Let<TIn, TOut>(this TIn x, Func<TIn, TOut> f) => f(x);
}
