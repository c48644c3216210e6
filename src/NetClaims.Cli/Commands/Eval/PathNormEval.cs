using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using NetClaims.Cube;
using NetClaims.Networks;
using NetClaims.Norms;
using NetClaims.Reports;

namespace NetClaims.Cli.Commands.Eval;

/// <summary><c>netclaims eval path-norm</c>: Path norms of f = Σ a_k σ(⟨w_k,x⟩ + b_k): ℓ1 (bias as an input), ℓ2, squared paths, and C = Σ|a|‖w‖₂.</summary>
internal static class PathNormEval
{
    public static Command Create()
    {
        var matrix = MatrixOption();
        var a = new Option<string>("--a") { Description = "The output weights, comma-separated, one per matrix row", Required = true };
        var b = new Option<string?>("--b") { Description = "The biases, comma-separated (default 0)" };
        var format = Cli.Format();
        var cmd = new Command("path-norm", "Path norms of f = Σ a_k σ(⟨w_k,x⟩ + b_k): ℓ1 (bias as an input), ℓ2, squared paths, and C = Σ|a|‖w‖₂") { matrix, a, b, format };
        cmd.SetAction(p => Cli.WithUserValues(() => PathNormOf(p.GetValue(matrix)!, p.GetValue(a)!, p.GetValue(b), p.GetValue(format)!)));
        return cmd;
    }

    static Option<string> MatrixOption() => EvalOutput.MatrixOption();

    static int PathNormOf(string matrix, string aText, string? bText, string format)
    {
        var w = LinearLayers.Schatten.ParseMatrix(matrix);
        var a = EvalOutput.ParseNumbers(aText, "--a");
        var b = bText is null ? new double[w.RowCount] : EvalOutput.ParseNumbers(bText, "--b");
        if (a.Length != w.RowCount || b.Length != w.RowCount) return Cli.Fail($"--a and --b need {w.RowCount} entries (one per matrix row)");
        var net = new DenseTwoLayerRelu(Enumerable.Range(0, w.RowCount).Select(k => w.Row(k).ToArray()).ToArray(), b, a);
        double l1 = Norms.PathNorm.L1(net), l2 = Norms.PathNorm.L2(net), sq = Norms.PathNorm.Squared(net);
        EvalOutput.Emit(format, new JsonObject { ["width"] = net.Width, ["d"] = net.D, ["path_norm_l1"] = l1, ["path_norm_l2"] = l2, ["path_norm_squared"] = sq, ["cost"] = net.Cost },
            $"f(x) = Σ a_k σ(⟨w_k,x⟩ + b_k), {net.Width} units, d = {net.D}: ‖θ‖_P = Σ|a_k|‖(w_k,b_k)‖₁ = {l1:G10}; ℓ2 {l2:G10}; squared paths Σa_k²(‖w_k‖² + b_k²) = {sq:G10}; C = Σ|a_k|‖w_k‖₂ = {net.Cost:G10}", "path_norm_l1");
        return Cli.Ok;
    }
}
