using System.Globalization;
using NetClaims.Claims;
using NetClaims.Reports;

namespace NetClaims.Proofs;

/// <summary>One step of a chain: <c>From Relation To</c>, justified by a lemma or argument.</summary>
/// <param name="Number">The step's number in the whole proof (1-based, across chains), as reports and failures name it.</param>
/// <param name="Chain">The chain the step belongs to.</param>
/// <param name="From">The left quantity.</param>
/// <param name="Relation">The relation asserted.</param>
/// <param name="To">The right quantity.</param>
/// <param name="By">The lemma or argument the step uses.</param>
/// <param name="Provenance">Provenance tag of the argument, e.g. [SRC:blog] or [DER].</param>
/// <param name="Tier">The evidence the step's decision needs: Exact (exact numbers), Certified (enclosures) or Tolerance.</param>
/// <param name="Tolerance">The allowance of a Tolerance step (null for Exact and Certified steps).</param>
public sealed record ProofStep(int Number, string Chain, string From, Relation Relation, string To, string By, string Provenance, EvidenceTier Tier, Tolerance? Tolerance)
{
    /// <summary>The step as written: <c>From R To</c>.</summary>
    public string Text => $"{From} {Relation.Symbol()} {To}";

    /// <summary>
    /// Decides the step on two values. Exact: exact comparison. Certified: enclosures separate (for =, they intersect).
    /// Tolerance: a ≤ b + Abs + Rel·max(|a|, |b|) (and the mirror image; = uses <see cref="Tolerance.Accepts"/>).
    /// Evidence weaker than the tier asks for is an error of the proof, never a pass.
    /// </summary>
    public bool Decide(ProofValue a, ProofValue b)
    {
        switch (Tier)
        {
            case EvidenceTier.Exact:
                if (a.ExactValue is null || b.ExactValue is null)
                    throw new ProofDefectException($"step {Number} is Exact but {(a.ExactValue is null ? From : To)} is not an exact value");
                int c = a.ExactValue.CompareTo(b.ExactValue);
                return Relation switch
                {
                    Relation.Eq => c == 0,
                    Relation.Le => c <= 0,
                    Relation.Lt => c < 0,
                    Relation.Ge => c >= 0,
                    _ => c > 0,
                };
            case EvidenceTier.Certified:
                if (a.Kind == EvidenceTier.Tolerance || b.Kind == EvidenceTier.Tolerance)
                    throw new ProofDefectException($"step {Number} is Certified but {(a.Kind == EvidenceTier.Tolerance ? From : To)} is only an approximation");
                return Relation switch
                {
                    Relation.Eq => a.Lo <= b.Hi && b.Lo <= a.Hi,
                    Relation.Le => a.Hi <= b.Lo,
                    Relation.Lt => a.Hi < b.Lo,
                    Relation.Ge => a.Lo >= b.Hi,
                    _ => a.Lo > b.Hi,
                };
            default:
                var tol = Tolerance ?? throw new ProofDefectException($"step {Number} is decided with a tolerance but states none");
                double x = a.Estimate, y = b.Estimate, allow = tol.Allowance(x, y);
                return Relation switch
                {
                    Relation.Eq => tol.Accepts(x, y),
                    Relation.Le => x <= y + allow,
                    Relation.Ge => x >= y - allow,
                    _ => throw new ProofDefectException($"step {Number} is strict: a strict step needs exact or certified evidence"),
                };
        }
    }

    /// <summary>
    /// The step's slack on two values: the gap (larger side − smaller side as the relation orders them; |a − b| for =)
    /// and the relative slack gap / max(|a|, |b|) (0 when both are 0): 0 is tight, a negative gap is a failure.
    /// </summary>
    public (double Gap, double Relative) Slack(double a, double b)
    {
        double gap = Relation.Direction() switch
        {
            > 0 => b - a,
            < 0 => a - b,
            _ => Math.Abs(a - b),
        };
        double scale = Math.Max(Math.Abs(a), Math.Abs(b));
        return (gap, scale > 0 ? gap / scale : 0);
    }
}

