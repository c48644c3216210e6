using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using NetClaims.Cube;
using NetClaims.Networks;
using NetClaims.Norms;
using NetClaims.Reports;

namespace NetClaims.Cli.Commands.Eval;

/// <summary><c>netclaims eval rho</c>: ρ_d exactly, 1/ρ_d (the minimum R-norm of a parity interpolant) and the exhaustive maximum at w = 1.</summary>
internal static class RhoEval
{
    public static Command Create()
    {
        var d = new Option<int>("--d") { Description = "Dimension d ≥ 2", Required = true };
        var format = Cli.Format();
        var cmd = new Command("rho", "ρ_d exactly, 1/ρ_d (the minimum R-norm of a parity interpolant) and the exhaustive maximum at w = 1") { d, format };
        cmd.SetAction(p => Cli.WithUserValues(() => Rho(p.GetValue(d), p.GetValue(format)!)));
        return cmd;
    }

    static int Rho(int dValue, string format)
    {
        if (dValue < 2) return Cli.Fail($"rho is defined for d ≥ 2, not d={dValue}");
        var d = new Dimension(dValue);
        var rho = NeuronCorrelation.Rho(d);
        double? atOnes = dValue <= 20 ? NeuronCorrelation.MaxOverBias(Enumerable.Repeat(1 / Math.Sqrt(dValue), dValue).ToArray()).Correlation : null;
        var text = $"ρ_{dValue} = {rho} ≈ {rho.ToDouble():G12}; 1/ρ_d = {1 / rho.ToDouble():G12} (minimum R-norm of a parity interpolant); d·ρ_d = {dValue * rho.ToDouble():G6}"
            + (atOnes is { } a ? $"\nexhaustive max_b |E[χσ(⟨1,x⟩/√d + b)]| = {a:G12}" : "");
        EvalOutput.Emit(format, new JsonObject
            {
                ["d"] = dValue,
                ["rho"] = rho.ToDouble(),
                ["rho_exact"] = rho.ToString(),
                ["min_rnorm"] = 1 / rho.ToDouble(),
                ["d_rho"] = dValue * rho.ToDouble(),
                ["at_ones"] = atOnes,
            }, text, "rho");
        return Cli.Ok;
    }
}
