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
    // A network of 1–40 sign-direction units on d ∈ [1, 14], directions drawn from a pool (so some repeat), biases k/2 and
    // outputs k/3 with small k, and a small affine part.
    static Gen<TwoLayerRelu> Networks =>
        from d in Gen.Choose(1, 14)
        from width in Gen.Choose(1, 40)
        from seed in Gen.Choose(0, 1_000_000)
        select Make(d, width, seed);

    static TwoLayerRelu Make(int d, int width, int seed)
    {
        var rng = new Random(seed);
        var pool = Enumerable.Range(0, 1 + rng.Next(width)).Select(_ => (ulong)rng.NextInt64() & ((1UL << d) - 1)).ToArray();
        var units = Enumerable.Range(0, width).Select(_ => new ReluUnit(InnerWeight.Sign(pool[rng.Next(pool.Length)], d),
            new Fraction(rng.Next(-2 * d, 2 * d + 1), 2), new Fraction(rng.Next(-9, 10), 3))).ToArray();
        var linear = Enumerable.Range(0, d).Select(_ => new Fraction(rng.Next(-3, 4), 4)).ToArray();
        return new TwoLayerRelu(new Dimension(d), units, linear, new Fraction(rng.Next(-5, 6), 7));
    }

    [Fact]
    public void The_transform_equals_the_direct_evaluator_on_every_vertex()
    {
        Prop.ForAll(Networks.ToArbitrary(), net =>
        {
            var ev = new CubeEvaluator(net);
            var values = ev.ValuesByTransform();
            for (ulong x = 0; x < (ulong)values.Length; x++)
                if (values[x] != ev.Evaluate(x).Exact) return false;
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(150).WithReplay(18, 3));
    }

    [Fact]
    public void The_transform_check_agrees_with_the_direct_check_on_the_parity_constructions()
    {
        foreach (var name in new[] { NetClaims.Constructions.AveragedBlades.Name, NetClaims.Constructions.AveragedRelu.Name, NetClaims.Constructions.AveragedBlades.HalfWidthName })
            for (int d = 2; d <= 12; d++)
            {
                var c = NetClaims.Constructions.ConstructionCatalog.Get(name);
                var ev = new CubeEvaluator(c.Build(new Dimension(d)));
                var direct = ev.Check(Parity.Full(new Dimension(d)));
                var fast = ev.CheckByTransform(Parity.Full(new Dimension(d)));
                Assert.Equal(direct.Mismatches, fast.Mismatches);
                Assert.Equal(direct.MaxAbsError, fast.MaxAbsError);
            }
        // A false variant: the transform finds the same first mismatch as the direct scan.
        var unsigned = NetClaims.Constructions.AveragedBlades.Build(new Dimension(6), signedQ: false);
        var e = new CubeEvaluator(unsigned);
        Assert.Equal(e.Check(Parity.Full(new Dimension(6))).FirstMismatch, e.CheckByTransform(Parity.Full(new Dimension(6))).FirstMismatch);
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
