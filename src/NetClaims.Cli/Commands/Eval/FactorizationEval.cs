using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using NetClaims.Cube;
using NetClaims.Networks;
using NetClaims.Norms;
using NetClaims.Reports;

namespace NetClaims.Cli.Commands.Eval;

/// <summary><c>netclaims eval factorization</c>: The balanced factorisation of a matrix into L − 1 factors, and its cost against the Schatten 2/(L−1) quasi-norm.</summary>
internal static class FactorizationEval
{
    public static Command Create()
    {
        var matrix = MatrixOption();
        var layers = new Option<int>("--L") { Description = "The number of layers L", Required = true };
        var format = Cli.Format();
        var cmd = new Command("factorization", "The balanced factorisation of a matrix into L − 1 factors, and its cost against the Schatten 2/(L−1) quasi-norm") { matrix, layers, format };
        cmd.SetAction(p => Cli.WithUserValues(() => Factorization(p.GetValue(matrix)!, p.GetValue(layers), p.GetValue(format)!)));
        return cmd;
    }

    static Option<string> MatrixOption() => EvalOutput.MatrixOption();

    static int Factorization(string matrix, int l, string format)
    {
        if (l < 2 || l > 64) return Cli.Fail($"--L must be between 2 and 64 (p = L−1 factors of size ≤ rank × rank each), not {l}");
        var w = LinearLayers.Schatten.ParseMatrix(matrix);
        // Balanced factors are scale-covariant: W = s·W₁ has factors s^{1/p}·(factors of W₁), so large or tiny entries
        // never reach the SVD.
        double scale = LinearLayers.Schatten.Scale(w);
        var unit = scale == 0 ? w : w.Map(x => x / scale);
        var f1 = LinearLayers.BalancedFactorization.Build(unit, l - 1);
        var f = f1.Select(m => scale == 0 ? m : m * Math.Pow(scale, 1.0 / (l - 1))).ToList();
        double cost = LinearLayers.BalancedFactorization.Cost(f), target = LinearLayers.Schatten.Powered(w, 2.0 / (l - 1));
        EvalOutput.Emit(format, new JsonObject
        {
            ["L"] = l,
            ["factors"] = l - 1,
            ["balanced_cost"] = cost,
            ["schatten_2_over_p_powered"] = target,
            ["factor_norms_squared"] = new JsonArray(f.Select(m => (JsonNode)Math.Pow(m.FrobeniusNorm(), 2)).ToArray()),
            ["imbalance"] = LinearLayers.BalancedFactorization.Imbalance(f),
            ["product_error"] = (LinearLayers.BalancedFactorization.Product(f1) - unit).FrobeniusNorm() * (scale == 0 ? 1 : scale),
        }, $"balanced factorisation into {l - 1} factors: cost {cost:G12} = ‖W‖_S(2/p)^(2/p) {target:G12}; factor norms² ({string.Join(", ", f.Select(m => Math.Pow(m.FrobeniusNorm(), 2).ToString("G8", CultureInfo.InvariantCulture)))})", "balanced_cost");
        return Cli.Ok;
    }
}
