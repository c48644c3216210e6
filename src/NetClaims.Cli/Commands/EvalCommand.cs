using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Networks;
using NetClaims.Norms;

namespace NetClaims.Cli.Commands;

/// <summary>
/// <c>netclaims eval NAME --d N [--format text|json]</c>: builds a parity construction, sums its exact cost from its
/// weights and checks it exhaustively on {±1}^d.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "Construction: " + string.Join(", ", ConstructionCatalog.All.Select(c => c.Name)) };
        var d = new Option<int>("--d") { Description = "Dimension d", Required = true };
        var format = Cli.Format();
        var cmd = new Command("eval", "Evaluate a parity construction at one d: exact cost and exhaustive interpolation check") { name, d, format };
        cmd.SetAction(p => Run(p.GetValue(name)!, p.GetValue(d), p.GetValue(format)!));
        return cmd;
    }

    static int Run(string name, int dValue, string format)
    {
        var c = ConstructionCatalog.Get(name);
        if (dValue < c.MinD) return Cli.Fail($"{name} is defined for d ≥ {c.MinD}, not d={dValue}");
        var d = new Dimension(dValue);
        var clock = Stopwatch.StartNew();
        var net = c.Build(d);
        var cost = NetworkCost.Exact(net);
        var evaluator = new CubeEvaluator(net);
        double last = 0;
        // Plain progress on stderr for long runs (stdout stays clean for JSON).
        var progress = new Progress<ulong>(done =>
        {
            if (clock.Elapsed.TotalSeconds - last < 5) return;
            last = clock.Elapsed.TotalSeconds;
            Console.Error.WriteLine($"  {name} d={dValue}: {done}/{d.VertexCount} vertices ({clock.Elapsed.TotalSeconds:F0} s)");
        });
        var check = evaluator.Check(Parity.Full(d), progress: progress);
        var closed = dValue >= c.ClosedFormMinD ? c.ClosedFormCost(d) : null;
        if (format == "json")
        {
            var o = new JsonObject
            {
                ["construction"] = name,
                ["d"] = dValue,
                ["width"] = net.Width,
                ["cost"] = cost.ToDouble(),
                ["cost_exact"] = cost.ToString(),
                ["closed_form"] = closed?.ToString(),
                ["closed_form_matches"] = closed is null ? null : cost.Equals(closed),
                ["interpolates"] = check.Interpolates,
                ["max_abs_error"] = check.MaxAbsErrorFloat,
                ["vertices"] = check.Vertices,
                ["mismatches"] = check.Mismatches,
                ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 3),
            };
            Console.WriteLine(o.ToJsonString(NetClaims.Reports.RunReport.JsonOptions));
        }
        else
        {
            Console.WriteLine($"construction   {name}: {c.Description}");
            Console.WriteLine($"d              {dValue}");
            Console.WriteLine($"width          {net.Width}");
            Console.WriteLine($"cost (exact)   {cost}");
            Console.WriteLine($"cost           {cost.ToDouble():G12}");
            if (closed is not null) Console.WriteLine($"closed form    {c.ClosedFormText} = {closed} ({(cost.Equals(closed) ? "matches" : "DIFFERS")})");
            Console.WriteLine($"interpolates   {(check.Interpolates ? "yes" : "NO")}: {check.Mismatches} of {check.Vertices} vertices differ from χ");
            Console.WriteLine($"max_abs_error  {check.MaxAbsErrorFloat:G3} (float64 evaluation)");
            Console.WriteLine($"seconds        {clock.Elapsed.TotalSeconds:F2}");
        }
        return check.Interpolates ? Cli.Ok : Cli.ClaimFailed;
    }
}
