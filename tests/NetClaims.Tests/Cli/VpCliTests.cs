namespace NetClaims.Tests.Cli;

/// <summary><c>netclaims eval vp</c>: its output fields, and one line for every malformed sample file. In-process like
/// <see cref="CliTests"/>, so in its "console" collection (Console.SetOut is process-wide).</summary>
[Collection("console")]
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

    [Fact]
    public void The_search_dictionary_reports_its_gap_and_the_correlation_range_of_the_optimal_face()
    {
        var (code, stdout, stderr) = CliTests.Run("eval", "vp", "--d", "6", "--n", "12", "--dictionary", "search", "--format", "json");
        Assert.True(code == 0, stderr);
        var json = System.Text.Json.Nodes.JsonNode.Parse(stdout)!;
        Assert.Equal("search", (string)json["dictionary"]!);
        Assert.Equal("{−1,0,1}^d", (string)json["exact_dictionary"]!);
        Assert.True((double)json["lower_bound"]! <= (double)json["cost"]! * (1 + 1e-9));
        double lo = (double)json["correlation_face_min"]!, hi = (double)json["correlation_face_max"]!, corr = (double)json["correlation"]!;
        Assert.True(lo <= corr + 1e-6 && corr <= hi + 1e-6, $"{corr} outside [{lo}, {hi}]");
    }

    [Fact]
    public void The_parity_learning_study_writes_its_points_table_and_figures()
    {
        var outDir = Path.Combine(dir, "study");
        var (code, stdout, stderr) = CliTests.Run("study", "parity-learning", "--d", "4,5", "--seeds", "2", "--out", outDir, "--format", "json");
        Assert.True(code == 0, stderr);
        var json = System.Text.Json.Nodes.JsonNode.Parse(stdout)!;
        Assert.Equal(0, (int)json["uncertified"]!);
        var lines = System.IO.File.ReadAllLines(Path.Combine(outDir, "points.jsonl"));
        Assert.Equal((int)json["solves"]!, lines.Length);
        Assert.True(lines.Length >= 4);
        foreach (var f in new[] { "curves.md", "distance-vs-n-over-d2.png", "correlation-vs-n-over-d.png" })
            Assert.True(new FileInfo(Path.Combine(outDir, f)).Length > 0, f);
    }

    [Theory]
    [InlineData("--d", "3")]
    [InlineData("--d", "8,x")]
    [InlineData("--d", "17")]
    [InlineData("--seeds", "0")]
    [InlineData("--max-n", "5000")]
    [InlineData("--dictionary", "dense")]
    public void Bad_study_options_are_one_line_and_exit_2_before_any_work(string option, string value)
    {
        var outDir = Path.Combine(dir, "never");
        var (code, stdout, stderr) = CliTests.Run("study", "parity-learning", option, value, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.False(Directory.Exists(outDir));
    }
}
