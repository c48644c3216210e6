using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using NetClaims.Cube;
using NetClaims.Networks;
using NetClaims.Norms;
using NetClaims.Reports;

namespace NetClaims.Cli.Commands.Eval;

/// <summary><c>netclaims eval ridge-cost</c>: The cheapest ridge interpolant of parity along a direction v (exact for integer v), or +∞ with the colliding pair.</summary>
internal static class RidgeCostEval
{
    public static Command Create()
    {
        var v = new Option<string>("--v") { Description = "The direction, comma-separated (integers are exact), e.g. 1,1,1,1", Required = true };
        var format = Cli.Format();
        var cmd = new Command("ridge-cost", "The cheapest ridge interpolant of parity along a direction v (exact for integer v), or +∞ with the colliding pair") { v, format };
        cmd.SetAction(p => Cli.WithUserValues(() => RidgeCost(p.GetValue(v)!, p.GetValue(format)!)));
        return cmd;
    }

    static int RidgeCost(string direction, string format)
    {
        var tokens = direction.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 2) return Cli.Fail("--v needs at least 2 coordinates (d ≥ 2)");
        if (tokens.Length > 24) return Cli.Fail($"--v has {tokens.Length} coordinates: the ridge cost sorts all 2^d projections, refused above d = 24");
        var v = EvalOutput.ParseNumbers(direction, "--v", skipEmpty: true);
        var d = new Dimension(v.Length);
        // Integer coordinates are parsed exactly (beyond 2^53 too): the projections are then exact integers.
        var integers = tokens.Select(t => System.Numerics.BigInteger.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b) ? b : (System.Numerics.BigInteger?)null).ToArray();
        var r = integers.All(b => b is not null) ? Norms.RidgeCost.OfInteger(integers.Select(b => b!.Value).ToArray()) : Norms.RidgeCost.OfReal(v);
        var bound = 2 * (d.Value - 1) * Math.Sqrt(d.Value);
        var text = r.Witness is { } pair
            ? $"ridge cost +∞: x = {Vertex.Format(pair.X, d)} and x' = {Vertex.Format(pair.Y, d)} have ⟨v,x⟩ = ⟨v,x'⟩ but χ(x) ≠ χ(x')"
            : $"ridge cost {(r.Exact?.ToString() ?? r.ExactText ?? r.Cost.ToString("G12", CultureInfo.InvariantCulture))} ≈ {r.Cost:G12} (sharp lower bound 2(d−1)√d = {bound:G12})";
        EvalOutput.Emit(format, new JsonObject
            {
                ["direction"] = new JsonArray(integers.All(b => b is not null)
                    ? integers.Select(b => b!.Value >= long.MinValue && b.Value <= long.MaxValue ? (JsonNode)(long)b.Value : (JsonNode)b.Value.ToString(CultureInfo.InvariantCulture)).ToArray()
                    : v.Select(x => (JsonNode)x).ToArray()),
                ["d"] = d.Value,
                ["finite"] = r.IsFinite,
                ["cost"] = r.IsFinite ? r.Cost : null,
                ["cost_exact"] = r.Exact?.ToString() ?? r.ExactText,
                ["sharp_lower_bound"] = bound,
                ["witness"] = r.Witness is { } w ? new JsonArray(Vertex.Format(w.X, d), Vertex.Format(w.Y, d)) : null,
            }, text, "cost_exact");
        return Cli.Ok;
    }
}