/// <summary>A hypothesis under which a chain is asserted, decided on each instance like a step (e.g. ‖g − χ‖₂ ≤ ½).</summary>
/// <param name="Condition">The hypothesis as a relation between two quantities (its number is 0).</param>
/// <param name="MinimumFraction">The fraction of generated instances on which it must hold, or the chain's check is vacuous.</param>
public sealed record ProofHypothesis(ProofStep Condition, double MinimumFraction)
{
    /// <summary>The coverage label of instances on which the hypothesis holds.</summary>
    public string Label => $"given {Condition.Text}";
}

/// <summary>A chain q₀ R₁ q₁ R₂ … q_k that proves <c>Lhs Relation Rhs</c>, optionally under a hypothesis.</summary>
/// <param name="Name">The chain's name (e.g. "correlation bound").</param>
/// <param name="Steps">Its steps, in order.</param>
/// <param name="Given">The hypothesis, if any.</param>
/// <param name="Lhs">The stated inequality's left side.</param>
/// <param name="Relation">The stated relation.</param>
/// <param name="Rhs">The stated inequality's right side.</param>
public sealed record ProofChain(string Name, IReadOnlyList<ProofStep> Steps, ProofHypothesis? Given, string Lhs, Relation Relation, string Rhs)
{
    /// <summary>The statement the chain proves, as written.</summary>
    public string Statement => (Given is { } g ? $"if {g.Condition.Text} then " : "") + $"{Lhs} {Relation.Symbol()} {Rhs}";
}

/// <summary>What one instance gave for one step.</summary>
/// <param name="Step">The step.</param>
/// <param name="Applies">Whether the chain's hypothesis held (a step of a chain whose hypothesis fails is not asserted).</param>
/// <param name="Holds">Whether the step held (true when it does not apply).</param>
/// <param name="Left">The left quantity's value.</param>
/// <param name="Right">The right quantity's value.</param>
/// <param name="Gap">The absolute slack (negative: the step fails).</param>
/// <param name="Relative">The relative slack.</param>
public sealed record StepTrace(ProofStep Step, bool Applies, bool Holds, ProofValue? Left, ProofValue? Right, double Gap, double Relative);

/// <summary>A proof evaluated on one instance: every quantity once, every step decided.</summary>
/// <param name="Steps">Per-step outcomes, in proof order.</param>
/// <param name="Hypotheses">Per chain name, whether its hypothesis held.</param>
public sealed record ProofTrace(IReadOnlyList<StepTrace> Steps, IReadOnlyDictionary<string, bool> Hypotheses)
{
    /// <summary>What this instance gave for step <paramref name="number"/> (steps are numbered 1…n in proof order).</summary>
    public StepTrace Step(int number) => Steps[number - 1];

    /// <summary>The first step (in proof order) that applies and fails, if any.</summary>
    public StepTrace? FirstFailure => Steps.FirstOrDefault(s => s.Applies && !s.Holds);

    /// <summary>The chain of the failing step with the values at this instance, on one line.</summary>
    public string Show(string chain)
    {
        var steps = Steps.Where(s => s.Step.Chain == chain && s.Left is not null).ToArray();
        if (steps.Length == 0) return $"chain '{chain}' not asserted (hypothesis fails)";
        var parts = new List<string> { $"{steps[0].Step.From} = {Num(steps[0].Left!)}" };
        foreach (var s in steps)
            parts.Add($"{s.Step.Relation.Symbol()}[{s.Step.Number}{(s.Holds ? "" : " FAILS")}] {s.Step.To} = {Num(s.Right!)}");
        return string.Join(" ", parts);
    }

    static string Num(ProofValue v) => v.Estimate.ToString("G8", CultureInfo.InvariantCulture);
}

/// <summary>A defect of the proof itself (missing evidence, a wrong step failing at another step): an error, never a verdict.</summary>
public sealed class ProofDefectException(string message) : Exception(message);
