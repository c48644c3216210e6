using System.CommandLine;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using NetClaims.Claims;
using NetClaims.Reports;

namespace NetClaims.Cli;

/// <summary>
/// Whose claims a command runs: this repository's catalogue (default), a built assembly (<c>--assembly X.dll</c>), or a
/// project that is built first (<c>--project X.csproj</c>, Release). For a user's claims the project root is the nearest
/// folder above the project (or assembly) that has a <c>snapshots/</c> folder, else the project's own folder: its
/// <c>snapshots/</c> and <c>.netclaims/failures</c> are used, as this repository uses its own.
/// Discovery is <see cref="ClaimSource.FromAssembly"/>: public <c>IClaimSource</c> classes with a parameterless
/// constructor, else the public static <c>Claim</c> properties of public static classes.
/// </summary>
internal sealed record ClaimTarget(IClaimSource Source, string Root, SnapshotStore? Snapshots, bool External)
{
    public static Option<string?> ProjectOption() => new("--project") { Description = "Run the claims of this project (built first, Release); its snapshots/ are used" };

    public static Option<string?> AssemblyOption() => new("--assembly") { Description = "Run the claims of this built assembly; snapshots/ of the project above it are used" };

    /// <summary>The failure database of the target (NETCLAIMS_FAILURES still wins for this repository).</summary>
    public FailureStore Failures(string? overridePath) =>
        overridePath is not null ? new FailureStore(overridePath)
        : External ? new FailureStore(Path.Combine(Root, ".netclaims", "failures"))
        : FailureStore.Locate();

    /// <summary>Where a claim is defined, relative to the target's root (for CI annotations).</summary>
    public SourceLocation? Locate(string id)
    {
        var c = Source.Claims.FirstOrDefault(x => x.Id.Value == id);
        return c?.SourcePath(GitRoot(Root)) is { } p && c.SourceLine > 0 ? new SourceLocation(p, c.SourceLine) : null;
    }

    static string GitRoot(string start)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, ".git")) || File.Exists(Path.Combine(d.FullName, ".git"))) return d.FullName;
        return start;
    }

    /// <summary>The target the options name (both at once is a usage error).</summary>
    public static ClaimTarget Resolve(string? project, string? assembly)
    {
        if (project is not null && assembly is not null) throw new UsageException("give --project or --assembly, not both");
        if (project is not null) return FromProject(project);
        if (assembly is not null) return FromAssembly(Path.GetFullPath(assembly), null);
        var snapshots = SnapshotStore.Locate();
        return new ClaimTarget(Cli.Source, snapshots is null ? Environment.CurrentDirectory : Path.GetDirectoryName(snapshots.Directory)!, snapshots, false);
    }

    static ClaimTarget FromProject(string project)
    {
        var path = Path.GetFullPath(project);
        if (Directory.Exists(path))
        {
            var found = Directory.GetFiles(path, "*.csproj");
            if (found.Length != 1) throw new UsageException($"--project {project}: expected one .csproj in the folder, found {found.Length}");
            path = found[0];
        }
        if (!File.Exists(path)) throw new UsageException($"--project {project}: no such project file");
        Console.Error.WriteLine($"netclaims: building {Path.GetFileName(path)} (Release)");
        var (code, output) = Dotnet("build", path, "-c", "Release", "-nologo", "-v", "q");
        if (code != 0)
            throw new UsageException($"building {Path.GetFileName(path)} failed (dotnet build exit {code}): {output.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))?.Trim() ?? "run dotnet build to see why"}");
        var (c2, targetPath) = Dotnet("msbuild", path, "-getProperty:TargetPath", "-p:Configuration=Release", "-nologo");
        if (c2 != 0 || string.IsNullOrWhiteSpace(targetPath)) throw new UsageException($"could not ask {Path.GetFileName(path)} for its TargetPath");
        return FromAssembly(targetPath.Trim(), Path.GetDirectoryName(path));
    }

    static ClaimTarget FromAssembly(string dll, string? projectDir)
    {
        if (!File.Exists(dll)) throw new UsageException($"--assembly {dll}: no such file");
        var folder = Path.GetDirectoryName(dll)!;
        // Dependencies resolve from the assembly's own folder; the harness's own assemblies (already loaded) are shared,
        // so the user's Claim is this process's Claim.
        AssemblyLoadContext.Default.Resolving += (ctx, name) =>
            File.Exists(Path.Combine(folder, name.Name + ".dll")) ? ctx.LoadFromAssemblyPath(Path.Combine(folder, name.Name + ".dll")) : null;
        Assembly asm;
        try
        {
            asm = AssemblyLoadContext.Default.LoadFromAssemblyPath(dll);
        }
        catch (BadImageFormatException)
        {
            throw new UsageException($"--assembly {dll}: not a .NET assembly");
        }
        var root = SnapshotStore.Nearest(projectDir ?? folder) is { } found ? Path.GetDirectoryName(found.Directory)! : projectDir ?? folder;
        IClaimSource source;
        try
        {
            source = ClaimSource.FromAssembly(asm);
        }
        catch (ReflectionTypeLoadException e)
        {
            throw new UsageException($"--assembly {Path.GetFileName(dll)}: its types cannot be loaded ({e.LoaderExceptions.FirstOrDefault()?.Message.Split('\n')[0]})");
        }
        return new ClaimTarget(source, root, new SnapshotStore(Path.Combine(root, "snapshots")), true);
    }

    static (int Code, string Output) Dotnet(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new UsageException("could not start dotnet");
        var outTask = p.StandardOutput.ReadToEndAsync();
        var errTask = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, outTask.Result + errTask.Result);
    }
}
