using NetClaims.Claims;
using NetClaims.Reports;

namespace NetClaims.Proofs;

/// <summary>
/// The instances a proof is checked on: generated (Hedgehog, with shrinking and replay tokens) or an enumerated list,
/// with how an instance is printed; optionally targeted search that makes one step tight.
/// </summary>
/// <typeparam name="T">The instance type.</typeparam>
public sealed record ProofCases<T>
{
    /// <summary>Generated instances (null when <see cref="List"/> or <see cref="GenFor"/> is given).</summary>
    public Hedgehog.Gen<T>? Gen { get; init; }

    /// <summary>Generated instances that depend on the run (e.g. larger sizes under the deep profile); wins over <see cref="Gen"/>.</summary>
    public Func<ClaimContext, Hedgehog.Gen<T>>? GenFor { get; init; }

    /// <summary>An enumerated family (null when <see cref="Gen"/> is given); it may depend on the profile.</summary>
    public Func<ClaimContext, IReadOnlyList<T>>? List { get; init; }

    /// <summary>How an instance is printed in counterexamples and reports.</summary>
    public Func<T, string> Show { get; init; } = t => t?.ToString() ?? "";

    /// <summary>Targeted search after the generated cases (generated instances only).</summary>
    public TargetSpec<T>? Target { get; init; }

    /// <summary>The step that targeted search tries to make tight (score = −relative slack of that step).</summary>
    public int? TargetStep { get; init; }

    /// <summary>The fewest instances that make the check complete (default: every instance the run asks for).</summary>
    public int? MinimumCases { get; init; }

    /// <summary>Generated instances per run when an instance is expensive (default: the profile's number of tests).</summary>
    public int? Tests { get; init; }
}

/// <summary>
/// The family a proof's report is computed over (deterministic, so the report can be approved into snapshots), and
/// the parameter its slack figure is plotted against.
/// </summary>
/// <param name="Instances">The instances (may depend on the profile).</param>
/// <param name="X">The parameter of an instance (e.g. d).</param>
/// <param name="XName">The parameter's name (a report column; e.g. "d").</param>
public sealed record ProofFamily<T>(Func<ClaimContext, IReadOnlyList<T>> Instances, Func<T, double> X, string XName);

/// <summary>The negative control of a proof: a plausible wrong step, which must be refuted at that step.</summary>
/// <param name="Step">The step made wrong.</param>
/// <param name="Term">The wrong step's new right-hand quantity.</param>
/// <param name="Value">How it is computed.</param>
/// <param name="By">The wrong argument, as someone might plausibly write it.</param>
public sealed record WrongStep<T>(int Step, string Term, Func<T, ProofValue> Value, string By);

