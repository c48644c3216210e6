using NetClaims.Cube;
using NetClaims.Claims;

namespace NetClaims.Tests.Cli;

/// <summary>
/// Bad input and faults that once lost stored regressions or passed without checking: each is one line on stderr,
/// exit 2, before any work, and nothing on disk changes.
/// </summary>
[Collection("console")]
public sealed class BadInputTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("netclaims-bad-").FullName;

    public void Dispose() => Directory.Delete(root, true);

    static (int Code, string Out, string Err) Run(params string[] args) => CliTests.Run(args);

    static void OneLine((int Code, string Out, string Err) r, string contains)
    {
        Assert.Equal(2, r.Code);
        Assert.Equal("", r.Out);
        Assert.Single(r.Err.Trim().Split('\n'));
        Assert.Contains(contains, r.Err);
    }

    [Fact]
    public void Output_folders_are_checked_before_any_claim_runs()
    {
        var file = Path.Combine(root, "a-file");
        File.WriteAllText(file, "keep me");
        var notAReport = Path.Combine(root, "mine");
        Directory.CreateDirectory(notAReport);
        File.WriteAllText(Path.Combine(notAReport, "thesis.tex"), "keep me too");
        OneLine(Run("verify", "--claim", "ahs23.s7.sawtooth-excess", "--out", file), "is a file");
        OneLine(Run("verify", "--claim", "ahs23.s7.sawtooth-excess", "--out", Path.Combine(file, "report")), "is a file");
        OneLine(Run("verify", "--claim", "ahs23.s7.sawtooth-excess", "--out", ""), "--out needs a folder");
        OneLine(Run("verify", "--claim", "ahs23.s7.sawtooth-excess", "--out", notAReport), "holds no NetClaims report");
        Assert.Equal("keep me", File.ReadAllText(file));
        Assert.Equal("keep me too", File.ReadAllText(Path.Combine(notAReport, "thesis.tex")));
    }

    [Fact]
    public void A_report_folder_is_replaced_whole_and_stale_files_do_not_survive()
    {
        var dir = Path.Combine(root, "report");
        Assert.Equal(0, Run("verify", "--claim", "ahs23.s7.sawtooth-excess", "--out", dir).Code);
        File.WriteAllText(Path.Combine(dir, "claims", "stale.md"), "from an older run");
        Assert.Equal(0, Run("verify", "--claim", "ahs23.s7.crossover", "--out", dir).Code);
        Assert.False(File.Exists(Path.Combine(dir, "claims", "stale.md")));
        Assert.False(File.Exists(Path.Combine(dir, "claims", "ahs23.s7.sawtooth-excess.md")));
        Assert.True(File.Exists(Path.Combine(dir, "claims", "ahs23.s7.crossover.md")));
        Assert.Empty(Directory.GetDirectories(root, ".report.*"));
    }

    [Fact]
    public void Merge_refuses_to_write_over_one_of_its_inputs()
    {
        var s1 = Path.Combine(root, "s1");
        Assert.Equal(0, Run("verify", "--claim", "ahs23.s7.sawtooth-excess", "--profile", "ci", "--shard", "1/1", "--out", s1).Code);
        var before = File.ReadAllText(Path.Combine(s1, "report.json"));
        OneLine(Run("merge", s1, "--out", s1), "one of the shards");
        Assert.Equal(before, File.ReadAllText(Path.Combine(s1, "report.json")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("nc1:ahs23.s7.crossover/check@2_12755")]
    [InlineData("nc1:ahs23.s7.crossover/check@T_abc")]
    [InlineData("nc1:ahs23.s7.crossover/check@-5_1_1_")]
    [InlineData("nc1:ahs23.s7.crossover/check@S_99999999999")]
    public void A_replay_token_that_cannot_be_replayed_is_a_usage_error(string token)
    {
        var dir = Path.Combine(root, "untouched");
        OneLine(Run("verify", "--replay", token, "--out", dir), "netclaims:");
        Assert.False(Directory.Exists(dir));
    }

    [Theory]
    [InlineData("verify", "--project", "/nonexistent/Claims.csproj")]
    [InlineData("verify", "--assembly", "/nonexistent/Claims.dll")]
    [InlineData("verify", "--project", "a.csproj", "--assembly", "b.dll")]
    [InlineData("verify", "--junit", "/nonexistent/folder/claims.xml")]
    [InlineData("list", "--assembly", "/etc/hostname")]
    [InlineData("approve", "--project", "/nonexistent")]
    public void A_claims_project_or_output_that_cannot_be_used_is_one_line_before_any_work(params string[] args)
    {
        var dir = Path.Combine(root, "untouched");
        OneLine(Run([.. args, .. args[0] == "verify" ? new[] { "--out", dir } : []]), "netclaims:");
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void A_replay_token_for_another_claim_than_the_selected_one_is_a_usage_error()
    {
        OneLine(Run("verify", "--claim", "ahs23.s7.crossover", "--replay", "nc1:ahs23.s7.sawtooth-excess/check@E_3"), "does not select");
    }

    [Fact]
    public void Promote_refuses_a_token_its_claim_cannot_replay()
    {
        // A Hedgehog token for an enumerated check, and an enumeration index beyond the range.
        OneLine(Run("promote", "nc1:ahs23.s7.crossover/check@2_1_1_"), "cannot be replayed");
        OneLine(Run("promote", "nc1:ahs23.s7.crossover/check@E_400"), "cannot be replayed");
        Assert.False(File.Exists(Path.Combine(NetClaims.Tests.Support.SnapshotApprovals.Directory, "examples", "ahs23.s7.crossover.tokens")));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("1")]
    [InlineData("yes")]
    [InlineData("TRUE")]
    public void Approve_is_refused_for_every_truthy_CI(string value)
    {
        var old = Environment.GetEnvironmentVariable("CI");
        Environment.SetEnvironmentVariable("CI", value);
        try
        {
            OneLine(Run("approve", "--claim", "ahs23.s7.sawtooth-excess"), "refusing to approve");
        }
        finally
        {
            Environment.SetEnvironmentVariable("CI", old);
        }
    }

    [Fact]
    public void An_unexpected_exception_is_one_line_exit_70_and_a_log_file()
    {
        var (oldErr, err) = (Console.Error, new StringWriter());
        Console.SetError(err);
        int code;
        try
        {
            code = NetClaims.Cli.Cli.Internal(new NullReferenceException("Object reference not set to an instance of an object."));
        }
        finally
        {
            Console.SetError(oldErr);
        }
        Assert.Equal(70, code);
        var line = Assert.Single(err.ToString().Trim().Split('\n'));
        Assert.StartsWith("netclaims: internal error:", line);
        Assert.DoesNotContain("System.", line);
        Assert.DoesNotContain(" at ", line);
        var log = line[(line.IndexOf("details in ", StringComparison.Ordinal) + "details in ".Length)..];
        Assert.Contains("NullReferenceException", File.ReadAllText(log));
        File.Delete(log);
    }

    [Fact]
    public void Parse_errors_name_the_kind_of_value_not_a_dotnet_type()
    {
        var r = Run("verify", "--seed", "-1");
        OneLine(r, "non-negative whole number");
        Assert.DoesNotContain("System.", r.Err);
    }

    [Fact]
    public void Verify_without_snapshots_fails_unless_told_not_to_compare()
    {
        var old = Environment.GetEnvironmentVariable("NETCLAIMS_SNAPSHOTS");
        Environment.SetEnvironmentVariable("NETCLAIMS_SNAPSHOTS", Path.Combine(root, "no-such-snapshots"));
        try
        {
            OneLine(Run("verify", "--claim", "ahs23.s7.sawtooth-excess", "--out", Path.Combine(root, "r")), "no snapshots/ folder found");
            Assert.Equal(0, Run("verify", "--claim", "ahs23.s7.sawtooth-excess", "--no-snapshots", "--out", Path.Combine(root, "r")).Code);
        }
        finally
        {
            Environment.SetEnvironmentVariable("NETCLAIMS_SNAPSHOTS", old);
        }
    }
}

/// <summary>The failure database keeps what it cannot replay, and never reads what is not a regular file.</summary>
public sealed class FailureStoreSafetyTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("netclaims-store-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    static readonly ClaimId Id = new("test.store");

    [Fact]
    public void An_entry_filed_under_the_wrong_claim_is_kept_with_a_warning_not_deleted_as_passing()
    {
        var other = new FailureStore(dir).Add(new ReplayToken(new ClaimId("test.other"), ClaimRole.Check, "2_1_1_"), "from another claim");
        var misfiled = Path.Combine(dir, Id.Value, Path.GetFileName(other));
        Directory.CreateDirectory(Path.GetDirectoryName(misfiled)!);
        File.Move(other, misfiled);
        var store = new FailureStore(dir);
        var outcome = DimensionChecks.ForAll(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default.WithProfile(Profile.FastProfile).WithFailures(store)), 1, 5, _ => CaseResult.Pass("ok"));
        Assert.IsType<CheckOutcome.Holds>(outcome);
        Assert.True(File.Exists(misfiled));
        Assert.Contains(store.Problems, p => p.Contains("names test.other"));
    }

    [Fact]
    public void A_stored_token_of_the_wrong_kind_is_kept_with_a_warning()
    {
        var store = new FailureStore(dir);
        var path = store.Add(new ReplayToken(Id, ClaimRole.Check, "S_42"), "a statistic's token under a generated check");
        var outcome = DimensionChecks.ForAll(new ClaimContext(Id, ClaimRole.Check, RunSettings.Default.WithProfile(Profile.FastProfile).WithFailures(store)), 1, 5, _ => CaseResult.Pass("ok"));
        Assert.IsType<CheckOutcome.Holds>(outcome);
        Assert.True(File.Exists(path));
        Assert.Single(store.Problems, p => p.Contains("cannot be replayed and was kept"));
    }

    [Fact]
    public void A_fifo_in_the_store_is_skipped_not_read()
    {
        if (OperatingSystem.IsWindows()) return;
        Directory.CreateDirectory(Path.Combine(dir, Id.Value));
        var fifo = Path.Combine(dir, Id.Value, "pipe.json");
        using (var p = System.Diagnostics.Process.Start("mkfifo", fifo)) p.WaitForExit();
        var store = new FailureStore(dir);
        Assert.Empty(store.For(Id, ClaimRole.Check));
        Assert.Single(store.Problems, p => p.Contains("not a regular file"));
    }
}
