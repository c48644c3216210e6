using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using NetClaims.Cube;
using NetClaims.Networks;
using NetClaims.Norms;
using NetClaims.Reports;

namespace NetClaims.Cli.Commands.Eval;

/// <summary><c>netclaims eval parity-memorizer</c>: The one-per-sample or best grouped ReLU memoriser of n distinct random parity-labelled samples of {±1}^d: its width, cost and interpolation error.</summary>
internal static class ParityMemorizerEval
{
    public static Command Create()
    {
        var d = new Option<int>("--d") { Description = "Dimension d", Required = true };
        var n = new Option<int>("--n") { Description = "Number of distinct random samples", Required = true };
        var seed = new Option<int>("--seed") { Description = "Sample seed", DefaultValueFactory = _ => 1 };
        var grouped = new Option<bool>("--grouped") { Description = "The best grouped memoriser instead of one ReLU per sample" };
        var format = Cli.Format();
        var cmd = new Command("parity-memorizer", "The one-per-sample or best grouped ReLU memoriser of n distinct random parity-labelled samples of {±1}^d: its width, cost and interpolation error") { d, n, seed, grouped, format };
        cmd.Aliases.Add("memorizer");
        cmd.SetAction(p => Cli.WithUserValues(() => Memorizer(p.GetValue(d), p.GetValue(n), p.GetValue(seed), p.GetValue(grouped), p.GetValue(format)!)));
        return cmd;
    }

    static int Memorizer(int dValue, int n, int seed, bool grouped, string format)
    {
        if (dValue < 2 || dValue > 4096) return Cli.Fail($"--d must be between 2 and 4096, not {dValue}");
        if (n < 2 || n > 20_000) return Cli.Fail($"--n must be between 2 and 20000 (the memoriser compares every pair), not {n}");
        var s = Constructions.SampleSet.RandomDistinct(dValue, n, seed);
        var h = grouped ? Constructions.Memorizers.BestGrouped(s) : Constructions.Memorizers.OnePerSample(s);
        double err = Constructions.Memorizers.MaxInterpolationError(h, s);
        EvalOutput.Emit(format, new JsonObject
            {
                ["d"] = dValue,
                ["n"] = n,
                ["seed"] = seed,
                ["kind"] = h.Kind,
                ["group_size"] = h.GroupSize,
                ["width"] = h.Width,
                ["cost"] = h.Cost,
                ["cost_per_n_over_d"] = h.Cost * dValue / n,
                ["max_interpolation_error"] = err,
            }, $"{h.Kind}: width {h.Width}, cost {h.Cost:G10} (= {h.Cost * dValue / n:G6}·n/d), max interpolation error {err:G3} on {n} random samples of {{±1}}^{dValue} (seed {seed})", "cost");
        return err <= 1e-9 ? Cli.Ok : Cli.ClaimFailed;
    }
}