/// <summary>Runs a <see cref="Proof{T}"/> as a claim: its check, its wrong-step negative control, its report.</summary>
public static class ProofClaim
{
    /// <summary>
    /// A claim whose check decides every step on every instance, whose negative control is <paramref name="wrong"/>
    /// (refuted only when the first failing step is the corrupted one; a failure elsewhere is an error of the control),
    /// and whose report is the chain with per-step slack over <paramref name="family"/>.
    /// </summary>
    public static Claim ToClaim<T>(this Proof<T> proof, ClaimId id, Citation source, string statement, ProofCases<T> cases, ProofFamily<T> family, WrongStep<T> wrong,
        [System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "", [System.Runtime.CompilerServices.CallerLineNumber] int sourceLine = 0)
    {
        var bad = proof.WithWrongStep(wrong.Step, wrong.Term, wrong.Value, wrong.By);
        var badStep = bad.Step(wrong.Step);
        return new Claim(id, source, statement, proof.Tier,
            ctx => Check(proof, ctx, cases),
            ctx => ProofReport.Of(proof, ctx, family, cases.Show),
            new NegativeControl($"step {wrong.Step} as {badStep.Text} (by {wrong.By})", ctx => Refute(bad, ctx, cases)), sourceFile, sourceLine);
    }

    /// <summary>Checks every step of <paramref name="proof"/> on the cases; a failure names the step and prints the chain with its values.</summary>
    public static CheckOutcome Check<T>(Proof<T> proof, ClaimContext context, ProofCases<T> cases) =>
        Run(context, cases, proof, (instance, ctx) =>
        {
            var trace = Observe(proof, instance, ctx, cases);
            if (trace.FirstFailure is { } f) return CaseResult.Fail(Failure(trace, f));
            var loosest = trace.Steps.Where(s => s.Applies && s.Step.Relation != Relation.Eq).OrderByDescending(s => s.Relative).FirstOrDefault();
            return CaseResult.Pass($"{trace.Steps.Count(s => s.Applies)} steps hold" + (loosest is null ? "" : $"; loosest here: step {loosest.Step.Number} (relative slack {loosest.Relative:G4})"));
        });

    /// <summary>
    /// The negative control of a wrong variant: fails (refuted) on an instance where the corrupted step fails. A failing
    /// step that does not see the wrong quantity (any but the corrupted one and the step continuing from it) makes the
    /// control defective: an error, not a refutation.
    /// </summary>
    public static CheckOutcome Refute<T>(Proof<T> wrong, ClaimContext context, ProofCases<T> cases)
    {
        int corrupted = wrong.Corrupted ?? throw new ArgumentException("not a wrong variant", nameof(wrong));
        // Targeted search, if the cases have it, now aims at the corrupted step: it pushes towards where the wrong step fails.
        var aimed = cases with { TargetStep = corrupted };
        string term = wrong.Step(corrupted).To;
        return Run(context, aimed, wrong, (instance, ctx) =>
        {
            var trace = Observe(wrong, instance, ctx, aimed);
            // Only the corrupted step and the step that continues from its new quantity see the wrong value; any other
            // failing step means the control is defective (it would fail for a reason other than the wrong step).
            if (trace.Steps.FirstOrDefault(s => s.Applies && !s.Holds && s.Step.Number != corrupted && s.Step.From != term) is { } other)
                throw new ProofDefectException($"the wrong variant of step {corrupted} fails at step {other.Step.Number}, which does not use the wrong quantity: {Failure(trace, other)}");
            var f = trace.Step(corrupted);
            if (!f.Applies || f.Holds) return CaseResult.Pass("the wrong step held on this instance");
            return CaseResult.Fail(Failure(trace, f) + " — refuted at the corrupted step");
        });
    }

    static CheckOutcome Run<T>(ClaimContext context, ProofCases<T> cases, Proof<T> proof, Func<T, CaseContext, CaseResult> body)
    {
        var coverage = proof.Chains.Where(c => c.Given is not null).Select(c => new CoverageRequirement(c.Given!.Label, c.Given.MinimumFraction)).ToArray();
        var options = new CheckOptions<T>
        {
            Show = cases.Show,
            Coverage = context.Role == ClaimRole.Check ? coverage : [],
            Target = cases.Target,
            ScoreName = cases.TargetStep is { } k ? $"−relative slack of step {k}" : null,
            MinimumCases = cases.MinimumCases,
        };
        if ((cases.GenFor?.Invoke(context) ?? cases.Gen) is { } gen) return Generated.ForAll(cases.Tests is { } n ? context.WithTests(n) : context, gen, body, options);
        var list = cases.List ?? throw new ArgumentException("proof cases need a generator or a list", nameof(cases));
        return Generated.ForEach(context, list(context), body, options with { Target = null });
    }

    static ProofTrace Observe<T>(Proof<T> proof, T instance, CaseContext ctx, ProofCases<T> cases)
    {
        var trace = proof.Evaluate(instance);
        foreach (var c in proof.Chains)
            if (c.Given is { } g && trace.Hypotheses[c.Name]) ctx.Label(g.Label);
        foreach (var s in trace.Steps.Where(s => s.Applies))
            ctx.Measure($"slack.step{s.Step.Number}", s.Relative);
        if (cases.TargetStep is { } k && trace.Step(k) is { Applies: true } t)
            ctx.Target(-t.Relative);
        return trace;
    }

    /// <summary>The failure of step <paramref name="f"/>: which step, the argument it used, its values, and its chain at this instance.</summary>
    public static string Failure(ProofTrace trace, StepTrace f) =>
        $"step {f.Step.Number} fails: {f.Step.Text} (by {f.Step.By}; {f.Step.Tier}{(f.Step.Tolerance is { } t ? $", tolerance abs {t.Abs:G3} rel {t.Rel:G3}" : "")}): {f.Left} vs {f.Right}; chain '{f.Step.Chain}': {trace.Show(f.Step.Chain)}";
}
