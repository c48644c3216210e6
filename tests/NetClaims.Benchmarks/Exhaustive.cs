using System.Diagnostics;
using System.Globalization;
using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Networks;

namespace NetClaims.Benchmarks;

/// <summary>Timed exhaustive checks (build the network from its weights, evaluate every vertex exactly) and the NumPy peer.</summary>
internal static class Exhaustive
{
    /// <summary>Build + exhaustive check of χ at d, by the path the gate uses (direct up to d = 14, transforms above).</summary>
    public static (bool Interpolates, double Seconds, long PeakBytes) Run(Construction c, int d)
    {
        var sw = Stopwatch.StartNew();
        var dim = new Dimension(d);
        bool ok = c.Compact is { } compact && d > Evaluations.DirectMaxD
            ? SignUnitEvaluator.Check(compact(dim), Parity.Full(dim)).Interpolates
            : new CubeEvaluator(c.Build(dim)).Check(Parity.Full(dim)).Interpolates;
        double seconds = sw.Elapsed.TotalSeconds;
        return (ok, seconds, Process.GetCurrentProcess().PeakWorkingSet64);
    }

    public static void Release()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    /// <summary>Runs peers/exhaustive_numpy.py; null when no python3 with NumPy is found.</summary>
    public static (double Seconds, long Mismatches)? NumPy(int d)
    {
        var output = Peers.Run("exhaustive_numpy.py", d.ToString(CultureInfo.InvariantCulture));
        if (output is null) return null;
        var parts = output.Trim().Split(' ').Select(x => x.Split('=')).ToDictionary(x => x[0], x => x[1]);
        return (double.Parse(parts["seconds"], CultureInfo.InvariantCulture), long.Parse(parts["mismatches"], CultureInfo.InvariantCulture));
    }
}
