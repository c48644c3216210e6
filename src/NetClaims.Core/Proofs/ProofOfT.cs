using NetClaims.Claims;
using NetClaims.Reports;

namespace NetClaims.Proofs;

/// <summary>
/// A proof as an executable object: named quantities computed on one instance, and chains of steps over them, each
/// with its relation, the lemma it uses, its provenance and its evidence tier. Built with <see cref="Proof.Of{T}"/>;
/// a chain that does not compose to its stated inequality is rejected when the proof is built. The harness
/// evaluates every quantity once per instance and decides every step, so a wrong step is localised and a loose step
/// is measured (<see cref="ProofReport"/>).
/// </summary>
/// <typeparam name="T">The instance type (a network, a sample set, a matrix…).</typeparam>
public sealed class Proof<T>
{
    readonly IReadOnlyDictionary<string, Func<T, ProofValue>> terms;

    internal Proof(string title, IReadOnlyDictionary<string, Func<T, ProofValue>> terms, IReadOnlyList<ProofChain> chains, int? corrupted = null)
    {
        (Title, this.terms, Chains, Corrupted) = (title, terms, chains, corrupted);
    }

    /// <summary>What the proof proves, in a few words.</summary>
    public string Title { get; }

    /// <summary>The chains, in order.</summary>
    public IReadOnlyList<ProofChain> Chains { get; }

    /// <summary>Every step of every chain, in proof order (numbers 1…n).</summary>
    public IEnumerable<ProofStep> Steps => Chains.SelectMany(c => c.Steps);

    /// <summary>The step a wrong variant corrupted (null for the proof itself).</summary>
    public int? Corrupted { get; }

    /// <summary>The statement the proof proves: its chains' statements, joined.</summary>
    public string Statement => string.Join("; ", Chains.Select(c => c.Statement));

    /// <summary>The weakest tier among the steps (the tier of the proof as a claim).</summary>
    public EvidenceTier Tier => Steps.Select(s => s.Tier).Max();

    /// <summary>The step with the given number.</summary>
    public ProofStep Step(int number) => Steps.FirstOrDefault(s => s.Number == number)
        ?? throw new ArgumentOutOfRangeException(nameof(number), $"the proof has no step {number}");

    /// <summary>Evaluates every quantity once on <paramref name="instance"/> and decides every step.</summary>
    public ProofTrace Evaluate(T instance)
    {
        var values = new Dictionary<string, ProofValue>(StringComparer.Ordinal);
        ProofValue V(string name) => values.TryGetValue(name, out var v) ? v : values[name] = terms[name](instance);
        var steps = new List<StepTrace>();
        var given = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var chain in Chains)
        {
            bool applies = true;
            if (chain.Given is { } g)
                applies = given[chain.Name] = g.Condition.Decide(V(g.Condition.From), V(g.Condition.To));
            foreach (var s in chain.Steps)
            {
                if (!applies)
                {
                    steps.Add(new StepTrace(s, false, true, null, null, 0, 0));
                    continue;
                }
                var (a, b) = (V(s.From), V(s.To));
                var (gap, rel) = s.Slack(a.Estimate, b.Estimate);
                steps.Add(new StepTrace(s, true, s.Decide(a, b), a, b, gap, rel));
            }
        }
        return new ProofTrace(steps, given);
    }

    /// <summary>
    /// A wrong variant: step <paramref name="step"/> now ends at <paramref name="term"/> (computed by
    /// <paramref name="value"/>) by the argument <paramref name="by"/>, and the next step of its chain starts from it.
    /// Its refutation must fail <em>at that step</em> (<see cref="ProofClaim"/>'s negative control checks it).
    /// </summary>
    public Proof<T> WithWrongStep(int step, string term, Func<T, ProofValue> value, string by)
    {
        var target = Step(step);
        if (terms.ContainsKey(term)) throw new ArgumentException($"the wrong step's quantity {term} must be new", nameof(term));
        var t = new Dictionary<string, Func<T, ProofValue>>(terms, StringComparer.Ordinal) { [term] = value };
        var chains = Chains.Select(c =>
        {
            if (c.Name != target.Chain) return c;
            var steps = c.Steps.Select(s => s.Number == step ? s with { To = term, By = by }
                : s.Number == step + 1 ? s with { From = term } : s).ToArray();
            bool last = c.Steps[^1].Number == step;
            return c with { Steps = steps, Rhs = last ? term : c.Rhs };
        }).ToArray();
        return new Proof<T>(Title, t, chains, step);
    }
}

