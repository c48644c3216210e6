using NetClaims.Statistics;

namespace NetClaims.Tests.Statistics;

/// <summary>Kendall's τ-b on small cases counted by hand: τ_b = (C − D)/√((C + D + T_x)(C + D + T_y)).</summary>
public sealed class KendallTests
{
    [Fact]
    public void Concordant_and_reversed_orders_give_plus_and_minus_one()
    {
        Assert.Equal(1, Kendall.TauB([1, 2, 3, 4], [10, 20, 30, 40]), 15);
        Assert.Equal(-1, Kendall.TauB([1, 2, 3, 4], [4, 3, 2, 1]), 15);
    }

    [Fact]
    public void Discordant_pairs_count_against()
    {
        // x = (1, 2, 3), y = (3, 1, 2): pairs (1,2) D, (1,3) D, (2,3) C → (1 − 2)/√(3·3).
        Assert.Equal(-1.0 / 3, Kendall.TauB([1, 2, 3], [3, 1, 2]), 15);
    }

    [Fact]
    public void Ties_in_one_variable_enter_only_its_side_of_the_denominator()
    {
        // x = (1, 1, 2, 3), y = (1, 2, 2, 3): (1,2) tie in x, (2,3) tie in y, four concordant → 4/√(5·5) = 0.8.
        Assert.Equal(0.8, Kendall.TauB([1, 1, 2, 3], [1, 2, 2, 3]), 15);
        // Only x tied: x = (1, 1, 2), y = (1, 2, 3): (1,2) tie in x, two concordant → 2/√(3·2).
        Assert.Equal(2 / Math.Sqrt(6), Kendall.TauB([1, 1, 2], [1, 2, 3]), 15);
        // Only y tied: the mirror image.
        Assert.Equal(2 / Math.Sqrt(6), Kendall.TauB([1, 2, 3], [1, 1, 2]), 15);
        // Only y tied, discordant: x = (1, 2, 3), y = (2, 2, 1): (1,2) tie in y, (1,3) D, (2,3) D → −2/√(2·3).
        Assert.Equal(-2 / Math.Sqrt(6), Kendall.TauB([1, 2, 3], [2, 2, 1]), 15);
    }

    [Fact]
    public void A_pair_tied_in_both_is_left_out_and_no_variation_gives_zero()
    {
        // x = (1, 1, 2), y = (1, 1, 3): the first pair is tied in both; the other two are concordant → 2/√(2·2) = 1.
        Assert.Equal(1, Kendall.TauB([1, 1, 2], [1, 1, 3]), 15);
        Assert.Equal(0, Kendall.TauB([2, 2, 2], [1, 2, 3]), 15);
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Kendall.TauB([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => Kendall.TauB([1], [1]));
        Assert.Throws<ArgumentException>(() => Kendall.TauB([1, double.NaN], [1, 2]));
        Assert.Throws<ArgumentException>(() => Kendall.TauB([1, 2], [1, double.PositiveInfinity]));
        Assert.Equal(1, Kendall.TauB([1, 2], [1, 2]), 15);
    }
}
