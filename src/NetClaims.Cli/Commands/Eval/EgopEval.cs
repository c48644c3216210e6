using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using NetClaims.Cube;
using NetClaims.Networks;
using NetClaims.Norms;
using NetClaims.Reports;

namespace NetClaims.Cli.Commands.Eval;

/// <summary><c>netclaims eval egop</c>: The EGOP spectrum and effective rank of a two-layer ReLU network over U[−1,1]^d (Monte Carlo).</summary>
internal static class EgopEval
{
    public static Command Create()
    {
        var matrix = MatrixOption();
        var a = new Option<string>("--a") { Description = "The output weights, comma-separated, one per matrix row", Required = true };
        var b = new Option<string?>("--b") { Description = "The biases, comma-separated (default 0)" };
        var samples = new Option<int>("--samples") { Description = "Monte-Carlo samples", DefaultValueFactory = _ => 20_000 };
        var seed = new Option<int>("--seed") { Description = "Sample seed", DefaultValueFactory = _ => 1 };
        var format = Cli.Format();
        var cmd = new Command("egop", "The EGOP spectrum and effective rank of a two-layer ReLU network over U[−1,1]^d (Monte Carlo)") { matrix, a, b, samples, seed, format };
        cmd.SetAction(p => Cli.WithUserValues(() => EgopOf(p.GetValue(matrix)!, p.GetValue(a)!, p.GetValue(b), p.GetValue(samples), p.GetValue(seed), p.GetValue(format)!)));
        return cmd;
    }

    static Option<string> MatrixOption() => EvalOutput.MatrixOption();

    static int EgopOf(string matrix, string aText, string? bText, int samples, int seed, string format)
    {
        var w = LinearLayers.Schatten.ParseMatrix(matrix);
        var a = EvalOutput.ParseNumbers(aText, "--a");
        var b = bText is null ? new double[w.RowCount] : EvalOutput.ParseNumbers(bText, "--b");
        if (a.Length != w.RowCount || b.Length != w.RowCount) return Cli.Fail($"--a and --b need {w.RowCount} entries (one per matrix row)");
        if (samples < 2 || samples > 10_000_000) return Cli.Fail($"--samples must be between 2 and 10000000, not {samples}");
        if ((long)samples * w.RowCount * w.ColumnCount > 4_000_000_000L) return Cli.Fail($"{samples} samples of a {w.RowCount}×{w.ColumnCount} network is too much work here (samples·rows·columns ≤ 4e9)");
        // C_f(cW, a, cb) = c²·C_f(W, a, b) and C_f(W, ka, b) = k²·C_f(W, a, b): compute at unit scale, then scale back.
        double sw = Math.Max(LinearLayers.Schatten.Scale(w), b.Length == 0 ? 0 : b.Max(Math.Abs)), sa = a.Max(Math.Abs);
        if (sw == 0 || sa == 0) sw = sa = 1;
        var e0 = LinearLayers.Egop.Estimate(w.Map(x => x / sw), MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(a.Select(x => x / sa).ToArray()),
            MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(b.Select(x => x / sw).ToArray()), samples, seed);
        double k = sw * sw * sa * sa;
        var e = e0 with { C = e0.C * k, EigenValues = e0.EigenValues.Select(x => x * k).ToArray(), StandardError = e0.StandardError * k };
        EvalOutput.Emit(format, new JsonObject
        {
            ["samples"] = samples,
            ["eigenvalues"] = new JsonArray(e.EigenValues.Select(x => (JsonNode)x).ToArray()),
            ["effective_rank_1e-9"] = e.EffectiveRank(1e-9),
            ["effective_rank_1e-2"] = e.EffectiveRank(1e-2),
            ["frobenius_standard_error"] = e.StandardError,
        }, $"EGOP over U[−1,1]^{w.ColumnCount} ({samples} samples): eigenvalues ({string.Join(", ", e.EigenValues.Select(x => x.ToString("G6", CultureInfo.InvariantCulture)))}); rank {e.EffectiveRank(1e-9)}; standard error (Frobenius) {e.StandardError:G3}", "eigenvalues");
        return Cli.Ok;
    }
}
