using NetClaims.Reports;
using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Networks;
using NetClaims.Exact;
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
        var name = new Argument<string>("construction")
        {
            Description = "A parity construction: " + string.Join(", ", ConstructionCatalog.All.Select(c => c.Name)),
        };
        var d = new Option<int?>("--d") { Description = "Dimension d" };
        var format = Cli.Format();
        var cmd = new Command("eval",
            "Evaluate one object. `eval CONSTRUCTION --d N` builds a parity construction, sums its exact cost from its weights and checks it on every vertex " +
            "(JSON: construction, d, width, cost, cost_exact, closed_form, closed_form_matches, interpolates, max_abs_error, vertices, mismatches, seconds); " +
            "the subcommands evaluate other objects (see `netclaims eval SUBCOMMAND --help`)")
        {
            name, d, format,
            Eval.RidgeCostEval.Create(),
            Eval.RhoEval.Create(),
            Eval.MinRNormEval.Create(),
            Eval.ParityMemorizerEval.Create(),
            Eval.CorrectiveMemorizationEval.Create(),
            Eval.SchattenEval.Create(),
            Eval.FactorizationEval.Create(),
            Eval.PhiEval.Create(),
            Eval.PathNormEval.Create(),
            Eval.EgopEval.Create(),
            Eval.VpEval.Create(),
            Eval.BladeWidthEval.Create(),
        };
        cmd.SetAction(p => Cli.WithUserValues(() =>
        {
            var what = p.GetValue(name)!;
            return Run(what, p.GetValue(d) ?? throw new UsageException($"{what} needs --d"), p.GetValue(format)!);
        }));
        return cmd;
    }

    static int Run(string name, int dValue, string format)
    {
        var c = ConstructionCatalog.Get(name);
        if (dValue < c.MinD) return Cli.Fail($"{name} is defined for d ≥ {c.MinD}, not d={dValue}");
        var d = new Dimension(dValue);
        // Memory and time are estimated from d alone and refused before anything is built.
        c.EnsureFeasible(dValue);
        var clock = Stopwatch.StartNew();
        long width;
        SurdSum cost;
        CubeCheck check;
        string path;
        if (c.Compact is not null && dValue > Evaluations.DirectMaxD)
        {
            // Every direction of the cube: the whole cube by Walsh–Hadamard transforms, exactly (seconds at d = 24).
            Console.Error.WriteLine($"  {name} d={dValue}: building {c.Units(dValue):0.##E+0} units and evaluating 2^{dValue} vertices by transforms");
            var compact = c.Compact(d);
            (width, cost, check, path) = (compact.Width, compact.Cost(), SignUnitEvaluator.Check(compact, Parity.Full(d)), "exact, by Walsh–Hadamard transforms; the float column is the exact error rounded");
        }
        else
        {
            var net = c.Build(d);
            (width, cost, check, path) = (net.Width, NetworkCost.Exact(net), Direct(net, d, name, clock), "float64 evaluation");
        }
        var closed = dValue >= c.ClosedFormMinD ? c.ClosedFormCost(d) : null;
        if (format == "json")
        {
            var o = new JsonObject
            {
                ["construction"] = name,
                ["d"] = dValue,
                ["width"] = width,
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
            Console.WriteLine($"width          {width}");
            Console.WriteLine($"cost (exact)   {cost}");
            Console.WriteLine($"cost           {cost.ToDouble():G12}");
            if (closed is not null) Console.WriteLine($"closed form    {c.ClosedFormText} = {closed} ({(cost.Equals(closed) ? "matches" : "DIFFERS")})");
            Console.WriteLine($"interpolates   {(check.Interpolates ? "yes" : "NO")}: {check.Mismatches} of {check.Vertices} vertices differ from χ");
            Console.WriteLine($"max_abs_error  {check.MaxAbsErrorFloat:G3} ({path})");
            Console.WriteLine($"seconds        {clock.Elapsed.TotalSeconds:F2}");
        }
        return check.Interpolates ? Cli.Ok : Cli.ClaimFailed;
    }

    static CubeCheck Direct(TwoLayerRelu net, Dimension d, string name, Stopwatch clock)
    {
        var evaluator = new CubeEvaluator(net);
        var throttle = new NetClaims.Claims.ProgressThrottle(TimeSpan.FromSeconds(5));
        // Plain progress on stderr for long runs (stdout stays clean for JSON).
        var progress = new SyncProgress<ulong>(done =>
        {
            if (!throttle.Due()) return;
            Console.Error.WriteLine($"  {name} d={d.Value}: {done}/{d.VertexCount} vertices ({clock.Elapsed.TotalSeconds:F0} s)");
        });
        return evaluator.Check(Parity.Full(d), progress: progress);
    }
}
