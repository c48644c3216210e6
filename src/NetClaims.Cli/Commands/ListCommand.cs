using System.CommandLine;
using System.Text.Json.Nodes;
using NetClaims.Properties;

namespace NetClaims.Cli.Commands;

/// <summary><c>netclaims list [--format text|json]</c>: id, source, tier and statement of every claim.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var format = Cli.Format();
        var cmd = new Command("list", "List every claim: id, source, evidence tier, statement") { format };
        cmd.SetAction(p =>
        {
            var claims = ClaimCatalog.All;
            if (p.GetValue(format) == "json")
            {
                var arr = new JsonArray(claims.Select(c => (JsonNode)new JsonObject
                {
                    ["id"] = c.Id.Value,
                    ["source"] = c.Source.ToString(),
                    ["tier"] = c.Tier.ToString(),
                    ["statement"] = c.Statement,
                    ["negative_control"] = c.NegativeControl.Statement,
                }).ToArray());
                Console.WriteLine(arr.ToJsonString(NetClaims.Reports.RunReport.JsonOptions));
            }
            else
            {
                foreach (var c in claims)
                {
                    Console.WriteLine($"{c.Id}  [{c.Tier}]");
                    Console.WriteLine($"    {c.Statement}");
                    Console.WriteLine($"    source: {c.Source}");
                    Console.WriteLine($"    negative control: {c.NegativeControl.Statement}");
                }
            }
            return Cli.Ok;
        });
        return cmd;
    }
}
