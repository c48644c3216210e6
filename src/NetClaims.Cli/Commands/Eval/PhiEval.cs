using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using NetClaims.Cube;
using NetClaims.Networks;
using NetClaims.Norms;
using NetClaims.Reports;

namespace NetClaims.Cli.Commands.Eval;

/// <summary><c>netclaims eval phi</c>: Φ_L (the minimum cost of a depth-L linear+ReLU representation of x ↦ Σ a_k σ(⟨w_k,x⟩)) with both lower bounds and the upper bound.</summary>
internal static class PhiEval
{
    public static Command Create()
    {
        var matrix = MatrixOption();
        var a = new Option<string>("--a") { Description = "The output weights, comma-separated, one per matrix row", Required = true };
        var layers = new Option<int>("--L") { Description = "The number of layers L", Required = true };
        var format = Cli.Format();
        var cmd = new Command("phi", "Φ_L (the minimum cost of a depth-L linear+ReLU representation of x ↦ Σ a_k σ(⟨w_k,x⟩)) with both lower bounds and the upper bound") { matrix, a, layers, format };
        cmd.SetAction(p => Cli.WithUserValues(() => Phi(p.GetValue(matrix)!, p.GetValue(a)!, p.GetValue(layers), p.GetValue(format)!)));
        return cmd;
    }

    static Option<string> MatrixOption() => EvalOutput.MatrixOption();

    static int Phi(string matrix, string aText, int l, string format)
    {
        if (l < 2 || l > 1000) return Cli.Fail($"--L must be between 2 and 1000, not {l}");
        var w = LinearLayers.Schatten.ParseMatrix(matrix);
        if (w.RowCount > 200) return Cli.Fail($"Φ_L is minimised over one scale per row: {w.RowCount} rows refused (at most 200)");
        var a = EvalOutput.ParseNumbers(aText, "--a");
        if (a.Length != w.RowCount) return Cli.Fail($"--a has {a.Length} entries but the matrix has {w.RowCount} rows");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Φ_L, its bounds and the scales are homogeneous of degree 2/L in W and in a: compute on unit-scale W and a.
        double sw = LinearLayers.Schatten.Scale(w), sa = a.Length == 0 ? 0 : a.Max(Math.Abs);
        double back = sw == 0 || sa == 0 ? 1 : Math.Pow(sw * sa, 2.0 / l);
        var (w1, a1) = (sw == 0 ? w : w.Map(x => x / sw), sa == 0 ? a : a.Select(x => x / sa).ToArray());
        var r0 = LinearLayers.PhiL.Minimize(w1, a1, l);
        var r = r0 with { Value = r0.Value * back, GradientNorm = r0.GradientNorm * back };
        var b0 = LinearLayers.PhiL.Bounds(w1, a1, l);
        var b = b0 with { LowerSchatten = b0.LowerSchatten * back, LowerPath = b0.LowerPath * back, Upper = b0.Upper * back };
        EvalOutput.Emit(format, new JsonObject
        {
            ["L"] = l,
            ["phi"] = r.Value,
            ["lower_schatten"] = b.LowerSchatten,
            ["lower_path"] = b.LowerPath,
            ["upper"] = b.Upper,
            ["rank"] = b.Rank,
            ["gradient_norm"] = r.GradientNorm,
            ["iterations"] = r.Iterations,
            ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 3),
        }, $"Φ_{l} = {r.Value:G12} (gradient {r.GradientNorm:G2}, {r.Iterations} iterations); lower {b.LowerSchatten:G10} and {b.LowerPath:G10}; upper {b.Upper:G10} (rank {b.Rank})", "phi");
        return Cli.Ok;
    }
}
