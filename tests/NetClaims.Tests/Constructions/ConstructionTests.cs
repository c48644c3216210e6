using System.Numerics;
using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Norms;

namespace NetClaims.Tests.Constructions;

/// <summary>
/// Reference values are the [NUM] table of docs/ahs23.md §7 (exhaustive NumPy computation when the digest was written),
/// printed to 6 decimals, hence the tolerance 5e-7.
/// </summary>
public sealed class ConstructionTests
{
    [Theory]
    [InlineData(SawtoothRidge.Name, 2, 9.899495)]
    [InlineData(SawtoothRidge.Name, 9, 63.0)]
    [InlineData(SawtoothRidge.Name, 16, 140.0)]
    [InlineData(SplineRidge.Name, 5, 17.888544)]
    [InlineData(SplineRidge.Name, 12, 76.210236)]
    [InlineData(AveragedBlades.Name, 3, 18.475209)]
    [InlineData(AveragedBlades.Name, 10, 51.399561)]
    [InlineData(AveragedBlades.Name, 16, 81.474437)]
    [InlineData(AveragedBlades.HalfWidthName, 4, 10.666667)]
    [InlineData(AveragedBlades.HalfWidthName, 12, 30.712035)]
    [InlineData(AveragedRelu.Name, 5, 11.925696)]
    [InlineData(AveragedRelu.Name, 9, 21.942857)]
    [InlineData(AveragedRelu.Name, 16, 38.191142)]
    public void Cost_from_weights_matches_the_digest_table(string name, int d, double expected)
    {
        var net = ConstructionCatalog.Get(name).Build(new Dimension(d));
        Assert.InRange(NetworkCost.Exact(net).ToDouble(), expected - 5e-7, expected + 5e-7);
    }

    [Theory]
    [InlineData(2, -1)]
    [InlineData(3, -1)]
    [InlineData(4, 1)]
    [InlineData(5, 1)]
    [InlineData(6, -1)]
    [InlineData(12, 1)]
    public void Sign_of_Q_follows_the_digest(int d, int sign) => Assert.Equal(sign, AveragedBlades.Q(new Dimension(d)).IsNegative ? -1 : 1);

    [Fact]
    public void Normaliser_by_its_defining_sum_equals_the_binomial_closed_form()
    {
        // Two independent formulas for M_d (docs/ahs23.md §1.4): Σ_k (−1)^k C(d,k) σ(d−2k+β) and the binomial closed form.
        for (int d = 2; d <= 40; d++)
            Assert.Equal(AveragedRelu.NormaliserClosedForm(new Dimension(d)), AveragedRelu.NormaliserBySum(new Dimension(d)));
        // Digest values M_2..M_10 = 2, −2, −4, 6, 12, −20, −40, 70, 140.
        Assert.Equal(new BigInteger[] { 2, -2, -4, 6, 12, -20, -40, 70, 140 },
            Enumerable.Range(2, 9).Select(d => AveragedRelu.NormaliserBySum(new Dimension(d))).ToArray());
    }

    [Theory]
    [InlineData(SawtoothRidge.Name, 7, 9)]
    [InlineData(SplineRidge.Name, 7, 6)]
    [InlineData(AveragedBlades.Name, 7, 384)]
    [InlineData(AveragedBlades.HalfWidthName, 7, 384)]
    [InlineData(AveragedRelu.Name, 7, 128)]
    public void Widths(string name, int d, int width) => Assert.Equal(width, ConstructionCatalog.Get(name).Build(new Dimension(d)).Width);

    [Fact]
    public void Averaged_constructions_have_zero_linear_part_so_both_variants_agree()
    {
        foreach (var name in new[] { AveragedBlades.Name, AveragedBlades.HalfWidthName, AveragedRelu.Name, SawtoothRidge.Name })
        {
            var net = ConstructionCatalog.Get(name).Build(new Dimension(6));
            Assert.True(net.HasZeroLinearPart, name);
            Assert.Equal(NetworkCost.Exact(net, RNormVariant.FreeAffine), NetworkCost.Exact(net, RNormVariant.FreeConstant));
        }
    }

    [Fact]
    public void Printed_sawtooth_gives_minus_parity_for_odd_d()
    {
        // docs/ahs23.md §1.1 [NUM]: g_saw = (−1)^d·χ as printed; checked here by the reference rational evaluator.
        var d = new Dimension(5);
        var net = SawtoothRidge.Build(d, oddSignFix: false);
        foreach (var x in Vertex.All(d)) Assert.Equal(-Parity.Full(d).At(x), (int)net.EvaluateExact(x).ToInt32());
    }

    [Fact]
    public void Unknown_construction_is_a_clear_error()
    {
        var e = Assert.Throws<ArgumentException>(() => ConstructionCatalog.Get("sawtooth"));
        Assert.Contains("known:", e.Message);
    }

    [Fact]
    public void Too_large_a_construction_is_refused_before_allocating() =>
        Assert.Throws<SizeRefusedException>(() => AveragedBlades.Build(new Dimension(40)));
}
