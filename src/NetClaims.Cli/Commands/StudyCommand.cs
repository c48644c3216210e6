using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using NetClaims.Reports;
using NetClaims.Training;

namespace NetClaims.Cli.Commands;

/// <summary><c>netclaims study capacity [--grid fast|full] [--seed S]</c>: the capacity-measure study and its Kendall τ table.</summary>
internal static class StudyCommand
{
    public static Command Create()
    {
        var grid = new Option<string>("--grid") { Description = "fast (108 nets) or full (405 nets)", DefaultValueFactory = _ => "fast" };
        var seed = new Option<int>("--seed") { Description = "Study seed (teacher, data, inits)", DefaultValueFactory = _ => 1 };
        var format = Cli.Format();
        var capacity = new Command("capacity", "Train a family of two-layer nets and rank-correlate capacity measures with the generalisation gap") { grid, seed, format };
        capacity.SetAction(p => Cli.WithUserValues(() => Capacity(p.GetValue(grid)!, p.GetValue(seed), p.GetValue(format)!)));
        return new Command("study", "Studies over families of networks: trained nets (capacity) and VP solutions (parity-learning)") { capacity, Study.ParityLearningStudy.Create() };
    }

    static int Capacity(string gridName, int seed, string format)
    {
        var grid = gridName switch
        {
            "fast" => CapacityStudy.Grid.Fast,
            "full" => CapacityStudy.Grid.Full,
            _ => throw new UsageException($"--grid must be fast or full, not '{gridName}'"),
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var throttle = new NetClaims.Claims.ProgressThrottle(TimeSpan.FromSeconds(2));
        var progress = new SyncProgress<int>(i =>
        {
            if (!throttle.Due(force: i == grid.Count)) return;
            Console.Error.WriteLine($"  trained {i}/{grid.Count} nets ({clock.Elapsed.TotalSeconds:F1} s)");
        });
        var nets = CapacityStudy.Run(grid, seed, progress);
        var taus = CapacityStudy.Taus(nets);
        var json = new JsonObject
        {
            ["nets"] = nets.Count, ["seed"] = seed, ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 3),
            ["kendall_tau"] = new JsonObject(CapacityStudy.MeasureNames.Select((m, i) => KeyValuePair.Create(m, (JsonNode?)taus[i]))),
            ["seed_slides_tau"] = new JsonObject(CapacityStudy.MeasureNames.Select((m, i) => KeyValuePair.Create(m, (JsonNode?)NetClaims.Properties.Jnm20.Paper.SeedTaus[i]))),
        };
        Console.WriteLine(format == "json" ? json.ToJsonString(RunReport.JsonOptions)
            : $"{nets.Count} nets in {clock.Elapsed.TotalSeconds:F1} s; Kendall τ with the gap: " + string.Join(", ", CapacityStudy.MeasureNames.Select((m, i) => $"{m} {taus[i].ToString("F3", CultureInfo.InvariantCulture)} (slides {NetClaims.Properties.Jnm20.Paper.SeedTaus[i].ToString(CultureInfo.InvariantCulture)})")));
        return Cli.Ok;
    }
}
