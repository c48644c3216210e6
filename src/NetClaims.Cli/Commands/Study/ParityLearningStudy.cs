using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetClaims.Reports;
using NetClaims.Solvers;

namespace NetClaims.Cli.Commands.Study;

/// <summary>
/// <c>netclaims study parity-learning [--d 8,10,12] [--seeds 3] [--dictionary search] [--max-n N] [--out DIR]</c>: the VP's
/// learning curve on parity — every (d, n) of the n/d² grid at several sample seeds — written as points, a mean table
/// and two figures (‖ĝ − χ‖² against n/d², E[ĝχ] against n/d).
/// </summary>
internal static class ParityLearningStudy
{
    public static Command Create()
    {
        var ds = new Option<string>("--d") { Description = "Dimensions, comma separated (each 4 … 16)", DefaultValueFactory = _ => "8,10,12" };
        var seeds = new Option<int>("--seeds") { Description = "Sample seeds per point (1 … 20): seeds F … F + S − 1", DefaultValueFactory = _ => 3 };
        var first = new Option<int>("--first-seed") { Description = "First sample seed F", DefaultValueFactory = _ => 1 };
        var dictionary = new Option<string>("--dictionary") { Description = "sign, ternary (d ≤ 14) or search", DefaultValueFactory = _ => "search" };
        dictionary.AcceptOnlyFromAmong("sign", "ternary", "search");
        var maxN = new Option<int>("--max-n") { Description = "Largest n (the grid also stops at 2^{d−1} and at n = 2d²)", DefaultValueFactory = _ => VpSolver.MaxSamples };
        var output = new Option<string>("--out") { Description = "Folder for points.jsonl, curves.md and the figures", DefaultValueFactory = _ => Path.Combine("artifacts", "parity-learning") };
        var format = Cli.Format();
        var cmd = new Command("parity-learning", "The VP (minimum R-norm interpolant) learning curve on parity: ‖ĝ − χ‖², E[ĝχ] and the clipped error on the whole cube against n/d², for several d and sample seeds")
        {
            ds, seeds, first, dictionary, maxN, output, format,
        };
        cmd.SetAction((p, token) => Task.FromResult(Cli.WithUserValues(() =>
            Run(p.GetValue(ds)!, p.GetValue(seeds), p.GetValue(first), p.GetValue(dictionary)!, p.GetValue(maxN), p.GetValue(output)!, p.GetValue(format)!, token))));
        return cmd;
    }

    static int Run(string dList, int seeds, int firstSeed, string dictionaryName, int maxN, string outDir, string format, CancellationToken cancel)
    {
        var ds = dList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new UsageException($"--d: '{t}' is not an integer"))
            .Distinct().Order().ToArray();
        if (ds.Length == 0) return Cli.Fail("--d needs at least one dimension");
        if (ds.Any(d => d < 4 || d > 16)) return Cli.Fail($"--d: each dimension must be between 4 and 16 (the VP at d = 16, n = 256 takes ~100 s here), not {string.Join(",", ds)}");
        if (seeds < 1 || seeds > 20) return Cli.Fail($"--seeds must be between 1 and 20, not {seeds}");
        if (maxN < 4 || maxN > VpSolver.MaxSamples) return Cli.Fail($"--max-n must be between 4 and {VpSolver.MaxSamples}, not {maxN}");
        var dictionary = Eval.VpEval.Dictionary(dictionaryName);
        if (dictionary == VpDictionary.Ternary && ds.Max() > VpSolver.MaxTernaryD) return Cli.Fail(Eval.VpEval.TernaryTooLarge);
        Directory.CreateDirectory(outDir);

        var jobs = ds.SelectMany(d => VpLearningCurve.Grid(d, maxN).Where(g => g.Ratio <= 2.0001)
            .SelectMany(g => Enumerable.Range(firstSeed, seeds).Select(s => (d, g.N, g.Ratio, Seed: s)))).ToArray();
        var clock = Stopwatch.StartNew();
        var throttle = new NetClaims.Claims.ProgressThrottle(TimeSpan.FromSeconds(5));
        var points = new List<VpCurvePoint>();
        var lines = new StringBuilder();
        foreach (var (d, n, ratio, seed) in jobs)
        {
            cancel.ThrowIfCancellationRequested();
            var pt = VpLearningCurve.Measure(d, n, ratio, seed, dictionary, cancel);
            points.Add(pt);
            lines.AppendLine(JsonSerializer.Serialize(pt, PointJson));
            if (throttle.Due(force: points.Count == jobs.Length))
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {points.Count}/{jobs.Length} solves ({clock.Elapsed.TotalSeconds:F0} s): d={d} n={n} seed {seed}: E[ĝχ] = {pt.Correlation:G3}, ‖ĝ − χ‖² = {pt.SquaredDistance:G3}, {pt.Seconds:F1} s"));
        }
        AtomicFile.WriteAllText(Path.Combine(outDir, "points.jsonl"), lines.ToString());
        var (table, tables) = Tables(ds, points);
        AtomicFile.WriteAllText(Path.Combine(outDir, "curves.md"), table);
        PlotWriter.Write(Path.Combine(outDir, "distance-vs-n-over-d2.png"),
            new PlotSpec("distance", $"‖ĝ − χ‖² of the VP ({dictionaryName}) against n/d², mean over {seeds} sample seeds (n > d + 1)", "distance", "ratio", ds.Select(d => $"d{d}").ToArray(), LogLog: false), tables.Distance);
        PlotWriter.Write(Path.Combine(outDir, "correlation-vs-n-over-d.png"),
            new PlotSpec("correlation", $"E[ĝχ] of the VP ({dictionaryName}) against n/d, mean over {seeds} sample seeds", "correlation", "n/d", ds.Select(d => $"d{d}").ToArray(), LogLog: false), tables.Correlation);

