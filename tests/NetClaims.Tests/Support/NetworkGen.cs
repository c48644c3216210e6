using FsCheck;
using FsCheck.Fluent;
using Fractions;
using NetClaims.Cube;
using NetClaims.Networks;

namespace NetClaims.Tests.Support;

/// <summary>
/// FsCheck generators of small exact networks: d ∈ [1, 6], up to 8 units, inner weights either sign vectors or dense
/// integers in [−3, 3], biases and output weights rationals with denominators ≤ 4, and a random affine part.
/// Shrinking drops units (a failing case shrinks towards the fewest neurons that still fail).
/// </summary>
public static class NetworkGen
{
    static Gen<Fraction> SmallRational(int max) =>
        from n in Gen.Choose(-4 * max, 4 * max)
        from den in Gen.Choose(1, 4)
        select new Fraction(n, den);

    static Gen<InnerWeight> Weight(int d) =>
        Gen.OneOf(
            from m in Gen.Choose(0, (1 << d) - 1) select InnerWeight.Sign((ulong)m, d),
            from w in Gen.ArrayOf(Gen.Choose(-3, 3), d) select InnerWeight.Dense(w));

    static Gen<TwoLayerRelu> Network =>
        from d in Gen.Choose(1, 6)
        from k in Gen.Choose(0, 8)
        from units in Gen.ArrayOf(
            from w in Weight(d)
            from b in SmallRational(3)
            from u in SmallRational(2)
            select new ReluUnit(w, b, u), k)
        from v in Gen.ArrayOf(SmallRational(1), d)
        from c in SmallRational(1)
        select new TwoLayerRelu(new Dimension(d), units, v, c);

    static IEnumerable<TwoLayerRelu> Shrink(TwoLayerRelu net) =>
        Enumerable.Range(0, net.Width).Select(i =>
            new TwoLayerRelu(net.Dim, net.Units.Where((_, j) => j != i).ToArray(), net.Linear, net.Constant));

    public static Arbitrary<TwoLayerRelu> Networks() => Arb.From(Network, Shrink);
}
