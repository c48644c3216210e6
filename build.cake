// NetClaims build targets. Run with: dotnet tool restore && dotnet cake --target=<Target>
//   Build    compile the solution (Release)
//   Test     the xunit suite: unit tests + the claim gate (reports vs snapshots/)
//   Claims   netclaims verify: every claim and its negative control, verdict table
//   Approve  netclaims approve: write current reports to snapshots/ (refused when CI=true)
//   Report   netclaims verify --out artifacts/report: Markdown + JSON report
//   Bench    BenchmarkDotNet suites and the largest-d-in-60-s sweep (not part of CI)
//   Sweep    netclaims sweep --seeds 100: every claim over 100 run seeds, false-failure rates (not part of CI)
//   Pack     the packages NetClaims, NetClaims.Networks, NetClaims.Cli (the netclaims tool) and NetClaims.Templates into artifacts/packages
//   Mutate   Stryker.NET over the machinery the claims depend on (not part of CI; ~43 min on 2 cores)
//   CI       Build, Test, Claims (the default; what .ci/run does)
var target = Argument("target", "CI");
var configuration = Argument("configuration", "Release");
var solution = "./Verify.sln";
// The CLI is built for the SDK's runtime identifier (see Directory.Build.props), so find it under bin/.
string Cli() => GetFiles($"./src/NetClaims.Cli/bin/{configuration}/net10.0/**/NetClaims.Cli.dll").First().FullPath;

void Netclaims(string arguments)
{
    var code = StartProcess("dotnet", new ProcessSettings { Arguments = $"{Cli()} {arguments}" });
    if (code != 0) throw new Exception($"netclaims {arguments} exited with {code}");
}

Task("Build").Does(() =>
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration }));

Task("Test").IsDependentOn("Build").Does(() =>
    DotNetTest(solution, new DotNetTestSettings { Configuration = configuration, NoBuild = true }));

Task("Claims").IsDependentOn("Build").Does(() => Netclaims("verify"));

Task("Approve").IsDependentOn("Build").Does(() =>
{
    if (EnvironmentVariable("CI") == "true") throw new Exception("refusing to approve snapshots when CI=true");
    Netclaims("approve");
});

// The deep profile: 1000 generated cases per claim, exhaustive checks to d = 18, trained nets at larger sizes
// (Theorem 6 to d = 10, the POW reproduction at twice n, width and epochs). Not in CI; expect tens of minutes.
Task("Deep").IsDependentOn("Build").Does(() => Netclaims("verify --profile deep --out artifacts/deep"));

Task("Report").IsDependentOn("Build").Does(() => Netclaims("verify --out artifacts/report"));

Task("Bench").Does(() =>
{
    var project = "./tests/NetClaims.Benchmarks/NetClaims.Benchmarks.csproj";
    DotNetRun(project, "--largest-d 60", new DotNetRunSettings { Configuration = "Release" });
    DotNetRun(project, "--filter * --artifacts artifacts/bench", new DotNetRunSettings { Configuration = "Release" });
});

// The gate's false-failure rate, measured: every claim over 100 run seeds (resumable: re-run to continue), the table
// in artifacts/sweep/sweep.md. Not in CI: about an hour on 2 cores.
Task("Sweep").IsDependentOn("Build").Does(() => Netclaims($"sweep --seeds {Argument("seeds", 100)} --jobs 2 --out artifacts/sweep"));

// Mutation testing of the learning library's Constructions, Norms, Exact, Statistics, Networks and LinearLayers (hot
// evaluation loops aside; docs/mutation.md says why) with the fast unit tests (tests/NetClaims.Tests/stryker-config.json);
// about 43 minutes on 2 cores; the HTML report lands in artifacts/mutation. Not in CI.
Task("Mutate").Does(() =>
{
    var code = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = "stryker --config-file stryker-config.json --output ../../artifacts/mutation",
        WorkingDirectory = "./tests/NetClaims.Tests",
    });
    if (code != 0) throw new Exception($"dotnet stryker exited with {code}");
});

// The packages (with symbols), versioned by Directory.Build.props (override: --version=1.2.3), stamped with the commit.
Task("Pack").IsDependentOn("Build").Does(() =>
{
    var commit = "";
    try
    {
        IEnumerable<string> lines;
        if (StartProcess("git", new ProcessSettings { Arguments = "rev-parse HEAD", RedirectStandardOutput = true }, out lines) == 0) commit = lines.FirstOrDefault() ?? "";
    }
    catch (Exception) { }
    var settings = new DotNetPackSettings
    {
        Configuration = configuration,
        NoBuild = true,
        OutputDirectory = "./artifacts/packages",
        MSBuildSettings = new DotNetMSBuildSettings().WithProperty("RepositoryCommit", commit),
    };
    if (HasArgument("version")) settings.MSBuildSettings.WithProperty("Version", Argument<string>("version"));
    foreach (var project in new[] { "./src/NetClaims.Core/NetClaims.Core.csproj", "./src/NetClaims.Learning/NetClaims.Learning.csproj",
                                    "./src/NetClaims.Cli/NetClaims.Cli.csproj", "./src/NetClaims.Templates/NetClaims.Templates.csproj" })
        DotNetPack(project, settings);
});

Task("CI").IsDependentOn("Test").IsDependentOn("Claims");

RunTarget(target);