        var json = new JsonObject
        {
            ["dictionary"] = dictionaryName, ["seeds"] = seeds, ["solves"] = points.Count, ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1), ["out"] = outDir,
            ["uncertified"] = points.Count(p => !p.Certified),
            ["crossing_half"] = new JsonObject(ds.Select(d => KeyValuePair.Create($"d{d}", (JsonNode?)Crossing(points, d)))),
        };
        Console.WriteLine(format == "json" ? json.ToJsonString(RunReport.JsonOptions) : table + string.Create(CultureInfo.InvariantCulture,
            $"\n{points.Count} solves in {clock.Elapsed.TotalSeconds:F0} s; {points.Count(p => !p.Certified)} not certified; written to {outDir}"));
        return Cli.Ok;
    }

    // NaN (a face range that could not be computed) is written as "NaN", not refused.
    static readonly JsonSerializerOptions PointJson = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    // The smallest n of the grid whose mean E[ĝχ] is ≥ 1/2, as n/d² (null when none is).
    static double? Crossing(IReadOnlyList<VpCurvePoint> points, int d) => points.Where(p => p.D == d).GroupBy(p => p.N).OrderBy(g => g.Key)
        .Where(g => g.Average(p => p.Correlation) >= 0.5).Select(g => (double?)g.First().Ratio).FirstOrDefault();

    static (string Markdown, (ReportTable Distance, ReportTable Correlation) Tables) Tables(int[] ds, IReadOnlyList<VpCurvePoint> points)
    {
        var md = new StringBuilder("| d | n | n/d² | n/d | seeds | cost | E[ĝχ] mean | E[ĝχ] min | E[ĝχ] max | face width max | ‖ĝ − χ‖² mean | clipped error mean | sign error mean | ridge clipped error | ridge cost | kernel clipped error | trained clipped error | trained cost | certified | seconds mean |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        var groups = points.GroupBy(p => (p.D, p.N)).OrderBy(g => g.Key.D).ThenBy(g => g.Key.N).ToArray();
        foreach (var g in groups)
        {
            var (d, n) = g.Key;
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {d} | {n} | {g.First().Ratio:G4} | {n / (double)d:G4} | {g.Count()} | {g.Average(p => p.Cost):G6} | {g.Average(p => p.Correlation):G4} | {g.Min(p => p.Correlation):G4} | {g.Max(p => p.Correlation):G4} | {g.Max(p => p.FaceHi - p.FaceLo):G3} | {g.Average(p => p.SquaredDistance):G4} | {g.Average(p => p.ClippedError):G4} | {g.Average(p => p.SignError):G4} | {g.Average(p => p.RidgeClippedError):G4} | {g.Average(p => p.RidgeCost):G6} | {g.Average(p => p.KernelClippedError):G4} | {g.Average(p => p.TrainedClippedError):G4} | {g.Average(p => p.TrainedCost):G6} | {g.Count(p => p.Certified)}/{g.Count()} | {g.Average(p => p.Seconds):F2} |"));
        }
        var distance = new ReportTable.Builder("distance").Column("ratio", CellRule.Exact);
        var correlation = new ReportTable.Builder("correlation").Column("n/d", CellRule.Exact);
        foreach (var d in ds) { distance.Column($"d{d}", CellRule.Exact); correlation.Column($"d{d}", CellRule.Exact); }
        foreach (var r in VpLearningCurve.Ratios)
            // n ≤ d + 1: the affine part alone interpolates, ĝ is affine and far from χ (‖ĝ − χ‖² up to ~200); left out of the figure.
            distance.Row([r, .. ds.Select(d => Mean(groups.Where(g => g.Key.D == d && g.Key.N > d + 1 && Math.Abs(g.First().Ratio - r) < 1e-9), p => p.SquaredDistance))]);
        foreach (var g in groups)
            correlation.Row([g.Key.N / (double)g.Key.D, .. ds.Select(d => d == g.Key.D ? (object)g.Average(p => p.Correlation) : "")]);
        return (md.ToString(), (distance.Build(), correlation.Build()));
    }

    static object Mean(IEnumerable<IGrouping<(int, int), VpCurvePoint>> groups, Func<VpCurvePoint, double> f)
    {
        var g = groups.FirstOrDefault();
        return g is null ? "" : g.Average(f);
    }
}
