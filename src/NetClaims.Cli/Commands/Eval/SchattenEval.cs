using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using NetClaims.Cube;
using NetClaims.Networks;
using NetClaims.Norms;
using NetClaims.Reports;

namespace NetClaims.Cli.Commands.Eval;

/// <summary><c>netclaims eval schatten</c>: Schatten (quasi-)norms and singular values of a matrix.</summary>
internal static class SchattenEval
{
    public static Command Create()
    {
        var matrix = MatrixOption();
        var q = new Option<double>("--q") { Description = "The exponent q > 0 (inf for the spectral norm)", DefaultValueFactory = _ => 1 };
        var format = Cli.Format();
        var cmd = new Command("schatten", "Schatten (quasi-)norms and singular values of a matrix") { matrix, q, format };
        cmd.SetAction(p => Cli.WithUserValues(() => Schatten(p.GetValue(matrix)!, p.GetValue(q), p.GetValue(format)!)));
        return cmd;
    }

    static Option<string> MatrixOption() => EvalOutput.MatrixOption();

    static int Schatten(string matrix, double q, string format)
    {
        if (!(q > 0)) return Cli.Fail($"--q must be positive (or inf), not {q.ToString(CultureInfo.InvariantCulture)}");
        var w = LinearLayers.Schatten.ParseMatrix(matrix);
        var s = LinearLayers.Schatten.SingularValues(w);
        double norm = LinearLayers.Schatten.Norm(w, q);
        EvalOutput.Emit(format, new JsonObject
        {
            ["rows"] = w.RowCount,
            ["columns"] = w.ColumnCount,
            ["q"] = q,
            ["singular_values"] = new JsonArray(s.Select(x => (JsonNode)x).ToArray()),
            ["schatten"] = norm,
            ["schatten_powered"] = double.IsInfinity(q) ? null : LinearLayers.Schatten.Powered(w, q),
            ["rank"] = LinearLayers.Schatten.Rank(w),
        }, $"‖W‖_S{q} = {norm:G12}; singular values ({string.Join(", ", s.Select(x => x.ToString("G8", CultureInfo.InvariantCulture)))}); rank {LinearLayers.Schatten.Rank(w)}", "schatten");
        return Cli.Ok;
    }
}
