using System.Globalization;
using NetClaims.Claims;
using NetClaims.Reports;

namespace NetClaims.Proofs;

/// <summary>Per-step slack of a proof over a family of instances.</summary>
/// <param name="Step">The step.</param>
/// <param name="Instances">Instances on which the step applied.</param>
/// <param name="Failures">Instances on which it failed.</param>
/// <param name="Min">Smallest relative slack (the tightest instance).</param>
/// <param name="Median">Median relative slack.</param>
/// <param name="Max">Largest relative slack.</param>
/// <param name="Tightest">The instance where the step is tightest.</param>
public sealed record StepSlack(ProofStep Step, int Instances, int Failures, double Min, double Median, double Max, string Tightest);

/// <summary>
/// The report of a proof: the numbered chain (relation, argument, provenance, tier), per-step slack statistics over a
/// deterministic family with the tightest instance, the loosest step named, and a figure of every inequality step's
/// slack against the family's parameter. Relative slack = gap / max(|left|, |right|): 0 is tight.
/// </summary>
public static class ProofReport
{
    /// <summary>Slack figures are rounded in the report's comparison to this absolute tolerance (doubles from several solvers).</summary>
    public const double SlackTolerance = 1e-6;

    /// <summary>Per-step slack over <paramref name="instances"/>.</summary>
    public static IReadOnlyList<StepSlack> Slack<T>(Proof<T> proof, IReadOnlyList<T> instances, Func<T, string> show) =>
        Slack(proof, instances.Select(i => (i, proof.Evaluate(i))).ToArray(), show);

    static IReadOnlyList<StepSlack> Slack<T>(Proof<T> proof, IReadOnlyList<(T Instance, ProofTrace Trace)> traces, Func<T, string> show) =>
        proof.Steps.Select(step =>
        {
            var rows = traces.Select(t => (t.Instance, S: t.Trace.Step(step.Number))).Where(r => r.S.Applies).ToArray();
            if (rows.Length == 0) return new StepSlack(step, 0, 0, 0, 0, 0, "");
            var sorted = rows.Select(r => r.S.Relative).Order().ToArray();
            var tight = rows.MinBy(r => Math.Round(r.S.Relative, 10)); // ties within rounding go to the first instance of the family
            double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
            return new StepSlack(step, rows.Length, rows.Count(r => !r.S.Holds), sorted[0], median, sorted[^1], show(tight.Instance));
        }).ToArray();

    /// <summary>The inequality step with the largest median relative slack (null when every step is an equality).</summary>
    public static StepSlack? Loosest(IReadOnlyList<StepSlack> slack) =>
        slack.Where(s => s.Step.Relation != Relation.Eq && s.Instances > 0).OrderByDescending(s => s.Median).FirstOrDefault();

    /// <summary>The report content of <paramref name="proof"/> over <paramref name="family"/>.</summary>
    public static ReportContent Of<T>(Proof<T> proof, ClaimContext context, ProofFamily<T> family, Func<T, string> show)
    {
        // Every instance is evaluated once; the slack table and the figure read the same traces.
        var traces = family.Instances(context).Select(i => (Instance: i, Trace: proof.Evaluate(i))).ToArray();
        var slack = Slack(proof, traces, show);
        var chain = new ReportTable.Builder("chain").Column("step", CellRule.Exact).Column("chain", CellRule.Text).Column("statement", CellRule.Text)
            .Column("by", CellRule.Text).Column("provenance", CellRule.Text).Column("tier", CellRule.Text);
        foreach (var c in proof.Chains)
        {
            if (c.Given is { } g) chain.Row(0, c.Name, "given " + g.Condition.Text, "hypothesis", "", g.Condition.Tier.ToString());
            foreach (var s in c.Steps) chain.Row(s.Number, c.Name, s.Text, s.By, s.Provenance, s.Tier.ToString());
        }
        var rule = CellRule.Abs(SlackTolerance);
        var stats = new ReportTable.Builder("slack").Column("step", CellRule.Exact).Column("instances", CellRule.Exact).Column("failures", CellRule.Exact)
            .Column("min", rule).Column("median", rule).Column("max", rule).Column("tightest_at", CellRule.Text);
        foreach (var s in slack) stats.Row(s.Step.Number, s.Instances, s.Failures, s.Min, s.Median, s.Max, s.Tightest);

        // The figure: per value of the parameter, each inequality step's smallest relative slack.
        var plotted = proof.Steps.Where(s => s.Relation != Relation.Eq).ToArray();
        var groups = traces.GroupBy(r => family.X(r.Instance)).OrderBy(g => g.Key).ToArray();
        var cells = groups.Select(g => plotted.Select(s =>
        {
            var applied = g.Select(r => r.Trace.Step(s.Number)).Where(t => t.Applies).ToArray();
            return applied.Length == 0 ? (double?)null : applied.Min(t => t.Relative);
        }).ToArray()).ToArray();
        var byX = new ReportTable.Builder("slack-by-x").Column(family.XName, CellRule.Rel(1e-12));
        // A step whose chain's hypothesis holds at no instance of some x has no slack there ("n/a", compared as text).
        for (int j = 0; j < plotted.Length; j++)
            byX.Column($"step{plotted[j].Number}", cells.All(r => r[j] is not null) ? rule : CellRule.Text);
        for (int i = 0; i < groups.Length; i++)
            byX.Row([groups[i].Key, .. cells[i].Select(c => c is { } v ? (object)v : "n/a")]);
        var loosest = Loosest(slack);
        var notes = new List<string>
        {
            $"proves: {proof.Statement}",
            "relative slack = (larger side − smaller side) / max(|left|, |right|) per instance; 0 is tight, negative fails; an equality's slack is its numerical discrepancy.",
            loosest is null ? "every step is an equality" :
                $"loosest step: {loosest.Step.Number} ({loosest.Step.Text}, by {loosest.Step.By}), median relative slack {Num(loosest.Median)} (range {Num(loosest.Min)} to {Num(loosest.Max)}) over {loosest.Instances} instances",
        };
        if (slack.Where(s => s.Failures > 0).ToArray() is { Length: > 0 } failing)
            notes.Add("FAILING steps on the report family: " + string.Join(", ", failing.Select(f => $"{f.Step.Number} ({f.Failures} instances)")));
        var content = new ReportContent($"proof: {proof.Title}", chain.Build(), stats.Build(), byX.Build()).WithNotes([.. notes]);
        return plotted.Length == 0 ? content : content.WithPlot(new PlotSpec("slack", $"relative slack of each inequality step against {family.XName}", "slack-by-x", family.XName, plotted.Select(s => $"step{s.Number}").ToArray(), LogLog: false));
    }

    static string Num(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
