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
        var name = new Argument<string>("name")
        {
            Description = "A construction (" + string.Join(", ", ConstructionCatalog.All.Select(c => c.Name)) + "), ridge-cost (with --v) or rho (with --d)",
        };
        var d = new Option<int?>("--d") { Description = "Dimension d" };
        var v = new Option<string?>("--v") { Description = "ridge-cost: the direction, comma-separated (integers are exact), e.g. 1,1,1,1" };
        var ridge = new Option<bool>("--ridge") { Description = "min-rnorm: restrict the dictionary to the single direction w = 1" };
        var n = new Option<int?>("--n") { Description = "memorizer: number of distinct random samples" };
        var seed = new Option<int>("--seed") { Description = "memorizer: sample seed", DefaultValueFactory = _ => 1 };
        var grouped = new Option<bool>("--grouped") { Description = "memorizer: the best grouped memoriser instead of one ReLU per sample" };
        var matrix = new Option<string?>("--matrix") { Description = "schatten / factorization / phi: a matrix, rows separated by ';', e.g. \"1,2;3,-1;0,1\"" };
        var q = new Option<double>("--q") { Description = "schatten: the exponent q > 0 (inf for the spectral norm)", DefaultValueFactory = _ => 1 };
        var layers = new Option<int?>("--L") { Description = "factorization / phi: the number of layers L" };
        var a = new Option<string?>("--a") { Description = "phi / egop: the output weights, comma-separated, one per matrix row" };
        var b = new Option<string?>("--b") { Description = "egop: the biases, comma-separated (default 0)" };
        var theta = new Option<double>("--theta") { Description = "memorize: required minimum separation of the points", DefaultValueFactory = _ => 0.0 };
        var featuresOpt = new Option<int>("--features") { Description = "memorize: random features per corrective step", DefaultValueFactory = _ => 250_000 };
        var stepsOpt = new Option<int>("--steps") { Description = "memorize: corrective steps", DefaultValueFactory = _ => 3 };
        var samples = new Option<int>("--samples") { Description = "egop: Monte-Carlo samples", DefaultValueFactory = _ => 20_000 };
        var format = Cli.Format();
        var cmd = new Command("eval",
            "Evaluate one object: a parity construction at d (exact cost, exhaustive check); ridge-cost of a direction v " +
            "(JSON: direction, d, finite, cost, cost_exact, witness); rho at d (JSON: d, rho, rho_exact, min_rnorm, d_rho, at_ones); " +
            "min-rnorm at d, the LP over the sign-direction dictionary or with --ridge over w = 1 (JSON: d, dictionary, optimum, status, one_over_rho, rows, columns, nonzeros, seconds); " +
            "memorizer --d --n --seed [--grouped] (JSON: d, n, seed, kind, group_size, width, cost, cost_per_n_over_d, max_interpolation_error); " +
            "schatten --matrix --q (JSON: singular_values, schatten, schatten_powered, rank); factorization --matrix --L (JSON: balanced_cost, schatten_2_over_p_powered, factor_norms_squared, imbalance); " +
            "phi --matrix --a --L (JSON: phi, lower_schatten, lower_path, upper, rank, gradient_norm, iterations, seconds); " +
            "egop --matrix --a [--b] [--samples] [--seed] (JSON: samples, eigenvalues, effective_rank_1e-9, effective_rank_1e-2, frobenius_standard_error); " +
            "memorize --n --d [--theta] [--features] [--steps] [--seed] (JSON: per-step residual_ratio, neurons, seconds)")
        {
            name, d, v, ridge, n, seed, grouped, matrix, q, layers, a, b, samples, theta, featuresOpt, stepsOpt, format,
        };
        cmd.SetAction(p =>
        {
            var what = p.GetValue(name)!;
            var f = p.GetValue(format)!;
            return what switch
            {
                "ridge-cost" => EvalMore.RidgeCost(p.GetValue(v) ?? throw new ArgumentException("ridge-cost needs --v, e.g. --v 1,1,1,1"), f),
                "rho" => EvalMore.Rho(p.GetValue(d) ?? throw new ArgumentException("rho needs --d"), f),
                "memorizer" => EvalMore.Memorizer(p.GetValue(d) ?? throw new ArgumentException("memorizer needs --d"),
                    p.GetValue(n) ?? throw new ArgumentException("memorizer needs --n"), p.GetValue(seed), p.GetValue(grouped), f),
                "schatten" => EvalMore.Schatten(p.GetValue(matrix) ?? throw new ArgumentException("schatten needs --matrix"), p.GetValue(q), f),
                "factorization" => EvalMore.Factorization(p.GetValue(matrix) ?? throw new ArgumentException("factorization needs --matrix"),
                    p.GetValue(layers) ?? throw new ArgumentException("factorization needs --L"), f),
                "phi" => EvalMore.Phi(p.GetValue(matrix) ?? throw new ArgumentException("phi needs --matrix"),
                    p.GetValue(a) ?? throw new ArgumentException("phi needs --a"), p.GetValue(layers) ?? throw new ArgumentException("phi needs --L"), f),
                "path-norm" => EvalMore.PathNormOf(p.GetValue(matrix) ?? throw new ArgumentException("path-norm needs --matrix"),
                    p.GetValue(a) ?? throw new ArgumentException("path-norm needs --a"), p.GetValue(b), f),
                "egop" => EvalMore.EgopOf(p.GetValue(matrix) ?? throw new ArgumentException("egop needs --matrix"),
                    p.GetValue(a) ?? throw new ArgumentException("egop needs --a"), p.GetValue(b), p.GetValue(samples), p.GetValue(seed), f),
                "memorize" => EvalMore.Memorize(p.GetValue(n) ?? throw new ArgumentException("memorize needs --n"), p.GetValue(d) ?? throw new ArgumentException("memorize needs --d"),
                    p.GetValue(theta), p.GetValue(featuresOpt), p.GetValue(stepsOpt), p.GetValue(seed), f),
                "min-rnorm" => EvalMore.MinRNorm(p.GetValue(d) ?? throw new ArgumentException("min-rnorm needs --d"), p.GetValue(ridge), f),
                _ => Run(what, p.GetValue(d) ?? throw new ArgumentException($"{what} needs --d"), f),
            };
        });
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
        var progress = new Progress<ulong>(done =>
        {
            if (!throttle.Due()) return;
            Console.Error.WriteLine($"  {name} d={d.Value}: {done}/{d.VertexCount} vertices ({clock.Elapsed.TotalSeconds:F0} s)");
        });
        return evaluator.Check(Parity.Full(d), progress: progress);
    }
}
