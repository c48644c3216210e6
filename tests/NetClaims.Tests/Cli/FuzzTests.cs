using FsCheck;
using FsCheck.Fluent;
using NetClaims.Reports;

namespace NetClaims.Tests.Cli;

/// <summary>
/// The bad-input contract, fuzzed: a cheap, otherwise valid command with one field replaced by a malformed value
/// (numbers out of range or not numbers, empty, huge, NaN/∞, odd characters, malformed matrices, tokens and paths) must
/// exit 2 with one line on stderr and nothing on stdout, or run normally (0/1); never 70 (a bug), never a stack trace,
/// and never leave a file behind when it refuses. 300 generated cases per run, fixed seed (deterministic under CI).
/// </summary>
[Collection("console")]
public sealed class FuzzTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("netclaims-fuzz-").FullName;

    public void Dispose() => Directory.Delete(root, true);

    static readonly string[] BadNumbers = ["", "-1", "0", "x", "1e400", "NaN", "inf", "-inf", "2147483648", "99999999999999999999", "1,2", " ", "0x10", "½", "--d"];
    static readonly string[] BadMatrices = ["", ";", "1,2;3", "a,b", "1e400", "NaN", "1,,2", ";;;", "1;2;x", "∞"];
    static readonly string[] BadTokens = ["", "nc1:", "nc2:ahs23.s7.crossover/check@E_1", "nc1:ahs23.s7.crossover/nope@E_1", "nc1:ahs23.s7.crossover/check@", "nc1:ahs23.s7.crossover/check@E_-1",
        "nc1:ahs23.s7.crossover/check@2_12755", "nc1:ahs23.s7.crossover/check@T_abc", "nc1:no.such/check@E_1", "nc1:ahs23.s7.crossover/check@S_99999999999", "nc1:Bad Claim/check@E_1"];

    // (command template, slot to corrupt, the malformed values for that slot); the uncorrupted commands are cheap.
    static readonly (string[] Args, string Slot, string[] Values)[] Templates =
    [
        (["eval", "averaged-blades", "--d", "{}"], "{}", BadNumbers),
        (["eval", "rho", "--d", "{}"], "{}", BadNumbers),
        (["eval", "ridge-cost", "--v", "{}"], "{}", [.. BadNumbers, "1", "1,x", "1e400,1"]),
        (["eval", "schatten", "--matrix", "{}", "--q", "2"], "{}", BadMatrices),
        (["eval", "schatten", "--matrix", "1,2;3,4", "--q", "{}"], "{}", BadNumbers),
        (["eval", "factorization", "--matrix", "1,2;3,4", "--L", "{}"], "{}", BadNumbers),
        (["eval", "phi", "--matrix", "1,2;3,4", "--a", "{}", "--L", "3"], "{}", [.. BadNumbers, "1,2,3"]),
        (["eval", "egop", "--matrix", "1,2;3,4", "--a", "1,1", "--samples", "{}"], "{}", BadNumbers),
        (["eval", "memorize", "--n", "{}", "--d", "4", "--features", "100", "--steps", "1"], "{}", BadNumbers),
        (["eval", "min-rnorm", "--d", "{}", "--ridge"], "{}", BadNumbers),
        (["eval", "vp", "--d", "{}", "--n", "4"], "{}", [.. BadNumbers, "1", "23"]),
        (["eval", "vp", "--d", "4", "--n", "{}"], "{}", [.. BadNumbers, "17"]),
        (["eval", "vp", "--samples", "{}"], "{}", ["", "/nonexistent/samples.txt", "/"]),
        (["eval", "blade-width", "--d", "{}", "--eps", "0.5"], "{}", [.. BadNumbers, "3", "21"]),
        (["eval", "blade-width", "--d", "8", "--eps", "{}"], "{}", [.. BadNumbers, "0", "1", "-0.5"]),
        (["eval", "blade-width", "--d", "8", "--eps", "0.5", "--seeds", "{}"], "{}", [.. BadNumbers, "9", "10001"]),
        (["verify", "--claim", "ahs23.s7.sawtooth-excess", "--replay", "{}", "--out", "{out}"], "{}", BadTokens),
        (["verify", "--claim", "ahs23.s7.sawtooth-excess", "--seed", "{}", "--out", "{out}"], "{}", BadNumbers),
        (["verify", "--claim", "ahs23.s7.sawtooth-excess", "--shard", "{}", "--out", "{out}"], "{}", [.. BadNumbers, "1/0", "2/1", "a/b", "1/1001"]),
        (["verify", "--claim", "{}", "--out", "{out}"], "{}", ["", "no.such", "..", "ahs23..s7", "AHS23"]),
        (["verify", "--claim", "ahs23.s7.sawtooth-excess", "--out", "{}"], "{}", ["", "{file}", "{file}/under"]),
        (["promote", "{}"], "{}", BadTokens),
        (["train", "parity", "--d", "{}", "--steps", "10"], "{}", BadNumbers),
        (["train", "parity", "--d", "4", "--steps", "10", "--lr", "{}"], "{}", BadNumbers),
        (["sweep", "--claim", "ahs23.s7.sawtooth-excess", "--seeds", "{}", "--out", "{out}"], "{}", BadNumbers),
    ];

    [Fact]
    public void Malformed_input_is_refused_in_one_line_or_handled_and_never_crashes()
    {
        var file = Path.Combine(root, "a-file");
        File.WriteAllText(file, "x");
        var gen = from t in Gen.Choose(0, Templates.Length - 1)
                  from v in Gen.Choose(0, 1000)
                  select (Template: t, Value: Templates[t].Values[v % Templates[t].Values.Length]);
        int cases = 0;
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            cases++;
            var (args, slot, _) = Templates[c.Template];
            var outDir = Path.Combine(root, $"out-{cases}");
            var argv = args.Select(a => a.Replace(slot, c.Value).Replace("{out}", outDir).Replace("{file}", file)).ToArray();
            var (code, stdout, stderr) = CliTests.Run(argv);
            string shown = string.Join(" ", argv);
            Assert.True(code is 0 or 1 or 2, $"{shown}: exit {code}: {stderr}");
            Assert.DoesNotContain("   at ", stderr);
            Assert.DoesNotContain("System.", stderr);
            if (code == 2)
            {
                Assert.True(stdout.Length == 0, $"{shown}: stdout on refusal: {stdout}");
                var lines = stderr.Trim().Split('\n');
                Assert.True(lines.Length == 1 && lines[0].StartsWith("netclaims:", StringComparison.Ordinal), $"{shown}: {stderr}");
                Assert.False(Directory.Exists(outDir), $"{shown}: wrote {outDir} although it refused");
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(20261201, 7));
        Assert.Equal(300, cases);
        Assert.Equal("x", File.ReadAllText(file));
    }
}

