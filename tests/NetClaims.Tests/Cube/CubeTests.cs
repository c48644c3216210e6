using NetClaims.Cube;

namespace NetClaims.Tests.Cube;

public sealed class ParityTests
{
    [Fact]
    public void Full_parity_is_the_product_of_coordinates()
    {
        var d = new Dimension(5);
        foreach (var x in Vertex.All(d))
        {
            int product = 1;
            for (int i = 0; i < 5; i++) product *= Vertex.Coordinate(x, i);
            Assert.Equal(product, Parity.Full(d).At(x));
        }
    }

    [Fact]
    public void Subset_parity_ignores_coordinates_outside_the_subset()
    {
        var d = new Dimension(4);
        var chi = Parity.Of(d, [0, 2]);
        Assert.Equal(2, chi.Degree);
        foreach (var x in Vertex.All(d)) Assert.Equal(Vertex.Coordinate(x, 0) * Vertex.Coordinate(x, 2), chi.At(x));
    }

    [Fact]
    public void Subset_index_out_of_range_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Parity.Of(new Dimension(3), [3]));
}

public sealed class VertexTests
{
    [Fact]
    public void Sign_dot_equals_the_dense_inner_product()
    {
        var d = new Dimension(6);
        foreach (ulong s in new ulong[] { 0, 1, 0b101010, 63 })
            foreach (var x in Vertex.All(d))
            {
                int dense = 0;
                for (int i = 0; i < 6; i++) dense += Vertex.Coordinate(s, i) * Vertex.Coordinate(x, i);
                Assert.Equal(dense, Vertex.SignDot(s, x, 6));
            }
    }

    [Fact]
    public void Enumeration_streams_two_to_the_d_vertices() => Assert.Equal(1 << 10, Vertex.All(new Dimension(10)).Count());
}

public sealed class DimensionTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(63)]
    public void Out_of_range_dimensions_are_refused_with_a_message(int d)
    {
        var e = Assert.Throws<SizeRefusedException>(() => new Dimension(d));
        Assert.Contains($"d={d}", e.Message);
    }

    [Fact]
    public void Sizes_beyond_memory_are_refused_before_allocation()
    {
        var e = Assert.Throws<SizeRefusedException>(() => SizeGuard.EnsureFits("a test table", 1e15, 8));
        Assert.Contains("a test table", e.Message);
    }
}