/// <summary>Entry point of the fluent form: <c>Proof.Of&lt;T&gt;("title").Chain(…).Le(…).Proves(…)</c>.</summary>
public static class Proof
{
    /// <summary>Starts a proof over instances of <typeparamref name="T"/>; steps default to <paramref name="tier"/>.</summary>
    public static ProofBuilder<T> Of<T>(string title, EvidenceTier tier = EvidenceTier.Exact, Tolerance? tolerance = null) => new(title, tier, tolerance);
}

/// <summary>Builds a <see cref="Proof{T}"/>: quantities (<see cref="Let"/>) and chains (<see cref="Chain"/>).</summary>
public sealed class ProofBuilder<T>
{
    internal readonly Dictionary<string, Func<T, ProofValue>> Terms = new(StringComparer.Ordinal);
    internal readonly List<ProofChain> Chains = [];
    internal int NextNumber = 1;
    readonly string title;

    internal ProofBuilder(string title, EvidenceTier tier, Tolerance? tolerance) => (this.title, DefaultTier, DefaultTolerance) = (title, tier, tolerance);

    internal EvidenceTier DefaultTier { get; }

    internal Tolerance? DefaultTolerance { get; }

    /// <summary>Defines a quantity by name (a chain may also define its quantities where it first uses them).</summary>
    public ProofBuilder<T> Let(string name, Func<T, ProofValue> value)
    {
        Define(name, value);
        return this;
    }

    /// <summary>Starts a chain at quantity <paramref name="start"/> (defined here, or earlier when <paramref name="value"/> is null).</summary>
    public ChainBuilder<T> Chain(string name, string start, Func<T, ProofValue>? value = null)
    {
        if (Chains.Any(c => c.Name == name)) throw new ArgumentException($"two chains are named '{name}'", nameof(name));
        Use(start, value);
        return new ChainBuilder<T>(this, name, start);
    }

    /// <summary>The proof; every chain has been closed with <see cref="ChainBuilder{T}.Proves"/>.</summary>
    public Proof<T> Build()
    {
        if (Chains.Count == 0) throw new InvalidOperationException($"proof '{title}' has no chain");
        return new Proof<T>(title, new Dictionary<string, Func<T, ProofValue>>(Terms, StringComparer.Ordinal), [.. Chains]);
    }

    internal void Define(string name, Func<T, ProofValue> value)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("a quantity needs a name", nameof(name));
        if (!Terms.TryAdd(name, value)) throw new ArgumentException($"quantity {name} is defined twice", nameof(name));
    }

    internal void Use(string name, Func<T, ProofValue>? value)
    {
        if (value is not null) Define(name, value);
        else if (!Terms.ContainsKey(name)) throw new ArgumentException($"quantity {name} is used before it is defined", nameof(name));
    }
}

/// <summary>Builds one chain: each step names the next quantity, the argument, its provenance and (optionally) its tier.</summary>
public sealed class ChainBuilder<T>
{
    readonly ProofBuilder<T> proof;
    readonly string name, start;
    readonly List<ProofStep> steps = [];
    ProofHypothesis? given;
    string current;

    internal ChainBuilder(ProofBuilder<T> proof, string name, string start) => (this.proof, this.name, this.start, current) = (proof, name, start, start);

    /// <summary>
    /// The chain is asserted only where <c>lhs relation rhs</c> holds (both quantities defined already); at least
    /// <paramref name="minimumFraction"/> of the generated instances must satisfy it, or the check is vacuous.
    /// </summary>
    public ChainBuilder<T> Given(string lhs, Relation relation, string rhs, double minimumFraction = 0.1, EvidenceTier? tier = null, Tolerance? tolerance = null)
    {
        if (steps.Count > 0 || given is not null) throw new InvalidOperationException("a chain's hypothesis comes first, once");
        proof.Use(lhs, null);
        proof.Use(rhs, null);
        given = new ProofHypothesis(new ProofStep(0, name, lhs, relation, rhs, "hypothesis", "", tier ?? proof.DefaultTier, tolerance ?? proof.DefaultTolerance), minimumFraction);
        return this;
    }

