using Fractions;
using NetClaims.Claims;
using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Exact;
using NetClaims.Networks;
using NetClaims.Reports;

namespace NetClaims.Properties.Ahs23;

/// <summary>A false variant of a construction: a different build that someone might believe still works.</summary>
internal sealed record FalseBuild(string Statement, string Key, Func<Dimension, TwoLayerRelu> Build);

/// <summary>A false statement about a construction's cost: a predicate on (d, the exact cost summed from the weights).</summary>
internal sealed record FalseCost(string Statement, Func<Dimension, SurdSum, CaseResult> Holds)
{
    /// <summary>"C = closed form", decided by exact equality of surds.</summary>
    public static FalseCost Equal(string statement, Func<Dimension, SurdSum> cost) =>
        new(statement, (d, fromWeights) => ConstructionClaims.SameCost(fromWeights, cost(d), "the false form"));

    /// <summary>"C = √(k·π)·d" — an asymptote taken for the exact value — refuted by a certified comparison with π.</summary>
    public static FalseCost Asymptote(string statement, int k, string form) => new(statement, (d, c) =>
    {
        double asymptote = Math.Sqrt(k * Math.PI) * d.Value;
        int sign = SurdOrder.CompareWithSqrtPi(c, new Fraction(k * (long)d.Value * d.Value));
        return CaseResult.Fail($"certified C {(sign > 0 ? ">" : "<")} {form}: C = {c} ≈ {c.ToDouble():G10}, {form} ≈ {asymptote:G10} (relative gap {c.ToDouble() / asymptote - 1:G3})");
    });
}

/// <summary>
/// The two claims every parity construction carries: it interpolates χ on every vertex (checked neuron by neuron,
/// exactly), and its cost summed from its own weights equals the closed form. Both enumerate every d of their range.
/// </summary>
internal static class ConstructionClaims
{
    public static Claim Interpolates(string id, Citation source, Construction c, FalseBuild negative)
    {
        var claimId = new ClaimId(id);
        return new Claim(
            claimId, source,
            $"The {c.Name} network ({c.Description}) equals the parity χ exactly on every vertex of {{±1}}^d, for every d ≥ {c.MinD} (checked exhaustively for {c.MinD} ≤ d ≤ {Paper.MaxExhaustiveD}).",
            EvidenceTier.Exact,
            s => DimensionChecks.ForEach(s, c.MinD, Paper.CheckedMaxD(s, c), d =>
            {
                s.Log($"{id}: d={d}");
                var e = Evaluations.Exhaustive(s.Cache, c, d);
                return Verdict(e);
            }),
            s => new ReportContent($"{c.Name}: exhaustive exact evaluation on {{±1}}^d", InterpolationTable(c.MinD, d => Evaluations.Exhaustive(s.Cache, c, d)))
                .WithNotes(c.Compact is null
                        ? "Exact: every vertex evaluated neuron by neuron in 64-bit integers (common-denominator scaling); the closed form of g is never used."
                        : $"Exact: every vertex evaluated neuron by neuron in 64-bit integers (common-denominator scaling) for d ≤ {Evaluations.DirectMaxD}; above, the same units on the whole cube by Walsh–Hadamard transforms (exact integers, proven overflow bound). The closed form of g is never used.",
                           c.Compact is null
                        ? "max_abs_error_f64: the same neurons in IEEE double; tolerance abs 1e-9 (the sum has ≤ 3·2^16 terms of size ≤ 1, so rounding stays below 2^16·3·2^-52·16 ≈ 7e-10)."
                        : $"max_abs_error_f64: the same neurons in IEEE double for d ≤ {Evaluations.DirectMaxD}, the exact error rounded above; tolerance abs 1e-9 (the sum has ≤ 3·2^14 terms of size ≤ 1, so rounding stays below 2^14·3·2^-52·14 ≈ 2e-10)."),
            new NegativeControl(negative.Statement,
                s => DimensionChecks.ForEach(s, c.MinD, Paper.MaxExhaustiveD, d => Verdict(Evaluations.Exhaustive(s.Cache, negative.Key, d, negative.Build, stopAtFirstMismatch: true)))));
    }

