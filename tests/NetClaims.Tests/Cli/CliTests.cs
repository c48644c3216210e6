using System.Text.Json.Nodes;
using NetClaims.Cli;

namespace NetClaims.Tests.Cli;

[CollectionDefinition("console", DisableParallelization = true)]
public sealed class ConsoleCollection;

/// <summary>The CLI in-process: exit codes, JSON fields, one-line errors. Console and environment are process-wide, hence one collection.</summary>
[Collection("console")]
public sealed class CliTests
{
    internal static (int Code, string Out, string Err) Run(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (o, e) = (new StringWriter(), new StringWriter());
        Console.SetOut(o);
        Console.SetError(e);
        try
        {
            return (NetClaims.Cli.Cli.Run(NetClaims.Cli.Cli.CreateRoot(), args), o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    [Fact]
    public void Eval_prints_the_exact_cost_as_json()
    {
        var (code, stdout, _) = Run("eval", "averaged-blades", "--d", "13", "--format", "json");
        Assert.Equal(0, code);
        var o = JsonNode.Parse(stdout)!;
        Assert.Equal("averaged-blades", (string?)o["construction"]);
        Assert.Equal(13, (int)o["d"]!);
        Assert.Equal(3 * 8192, (int)o["width"]!);
        // 4·√13·2^13/C(13,6) = 8192/429·√13 (docs/ahs23.md §1.3 formula).
        Assert.Equal("8192/429·√13", (string?)o["cost_exact"]);
        Assert.True((bool)o["interpolates"]!);
        Assert.InRange((double)o["max_abs_error"]!, 0, 1e-9);
        Assert.InRange((double)o["cost"]!, 68.85006071934 - 1e-9, 68.85006071934 + 1e-9);
    }

    [Theory]
    [InlineData("eval", "nope", "--d", "3")]
    [InlineData("eval", "averaged-blades", "--d", "0")]
    [InlineData("eval", "averaged-blades", "--d", "63")]
    [InlineData("eval", "averaged-blades", "--d", "40")]
    [InlineData("eval", "averaged-blades", "--d", "x")]
    [InlineData("eval", "averaged-blades", "--d", "5", "--format", "yaml")]
    [InlineData("verify", "--claim", "no.such.claim")]
    [InlineData("verify", "--replay", "not-a-token")]
    [InlineData("verify", "--replay", "no.such.claim/check@1_2_3_")]
    [InlineData("frobnicate")]
    [InlineData("verify", "--shard", "0/2")]
    [InlineData("verify", "--shard", "3/2")]
    [InlineData("verify", "--profile", "turbo")]
    [InlineData("merge", "/nonexistent/netclaims-shard")]
    [InlineData("report", "--from", "/nonexistent/netclaims-report")]
    [InlineData("promote", "not-a-token")]
    [InlineData("promote", "nc1:no.such.claim/check@1_2_3_")]
    [InlineData("train", "parity", "--d", "40")]
    [InlineData("train", "parity", "--d", "4", "--device", "tpu")]
    [InlineData("train", "parity", "--d", "4", "--optimizer", "lbfgs")]
    [InlineData("train", "parity", "--d", "4", "--lr", "-1")]
    [InlineData("train", "parity", "--d", "14", "--width", "16000000")]
    [InlineData("train", "pow", "--L", "2,x")]
    [InlineData("train", "pow", "--device", "tpu")]
    [InlineData("train", "pow", "--schedule", "cosine")]
    [InlineData("train", "pow", "--steps", "0")]
    [InlineData("train", "teacher-student", "--k", "9", "--d", "3")]
    public void Bad_usage_is_one_line_on_stderr_and_exit_2(params string[] args)
    {
        var (code, stdout, stderr) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("netclaims:", stderr);
    }

    [Fact]
    public void List_as_json_names_id_source_tier_and_statement()
    {
        var (code, stdout, _) = Run("list", "--format", "json");
        Assert.Equal(0, code);
        var arr = JsonNode.Parse(stdout)!.AsArray();
        Assert.NotEmpty(arr);
        foreach (var c in arr)
            foreach (var key in new[] { "id", "source", "tier", "statement", "negative_control" })
                Assert.False(string.IsNullOrEmpty((string?)c![key]), key);
    }

    [Fact]
    public void Verify_writes_json_with_the_documented_fields_and_exit_0()
    {
        var dir = Directory.CreateTempSubdirectory("netclaims-verify-").FullName;
        try
        {
            var (code, stdout, _) = Run("verify", "--claim", "ahs23.s7.sawtooth-excess", "--format", "json", "--out", dir);
            Assert.Equal(0, code);
            var claim = JsonNode.Parse(stdout)!["claims"]!.AsArray().Single()!;
            Assert.Equal("holds", (string?)claim["verdict"]);
            Assert.Equal("refuted", (string?)claim["negative_control"]);
            Assert.True((int)claim["cases"]! > 0);
            Assert.True(claim.AsObject().ContainsKey("seconds") && claim.AsObject().ContainsKey("replay"));
            Assert.True(File.Exists(Path.Combine(dir, "report.md")) && File.Exists(Path.Combine(dir, "report.json")));
            Assert.True(File.Exists(Path.Combine(dir, "claims", "ahs23.s7.sawtooth-excess.md")));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Sharded_verify_then_merge_gives_one_verdict_and_report_rewrites_it()
    {
        var root = Directory.CreateTempSubdirectory("netclaims-cli-shard-").FullName;
        try
        {
            var dirs = new[] { Path.Combine(root, "s1"), Path.Combine(root, "s2") };
            for (int k = 1; k <= 2; k++)
                Assert.Equal(0, Run("verify", "--claim", "ahs23.s7", "--profile", "ci", "--shard", $"{k}/2", "--out", dirs[k - 1]).Code);
            var (code, stdout, _) = Run(["merge", .. dirs, "--out", Path.Combine(root, "merged"), "--format", "json"]);
            Assert.Equal(0, code);
            var doc = JsonNode.Parse(stdout)!;
            Assert.Equal("1/1", (string?)doc["shard"]);
            Assert.Equal(3, (int)doc["passed"]!);
            Assert.Equal(0, Run("report", "--from", Path.Combine(root, "merged"), "--out", Path.Combine(root, "again")).Code);
            Assert.True(File.Exists(Path.Combine(root, "again", "netclaims.tex")));
            Assert.True(File.Exists(Path.Combine(root, "again", "plots", "ahs23.s7.cost-order.costs-loglog.png")));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public void Train_parity_prints_the_documented_json_and_cuda_without_a_gpu_is_refused()
    {
        var (code, stdout, _) = Run("train", "parity", "--d", "4", "--width", "16", "--steps", "200", "--format", "json");
        Assert.Equal(0, code);
        var o = System.Text.Json.Nodes.JsonNode.Parse(stdout)!.AsObject();
        foreach (var field in new[] { "final_loss", "distance_to_parity", "cost", "theorem6_bound", "seconds", "device" }) Assert.True(o.ContainsKey(field), field);
        Assert.Equal("cpu-f32", (string?)o["device"]);
        if (NetClaims.Training.IlgpuTrainer.CudaAvailable()) return;
        var (cuda, cudaOut, err) = Run("train", "parity", "--d", "4", "--device", "cuda");
        Assert.Equal(2, cuda);
        Assert.Equal("", cudaOut);
        Assert.Contains("no CUDA device", err);
    }

    [Fact]
    public void Approve_is_refused_when_CI_is_true()
    {
        var old = Environment.GetEnvironmentVariable("CI");
        Environment.SetEnvironmentVariable("CI", "true");
        try
        {
            var (code, _, stderr) = Run("approve", "--claim", "ahs23.s7.sawtooth-excess");
            Assert.Equal(2, code);
            Assert.Contains("CI=true", stderr);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CI", old);
        }
    }
}
