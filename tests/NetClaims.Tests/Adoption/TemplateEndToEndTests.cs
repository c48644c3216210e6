using System.Diagnostics;
using NetClaims.Tests.Support;

namespace NetClaims.Tests.Adoption;

/// <summary>
/// The adoption path end to end, as a researcher meets it: pack NetClaims, the netclaims tool and the template into a
/// temporary local feed (under a version of its own, so the NuGet cache never mixes it with another build), install the
/// template into a private template hive, instantiate it into a temporary folder, restore the tool and build against
/// that feed, run <c>verify --project</c> (green), break the example (red, with a replay token), repair it and change its
/// report (red: snapshot mismatch), approve (green again), and run the generated xunit gate. About a minute and a half.
/// </summary>
[Trait("kind", "e2e")]
public sealed class TemplateEndToEndTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    readonly string work = Directory.CreateTempSubdirectory("netclaims-e2e-").FullName;
    readonly string version = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    [Fact]
    public void A_new_paper_from_the_template_verifies_fails_with_a_replay_token_approves_and_passes_its_gate()
    {
        string root = SnapshotApprovals.RepositoryRoot(), feed = Path.Combine(work, "feed"), hive = Path.Combine(work, "hive"), paper = Path.Combine(work, "MyPaper");
        // The core and the tool are packed from this build's binaries (--no-build: rebuilding them under another version
        // would rewrite the assemblies other tests are running); the template has no binaries of its own.
        foreach (var project in new[] { "src/NetClaims.Core/NetClaims.Core.csproj", "src/NetClaims.Cli/NetClaims.Cli.csproj" })
            Ok(root, "dotnet", "pack", Path.Combine(root, project), "-c", "Release", "--no-build", "-o", feed, $"-p:Version={version}");
        Ok(root, "dotnet", "pack", Path.Combine(root, "src/NetClaims.Templates/NetClaims.Templates.csproj"), "-c", "Release", "-o", feed, $"-p:Version={version}");
        Ok(root, "dotnet", "new", "install", Path.Combine(feed, $"NetClaims.Templates.{version}.nupkg"), "--debug:custom-hive", hive);
        Ok(work, "dotnet", "new", "netclaims-paper", "-n", "MyPaper", "-o", paper, "--NetClaimsVersion", version, "--debug:custom-hive", hive);
        foreach (var f in new[] { "MyPaper.sln", "README.md", "build.cake", ".github/workflows/claims.yml", ".config/dotnet-tools.json", "snapshots/example.hat.approved.md",
                     "MyPaper.Claims/MyPaper.Claims.csproj", "MyPaper.Claims/ExampleClaims.cs", "MyPaper.Gate/GateTests.cs" })
            Assert.True(File.Exists(Path.Combine(paper, f)), $"the template did not create {f}");

        // This machine's registry: the local feed first; a near FSharp.Core version (NU1603) is not an error here.
        File.WriteAllText(Path.Combine(paper, "nuget.config"),
            $"<?xml version=\"1.0\" encoding=\"utf-8\"?><configuration><packageSources><add key=\"e2e\" value=\"{feed}\" /></packageSources></configuration>");
        File.WriteAllText(Path.Combine(paper, "Directory.Build.props"), "<Project><PropertyGroup><WarningsNotAsErrors>NU1603</WarningsNotAsErrors><NoWarn>NU1603</NoWarn></PropertyGroup></Project>");
        Ok(paper, "dotnet", "tool", "restore");

        var green = Ok(paper, "dotnet", "netclaims", "verify", "--project", "MyPaper.Claims", "--junit", "claims.xml");
        Assert.Contains("1 passed, 0 failed", green);
        Assert.Contains("<testcase classname=\"netclaims.example\" name=\"example.hat\"", File.ReadAllText(Path.Combine(paper, "claims.xml")));

        var source = Path.Combine(paper, "MyPaper.Claims", "ExampleClaims.cs");
        var original = File.ReadAllText(source);
        File.WriteAllText(source, original.Replace("- 2 * Relu(k)", "- Relu(k)"));
        var (code, red) = Run(paper, "dotnet", "netclaims", "verify", "--project", "MyPaper.Claims");
        Assert.Equal(1, code);
        Assert.Contains("FAILED example.hat", red);
        Assert.Contains("replay token: nc1:example.hat/check@", red);

        File.WriteAllText(source, original.Replace("k <= 6; k += 2", "k <= 6; k += 1"));
        var (code2, mismatch) = Run(paper, "dotnet", "netclaims", "verify", "--project", "MyPaper.Claims");
        Assert.Equal(1, code2);
        Assert.Contains("snapshot", mismatch);
        Assert.Contains("approve --claim example.hat --project MyPaper.Claims", mismatch);
        Ok(paper, "dotnet", "netclaims", "approve", "--project", "MyPaper.Claims");
        Assert.Contains("1 passed, 0 failed", Ok(paper, "dotnet", "netclaims", "verify", "--project", "MyPaper.Claims"));
        Assert.Contains("Passed!", Ok(paper, "dotnet", "test", "MyPaper.sln", "-c", "Release"));
    }

    string Ok(string dir, string file, params string[] args)
    {
        var (code, text) = Run(dir, file, args);
        Assert.True(code == 0, $"{file} {string.Join(' ', args)} exited {code}:\n{text}");
        return text;
    }

    (int Code, string Output) Run(string dir, string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        // approve refuses under CI=true, and the fast profile is what a researcher runs at the desk.
        psi.Environment.Remove("CI");
        psi.Environment.Remove("GITHUB_ACTIONS");
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(entireProcessTree: true); throw new TimeoutException($"{file} {string.Join(' ', args)} ran over 5 minutes"); }
        var text = stdout.Result + stderr.Result;
        output.WriteLine($"$ {file} {string.Join(' ', args)}  ({clock.Elapsed.TotalSeconds:F1} s, exit {p.ExitCode})");
        return (p.ExitCode, text);
    }

    public void Dispose()
    {
        try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        // The e2e packages were restored into the global packages folder under their own version: remove them.
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } np ? np
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "netclaims", "netclaims.cli", "netclaims.templates" })
        {
            var dir = Path.Combine(packages, id, version);
            try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
