namespace NetClaims.Tests.Cli;

/// <summary><c>netclaims eval vp</c>: its output fields, and one line for every malformed sample file.</summary>
public sealed class VpCliTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("netclaims-vp-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    string File(string text)
    {
        var path = Path.Combine(dir, Guid.NewGuid().ToString("N") + ".txt");
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_sample_file_is_solved_with_its_certificate()
    {
        // Three vertices of {±1}^3 with their own labels; the last line takes χ by default.
        var (code, stdout, stderr) = CliTests.Run("eval", "vp", "--samples", File("# x1 x2 x3 label\n1 1 1 1\n-1,1,1,1\n1 -1 -1\n"), "--format", "json");
        Assert.True(code == 0, stderr);
        var json = System.Text.Json.Nodes.JsonNode.Parse(stdout)!;
        Assert.Equal(3, (int)json["d"]!);
        Assert.Equal(3, (int)json["n"]!);
        Assert.True((bool)json["certified"]!);
        Assert.True((double)json["cost"]! >= 0);
    }

    [Theory]
    [InlineData("1 1 2\n")]
    [InlineData("1 1 1\n1 1\n")]
    [InlineData("1 1 1\n1 1 1\n")]
    [InlineData("# nothing\n")]
    [InlineData("1\n")]
    public void A_malformed_sample_file_is_one_line_and_exit_2(string text)
    {
        var (code, stdout, stderr) = CliTests.Run("eval", "vp", "--samples", File(text));
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }
}
