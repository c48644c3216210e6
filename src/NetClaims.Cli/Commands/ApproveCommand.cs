using System.CommandLine;
using NetClaims.Claims;
using NetClaims.Properties;
using NetClaims.Reports;

namespace NetClaims.Cli.Commands;

/// <summary>
/// <c>netclaims approve [--claim ID]…</c>: recomputes the selected claims' reports and writes them to snapshots/ as
/// approved (atomically), showing which cells changed. Refused when CI=true.
/// </summary>
internal static class ApproveCommand
{
    public static Command Create()
    {
        var claims = Cli.Claims("Claim id or dot-prefix to approve (repeatable; default: all)");
        var project = ClaimTarget.ProjectOption();
        var assembly = ClaimTarget.AssemblyOption();
        var cmd = new Command("approve", "Approve the current reports of claims into snapshots/") { claims, project, assembly };
        cmd.SetAction(p => Run(p.GetValue(claims) ?? [], p.GetValue(project), p.GetValue(assembly)));
        return cmd;
    }

    static int Run(string[] selectors, string? project, string? assembly)
    {
        if (Ci.IsCi) return Cli.Fail("refusing to approve snapshots when CI=true: approve locally and commit snapshots/");
        var target = ClaimTarget.Resolve(project, assembly);
        var selected = ClaimRunner.Select(target.Source.Claims, selectors);
        var store = target.Snapshots;
        if (store is null) return Cli.Fail("no snapshots/ folder found: run from inside the NetClaims repository or set NETCLAIMS_SNAPSHOTS");
        var settings = RunSettings.Default.WithCache(new RunCache());
        foreach (var claim in selected)
        {
            var rendered = ReportText.Render(claim.BuildReport(settings));
            var what = store.ApproveIfChanged(claim.Id, rendered);
            Console.WriteLine($"approved {claim.Id}: {what}");
        }
        return Cli.Ok;
    }
}
