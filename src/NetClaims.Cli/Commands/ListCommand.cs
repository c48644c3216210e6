using System.CommandLine;
using System.Text.Json.Nodes;
using NetClaims.Properties;

namespace NetClaims.Cli.Commands;

/// <summary><c>netclaims list [--format text|json|markdown]</c>: id, source, tier and statement of every claim (markdown: the
/// catalogue document, docs/claims.md).</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format")
        {
            Description = "Output format: text, json or markdown (the catalogue document)",
            DefaultValueFactory = _ => "text",
            Validators = { r => { var v = r.GetValueOrDefault<string>(); if (v is not ("text" or "json" or "markdown")) r.AddError($"--format must be text, json or markdown, not '{v}'"); } },
        };
        var project = ClaimTarget.ProjectOption();
        var assembly = ClaimTarget.AssemblyOption();
        var cmd = new Command("list", "List every claim: id, source, evidence tier, statement") { format, project, assembly };
        cmd.SetAction(p =>
        {
            var claims = ClaimTarget.Resolve(p.GetValue(project), p.GetValue(assembly)).Source.Claims;
            if (p.GetValue(format) == "markdown")
            {
                Console.Out.Write(ClaimCatalogDocument.Markdown(claims));
                return Cli.Ok;
            }
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
