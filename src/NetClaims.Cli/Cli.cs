using System.CommandLine;
using NetClaims.Cli.Commands;
using NetClaims.Cube;

namespace NetClaims.Cli;

/// <summary>Shared plumbing: parse errors and bad input become one line on stderr and exit code 2.</summary>
internal static class Cli
{
    /// <summary>Outputs written beside the core's report files: the PNG plots.</summary>
    public static IReadOnlyList<NetClaims.Reports.IRunExporter> Exporters { get; } = [new NetClaims.Reports.PlotExporter()];

    /// <summary>The claims this host runs: the catalogue of the papers in properties/.</summary>
    public static NetClaims.Claims.IClaimSource Source => NetClaims.Properties.ClaimCatalog.Source;

    public const int Ok = 0, ClaimFailed = 1, BadUsage = 2, InternalError = 70, Interrupted = 130;

    public static RootCommand CreateRoot() => new("NetClaims: executable claims of neural-network learning theory")
    {
        ListCommand.Create(),
        VerifyCommand.Create(),
        EvalCommand.Create(),
        ApproveCommand.Create(),
        MergeCommand.Create(),
        ReportCommand.Create(),
        PromoteCommand.Create(),
        TrainCommand.Create(),
        StudyCommand.Create(),
        SweepCommand.Create(),
    };

    public static int Run(RootCommand root, string[] args)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One line: the most specific error (an unknown word beats "required command was not provided").
            var e = parsed.Errors.FirstOrDefault(x => x.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parsed.Errors[0];
            Console.Error.WriteLine($"netclaims: {Readable(e.Message)} (see netclaims --help)");
            return BadUsage;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (IsBadInput(e))
        {
            return Fail(e.Message);
        }
        catch (OperationCanceledException)
        {
            return Interrupted;
        }
        catch (Exception e)
        {
            return Internal(e);
        }
    }

    /// <summary>
    /// A bug, not the user's input: one line, the details (type, message, stack) in a log file, exit 70. No .NET stack
    /// trace or type name ever reaches the terminal.
    /// </summary>
    public static int Internal(Exception e)
    {
        string log;
        try
        {
            var dir = Path.Combine(Path.GetTempPath(), "netclaims");
            Directory.CreateDirectory(dir);
            log = Path.Combine(dir, $"error-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log");
            File.WriteAllText(log, e.ToString() + "\n");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            log = "(the log could not be written)";
        }
        Console.Error.WriteLine($"netclaims: internal error: {Readable(e.Message.Split('\n')[0])} — details in {log}");
        return InternalError;
    }

    // System.CommandLine names .NET types in its messages ("expected type 'System.Nullable`1[System.UInt64]'"); say what
    // kind of value is expected instead.
    // One line: System.CommandLine lists the accepted values of an option on lines of their own.
    static string Readable(string message) => System.Text.RegularExpressions.Regex.Replace(
        System.Text.RegularExpressions.Regex.Replace(message, @"\s*[\r\n]+\s*", " "), @"(?:as )?expected type '([^']+)'", m =>
    {
        var t = m.Groups[1].Value;
        string kind = t.Contains("UInt64") || t.Contains("UInt32") ? "a non-negative whole number"
            : t.Contains("Int32") || t.Contains("Int64") ? "a whole number"
            : t.Contains("Double") || t.Contains("Single") ? "a number"
            : t.Contains("Boolean") ? "true or false" : "a value of the right kind";
        return $"as {kind}";
    });

    /// <summary>Errors that are the user's input, not a bug: one line, exit 2.</summary>
    /// <remarks>
    /// Classified by the code that knows: whatever parses or checks the user's input throws a
    /// <see cref="NetClaims.Reports.UsageException"/> (a refused size is one), and IO and access errors are the user's
    /// paths and disk. Anything else — an ArgumentException from a library call included — is a bug and goes to
    /// <see cref="Internal"/> with exit 70.
    /// </remarks>
    public static bool IsBadInput(Exception e) =>
        e is NetClaims.Reports.UsageException or IOException or UnauthorizedAccessException;

    /// <summary>
    /// Runs a command whose every number comes from the user and goes straight into the learning library (eval, train,
    /// study): the library's parameter checks and parsers (ArgumentException, FormatException) then judge the user's
    /// values and text, and become usage errors
    /// here — the one place that knows where the values came from. Elsewhere an ArgumentException is a bug (exit 70).
    /// </summary>
    public static int WithUserValues(Func<int> command)
    {
        try
        {
            return command();
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new NetClaims.Reports.UsageException(e.Message);
        }
    }

    public static int Fail(string message)
    {
        // One line, without .NET's " (Parameter 'x')" suffix.
        var line = message.Split('\n')[0];
        int p = line.IndexOf(" (Parameter '", StringComparison.Ordinal);
        Console.Error.WriteLine($"netclaims: error: {(p > 0 ? line[..p] : line)}");
        return BadUsage;
    }

    public static Option<string> Format() => new("--format")
    {
        Description = "Output format: text or json",
        DefaultValueFactory = _ => "text",
        Validators = { r => { var v = r.GetValueOrDefault<string>(); if (v is not ("text" or "json")) r.AddError($"--format must be text or json, not '{v}'"); } },
    };

    public static Option<string[]> Claims(string description) => new("--claim")
    {
        Description = description,
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };
}

/// <summary>
/// Ctrl-C for a long command: the first press cancels <see cref="Token"/> (the command finishes what it can, e.g. the
/// report of the claims done so far, and exits 130) instead of killing the process mid-write. One per command; dispose
/// to restore the default handling.
/// </summary>
internal sealed class Interrupt : IDisposable
{
    readonly CancellationTokenSource cts = new();
    readonly ConsoleCancelEventHandler handler;

    public Interrupt(string message)
    {
        handler = (_, e) =>
        {
            e.Cancel = true;
            if (cts.IsCancellationRequested) return;
            cts.Cancel();
            Console.Error.WriteLine($"netclaims: interrupted; {message}");
        };
        Console.CancelKeyPress += handler;
    }

    public CancellationToken Token => cts.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= handler;
        cts.Dispose();
    }
}

/// <summary>
/// Progress reported on the caller's thread, at once. <see cref="Progress{T}"/> posts each report to the thread pool, so
/// a late progress line can land after the command's result or, in a host that runs several commands, in the next one's
/// output; a progress line must come before what it reports on.
/// </summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
