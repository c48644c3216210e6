using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using NetClaims.Cube;
using NetClaims.Networks;
using NetClaims.Norms;
using NetClaims.Reports;

namespace NetClaims.Cli.Commands.Eval;

/// <summary><c>netclaims eval corrective-memorization</c>: The corrective random-feature memoriser on separated sphere data: per-step residuals, variance terms, neurons used, seconds.</summary>
internal static class CorrectiveMemorizationEval
{
    public static Command Create()
    {
        var n = new Option<int>("--n") { Description = "Number of points", Required = true };
        var d = new Option<int>("--d") { Description = "Dimension of the ambient space (points on S^{d−1})", Required = true };
        var theta = new Option<double>("--theta") { Description = "Required minimum separation of the points", DefaultValueFactory = _ => 0.0 };
        var features = new Option<int>("--features") { Description = "Random features per corrective step", DefaultValueFactory = _ => 250_000 };
        var steps = new Option<int>("--steps") { Description = "Corrective steps", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "Sample and feature seed", DefaultValueFactory = _ => 1 };
        var format = Cli.Format();
        var cmd = new Command("corrective-memorization", "The corrective random-feature memoriser on separated sphere data: per-step residuals, variance terms, neurons used, seconds") { n, d, theta, features, steps, seed, format };
        cmd.Aliases.Add("memorize");
        cmd.SetAction(p => Cli.WithUserValues(() => Memorize(p.GetValue(n), p.GetValue(d), p.GetValue(theta), p.GetValue(features), p.GetValue(steps), p.GetValue(seed), p.GetValue(format)!)));
        return cmd;
    }

    static int Memorize(int n, int d, double theta, int features, int steps, int seed, string format)
    {
        if (n < 2 || n > 2000) return Cli.Fail($"--n must be between 2 and 2000, not {n}");
        if (d < 2 || d > 1000) return Cli.Fail($"--d must be between 2 and 1000, not {d}");
        if (features < 1 || features > 10_000_000) return Cli.Fail($"--features must be between 1 and 10000000 (≈ 20 s per step at 1e7), not {features}");
        if (steps < 1 || steps > 100) return Cli.Fail($"--steps must be between 1 and 100, not {steps}");
        var data = RandomFeatures.SphereData.Sample(n, d, theta, seed);
        double sigma = data.Bandwidth(2);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = RandomFeatures.CorrectiveMemorizer.Run(data, sigma, sigma, features, steps, seed,
            new SyncProgress<RandomFeatures.CorrectiveStep>(st => Console.Error.WriteLine($"  step {st.Step}: ‖r‖²/‖y‖² = {st.ResidualRatio:G4} ({st.Seconds:F1} s)")));
        EvalOutput.Emit(format, new JsonObject
        {
            ["n"] = n,
            ["d"] = d,
            ["theta_requested"] = theta,
            ["theta_measured"] = data.Theta,
            ["sigma"] = sigma,
            ["features_per_step"] = features,
            ["steps"] = new JsonArray(run.Steps.Select(st => (JsonNode)new JsonObject
            {
                ["step"] = st.Step, ["residual_ratio"] = st.ResidualRatio, ["variance_ratio"] = st.VarianceRatio, ["neurons"] = st.Neurons, ["seconds"] = Math.Round(st.Seconds, 3),
            }).ToArray()),
            ["neurons"] = run.Neurons,
            ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 3),
        }, $"n={n} on S^{d - 1} (θ = {data.Theta:G4}, σ = {sigma:G4}): ‖r_t‖²/‖y‖² = {string.Join(", ", run.Steps.Select(st => st.ResidualRatio.ToString("G4", CultureInfo.InvariantCulture)))}; {run.Neurons} ReLUs; {clock.Elapsed.TotalSeconds:F1} s", "steps");
        return Cli.Ok;
    }
}