    /// <summary>Adds the step <c>current relation term</c>.</summary>
    public ChainBuilder<T> Step(Relation relation, string term, Func<T, ProofValue>? value, string by, string provenance, EvidenceTier? tier = null, Tolerance? tolerance = null)
    {
        proof.Use(term, value);
        var t = tier ?? proof.DefaultTier;
        var tol = t == EvidenceTier.Tolerance ? tolerance ?? proof.DefaultTolerance : null;
        if (t == EvidenceTier.Tolerance && tol is null) throw new ArgumentException($"step {current} {relation.Symbol()} {term} is decided with a tolerance but states none");
        if (t == EvidenceTier.Tolerance && relation.IsStrict()) throw new ArgumentException($"step {current} {relation.Symbol()} {term}: a strict step needs exact or certified evidence");
        if (t == EvidenceTier.Statistical) throw new ArgumentException("a proof step is decided on one instance; it cannot be Statistical");
        steps.Add(new ProofStep(proof.NextNumber++, name, current, relation, term, by, provenance, t, tol));
        current = term;
        return this;
    }

    /// <summary>current = term.</summary>
    public ChainBuilder<T> Eq(string term, Func<T, ProofValue>? value, string by, string provenance = "[DER]", EvidenceTier? tier = null, Tolerance? tolerance = null) =>
        Step(Relation.Eq, term, value, by, provenance, tier, tolerance);

    /// <summary>current ≤ term.</summary>
    public ChainBuilder<T> Le(string term, Func<T, ProofValue>? value, string by, string provenance = "[DER]", EvidenceTier? tier = null, Tolerance? tolerance = null) =>
        Step(Relation.Le, term, value, by, provenance, tier, tolerance);

    /// <summary>current &lt; term.</summary>
    public ChainBuilder<T> Lt(string term, Func<T, ProofValue>? value, string by, string provenance = "[DER]", EvidenceTier? tier = null) =>
        Step(Relation.Lt, term, value, by, provenance, tier, null);

    /// <summary>current ≥ term.</summary>
    public ChainBuilder<T> Ge(string term, Func<T, ProofValue>? value, string by, string provenance = "[DER]", EvidenceTier? tier = null, Tolerance? tolerance = null) =>
        Step(Relation.Ge, term, value, by, provenance, tier, tolerance);

    /// <summary>current &gt; term.</summary>
    public ChainBuilder<T> Gt(string term, Func<T, ProofValue>? value, string by, string provenance = "[DER]", EvidenceTier? tier = null) =>
        Step(Relation.Gt, term, value, by, provenance, tier, null);

    /// <summary>
    /// Closes the chain with the statement it proves. Rejected unless the chain starts at <paramref name="lhs"/>, ends
    /// at <paramref name="rhs"/>, its relations compose (no ≤ mixed with ≥), and the composed relation implies
    /// <paramref name="relation"/> (a chain of ≤ does not prove &lt;).
    /// </summary>
    public ProofBuilder<T> Proves(string lhs, Relation relation, string rhs)
    {
        var stated = $"{lhs} {relation.Symbol()} {rhs}";
        if (steps.Count == 0) throw new ProofCompositionException($"chain '{name}' has no step, so it proves nothing ({stated})");
        if (lhs != start) throw new ProofCompositionException($"chain '{name}' starts at {start}, not at {lhs}, so it does not prove {stated}");
        if (rhs != current) throw new ProofCompositionException($"chain '{name}' ends at {current}, not at {rhs}, so it does not prove {stated}");
        Relation? composed = Relation.Eq;
        foreach (var s in steps)
        {
            composed = Relations.Compose(composed!.Value, s.Relation);
            if (composed is null) throw new ProofCompositionException($"chain '{name}' mixes ≤ and ≥ at step {s.Number} ({s.Text}), so it proves no inequality between its ends");
        }
        if (!composed!.Value.Implies(relation))
            throw new ProofCompositionException($"chain '{name}' composes to {lhs} {composed.Value.Symbol()} {rhs}, which does not imply the stated {stated}");
        proof.Chains.Add(new ProofChain(name, [.. steps], given, lhs, relation, rhs));
        return proof;
    }
}

/// <summary>A chain that does not prove its stated inequality (rejected when the proof is built).</summary>
public sealed class ProofCompositionException(string message) : ArgumentException(message);