    public static Claim Cost(string id, Citation source, Construction c, int maxGeneratedD, FalseCost negative)
    {
        var claimId = new ClaimId(id);
        int lo = c.ClosedFormMinD;
        return new Claim(
            claimId, source,
            $"The cost C(g) = Σ|u_i|·‖w_i‖₂ of the {c.Name} network, summed exactly from its weights, equals {c.ClosedFormText} for every d ≥ {lo} (checked for {lo} ≤ d ≤ {maxGeneratedD}).",
            EvidenceTier.Exact,
            s => DimensionChecks.ForEach(s, lo, maxGeneratedD, d => SameCost(Evaluations.Cost(s.Cache, c, d).Cost, c.ClosedFormCost(d), c.ClosedFormText)),
            s => new ReportContent($"{c.Name}: exact cost from the weights vs the closed form {c.ClosedFormText}", CostTable(s.Cache, c, lo)),
            new NegativeControl(negative.Statement,
                s => DimensionChecks.ForEach(s, lo, maxGeneratedD, d => negative.Holds(d, Evaluations.Cost(s.Cache, c, d).Cost))));
    }

    static CaseResult Verdict(Evaluation e)
    {
        var chk = e.Check!;
        if (double.IsNaN(chk.MaxAbsErrorFloat) || double.IsInfinity(chk.MaxAbsErrorFloat))
            return CaseResult.Fail($"float evaluation is not finite ({chk.MaxAbsErrorFloat})");
        return chk.Interpolates
            ? CaseResult.Pass($"all {chk.Vertices} vertices exact")
            : CaseResult.Fail($"{chk.Mismatches} of {chk.Vertices} vertices differ from χ; first at x = {Vertex.Format(chk.FirstMismatch!.Value, new Dimension(e.D))}: g(x) = {chk.FirstMismatchValue}");
    }

    internal static CaseResult SameCost(SurdSum fromWeights, SurdSum closed, string form) =>
        fromWeights.Equals(closed)
            ? CaseResult.Pass($"C = {fromWeights}")
            : CaseResult.Fail($"cost from the weights is {fromWeights} ≈ {fromWeights.ToDouble():G10}, {form} gives {closed} ≈ {closed.ToDouble():G10}");

    public static ReportTable InterpolationTable(int minD, Func<Dimension, Evaluation> eval)
    {
        var t = new ReportTable.Builder("exhaustive")
            .Column("d", CellRule.Exact).Column("width", CellRule.Exact).Column("vertices", CellRule.Exact)
            .Column("mismatches", CellRule.Exact).Column("interpolates", CellRule.Exact).Column("max_abs_error_f64", CellRule.Abs(1e-9));
        for (int d = minD; d <= Paper.MaxExhaustiveD; d++)
        {
            var e = eval(new Dimension(d));
            t.Row(d, e.Width, e.Check!.Vertices, e.Check.Mismatches, e.Check.Interpolates, e.Check.MaxAbsErrorFloat);
        }
        return t.Build();
    }

    static ReportTable CostTable(RunCache? cache, Construction c, int lo)
    {
        var t = new ReportTable.Builder("cost")
            .Column("d", CellRule.Exact).Column("width", CellRule.Exact).Column("cost_exact", CellRule.Exact)
            .Column("closed_form", CellRule.Exact).Column("equal", CellRule.Exact)
            .Column("cost", CellRule.Rel(1e-12)).Column("cost/d", CellRule.Rel(1e-12)).Column("cost/d^1.5", CellRule.Rel(1e-12));
        for (int d = lo; d <= Paper.MaxExhaustiveD; d++)
        {
            var e = Evaluations.Cost(cache, c, new Dimension(d));
            var closed = c.ClosedFormCost(new Dimension(d));
            double x = e.CostDouble;
            t.Row(d, e.Width, e.Cost, closed, e.Cost.Equals(closed), x, x / d, x / Math.Pow(d, 1.5));
        }
        return t.Build();
    }
}
