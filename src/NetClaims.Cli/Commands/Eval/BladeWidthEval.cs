using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using NetClaims.Constructions;

namespace NetClaims.Cli.Commands.Eval;

/// <summary><c>netclaims eval blade-width --d D --eps E [--delta δ] [--seeds S] [--first-seed F]</c>: Theorem 5's width, measured.</summary>
internal static class BladeWidthEval
{
    public static Command Create()
    {
        var d = new Option<int>("--d") { Description = "Dimension d (4 … 20)", Required = true };
        var eps = new Option<double>("--eps") { Description = "Target max error ε over the cube (0 < ε < 1)", Required = true };
        var delta = new Option<double>("--delta") { Description = "Allowed failure probability δ (0 < δ < 1)", DefaultValueFactory = _ => 0.1 };
        var seeds = new Option<int>("--seeds") { Description = "Sampled networks per width (10 … 10000)", DefaultValueFactory = _ => 200 };
        var first = new Option<int>("--first-seed") { Description = "First sample seed (seeds F … F + S − 1)", DefaultValueFactory = _ => 1 };
        var format = Cli.Format();
        var cmd = new Command("blade-width", "The smallest width m of sampled blades (Theorem 5) whose max error over the cube is ≤ ε for a fraction ≥ 1 − δ of the seeds, by bisection on m = ⌈2^{k/8}⌉, beside the Bernstein width")
        {
            d, eps, delta, seeds, first, format,
        };
        cmd.SetAction(p => Cli.WithUserValues(() => Run(p.GetValue(d), p.GetValue(eps), p.GetValue(delta), p.GetValue(seeds), p.GetValue(first), p.GetValue(format)!)));
        return cmd;
    }

    static int Run(int d, double eps, double delta, int seeds, int first, string format)
    {
        if (d < 4 || d > 20) return Cli.Fail($"--d must be between 4 and 20, not {d}");
        if (!(eps > 0 && eps < 1)) return Cli.Fail($"--eps must be in (0, 1), not {eps.ToString(CultureInfo.InvariantCulture)}");
        if (!(delta > 0 && delta < 1)) return Cli.Fail($"--delta must be in (0, 1), not {delta.ToString(CultureInfo.InvariantCulture)}");
        if (seeds < 10 || seeds > 10_000) return Cli.Fail($"--seeds must be between 10 and 10000, not {seeds}");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var r = BladeWidth.Smallest(d, eps, delta, seeds, first);
        EvalOutput.Emit(format, new JsonObject
        {
            ["d"] = d, ["epsilon"] = eps, ["delta"] = delta, ["seeds"] = seeds, ["width"] = r.Width, ["rate_at_width"] = r.RateAt,
            ["width_below"] = r.Below, ["rate_below"] = r.RateBelow, ["half_width"] = r.Half, ["rate_at_half"] = r.RateHalf,
            ["bernstein_width"] = r.Bernstein, ["bernstein_over_width"] = r.Bernstein / (double)r.Width, ["evaluations"] = r.Evaluations,
            ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 3),
        }, string.Create(CultureInfo.InvariantCulture,
            $"d={d}, ε={eps}, δ={delta}: m* = {r.Width} (success {r.RateAt:P1} of {seeds} seeds; {r.Below} blades: {r.RateBelow:P1}; m*/2 = {r.Half}: {r.RateHalf:P1}); Bernstein width {r.Bernstein} = {r.Bernstein / (double)r.Width:F2}·m*; {clock.Elapsed.TotalSeconds:F2} s"), "width");
        return Cli.Ok;
    }
}
