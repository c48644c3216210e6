using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using NetClaims.Cube;
using NetClaims.Networks;
using NetClaims.Norms;
using NetClaims.Reports;

namespace NetClaims.Cli.Commands.Eval;

/// <summary><c>netclaims eval min-rnorm</c>: The minimum R-norm of parity on the whole cube, as an LP over the sign-direction dictionary (or with --ridge over w = 1).</summary>
internal static class MinRNormEval
{
    public static Command Create()
    {
        var d = new Option<int>("--d") { Description = "Dimension d ≥ 2", Required = true };
        var ridge = new Option<bool>("--ridge") { Description = "Restrict the dictionary to the single direction w = 1" };
        var format = Cli.Format();
        var cmd = new Command("min-rnorm", "The minimum R-norm of parity on the whole cube, as an LP over the sign-direction dictionary (or with --ridge over w = 1)") { d, ridge, format };
        cmd.SetAction(p => Cli.WithUserValues(() => MinRNorm(p.GetValue(d), p.GetValue(ridge), p.GetValue(format)!)));
        return cmd;
    }

    static int MinRNorm(int dValue, bool ridge, string format)
    {
        if (dValue < 2) return Cli.Fail($"min-rnorm is defined for d ≥ 2, not d={dValue}");
        // The LP has 2^d rows: GLOP solves the one-direction LP at d = 14 in seconds, not at d = 20 in minutes.
        if (ridge && dValue > 14) return Cli.Fail($"the one-direction LP at d={dValue} has 2^{dValue} rows; refused above d = 14");
        var d = new Dimension(dValue);
        var r = Solvers.MinRNormLp.Solve(d, ridge ? Solvers.NeuronDictionary.RidgeAlongOnes : Solvers.NeuronDictionary.SignDirections);
        double inv = 1 / NeuronCorrelation.Rho(d).ToDouble();
        EvalOutput.Emit(format, new JsonObject
            {
                ["d"] = dValue,
                ["dictionary"] = ridge ? "ridge (w = 1)" : "sign directions",
                ["optimum"] = r.Optimum,
                ["status"] = r.Status,
                ["one_over_rho"] = inv,
                ["sharp_ridge"] = 2 * (dValue - 1) * Math.Sqrt(dValue),
                ["rows"] = r.Rows,
                ["columns"] = r.Columns,
                ["nonzeros"] = r.NonZeros,
                ["seconds"] = Math.Round(r.Seconds, 3),
            }, $"LP ({(ridge ? "ridge, w = 1" : "sign directions")}) at d={dValue}: {r.Optimum:G12} ({r.Status}); 1/ρ_d = {inv:G12}; {r.Rows} rows × {r.Columns} columns, {r.NonZeros} nonzeros; {r.Seconds:F2} s");
        return r.Status == "OPTIMAL" ? Cli.Ok : Cli.ClaimFailed;
    }
}