/// <summary>Faults while writing: the previous report survives whole, and nothing half-written is left.</summary>
public sealed class WriteFaultTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("netclaims-fault-").FullName;

    public void Dispose() => Directory.Delete(root, true);

    [Fact]
    public void A_report_write_that_fails_half_way_leaves_the_previous_report_intact()
    {
        var dir = Path.Combine(root, "report");
        ReportFolder.Replace(dir, s => { File.WriteAllText(Path.Combine(s, "report.json"), "{\"old\": true}"); File.WriteAllText(Path.Combine(s, "report.md"), "old"); });
        // A full disk (or a crash) after the first of several files.
        Assert.Throws<IOException>(() => ReportFolder.Replace(dir, s =>
        {
            File.WriteAllText(Path.Combine(s, "report.json"), "{\"new\": true}");
            throw new IOException("No space left on device");
        }));
        Assert.Equal("{\"old\": true}", File.ReadAllText(Path.Combine(dir, "report.json")));
        Assert.Equal("old", File.ReadAllText(Path.Combine(dir, "report.md")));
        Assert.Single(Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public void An_atomic_file_write_that_fails_leaves_the_old_file_and_no_temp_file()
    {
        var path = Path.Combine(root, "entry.json");
        AtomicFile.WriteAllText(path, "old");
        // A folder in the way of the rename: the move fails after the temp file was written.
        var blocked = Path.Combine(root, "blocked");
        Directory.CreateDirectory(blocked);
        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllText(blocked, "new"));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(root, "*.tmp"));
    }
}
