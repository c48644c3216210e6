using Fractions;
using Hedgehog.Linq;
using NetClaims.Claims;
using NetClaims.Constructions;
using NetClaims.Cube;
using NetClaims.Exact;
using NetClaims.Networks;
using NetClaims.Norms;
using NetClaims.Properties.Ahs23;
using NetClaims.Proofs;
using static NetClaims.Properties.Proofs.ExactTerms;

namespace NetClaims.Properties.Proofs;

/// <summary>
/// AHS Theorem 6 as its proof, step by step, decided exactly (rationals and surds) on every generated network:
/// the correlation chain E[gχ] = Σ u_k E[χσ_k] ≤ Σ|u_k||E[χσ_k]| ≤ Σ|u_k|‖w_k‖ρ_d = C(g)ρ_d, and under
/// ‖g − χ‖₂ ≤ ½ the chain C(g) ≥ E[gχ]/ρ_d ≥ (1 − ‖g − χ‖₂)/ρ_d ≥ 1/(2ρ_d) ≥ d/16. Each side of each step is computed
/// on its own (per-unit correlations by enumerating the cube per unit, the cost from the weights, ρ_d from its closed
/// form), so a wrong step shows as that step failing.
/// </summary>
internal static class Theorem6Proof
{
    /// <summary>
    /// A generated network with what several steps read, computed once: its moments against χ (one enumeration of the
    /// cube) and each unit's own correlation E[χ·σ(⟨w_k,x⟩ + b_k)] (one enumeration per unit, as a one-unit network).
    /// </summary>
    internal sealed class Instance(Theorem6Claims.NetCase g)
    {
        readonly Lazy<(Fraction Corr, Fraction Sq)> moments = new(() => new CubeEvaluator(g.Net).Moments(Parity.Full(g.Net.Dim)));
        readonly Lazy<Fraction[]> units = new(() => [.. g.Net.Units.Select(u =>
            new CubeEvaluator(new TwoLayerRelu(g.Net.Dim, [u with { Out = Fraction.One }])).Moments(Parity.Full(g.Net.Dim)).Correlation)]);

        public TwoLayerRelu Net => g.Net;
        public Fraction Correlation => moments.Value.Corr;
        public SurdSum Distance => Sqrt(moments.Value.Sq);
        public SurdSum Rho { get; } = NeuronCorrelation.Rho(g.Net.Dim);

        /// <summary>Σ_k f(u_k, E[χσ_k]) over the units.</summary>
        public Fraction SumOverUnits(Func<Fraction, Fraction, Fraction> term) =>
            g.Net.Units.Select((u, k) => term(u.Out, units.Value[k])).Aggregate(Fraction.Zero, (a, b) => a + b);

        public override string ToString() => g.ToString();
    }

    static SurdSum SumNorms(TwoLayerRelu net) =>
        net.Units.Aggregate(SurdSum.Zero, (acc, u) => acc + SurdSum.Of(u.Out.Abs(), u.W.NormSquared));

    internal static Proof<Instance> Build() =>
        Proof.Of<Instance>("AHS Theorem 6: an L2-close approximant of parity needs R-norm ≥ d/16")
            .Chain("correlation", "E[gχ]", g => Of(g.Correlation))
                .Eq("Σ u_k·E[χσ_k]", g => Of(g.SumOverUnits((u, c) => u * c)),
                    "linearity of expectation; the affine part has no degree-d Fourier coefficient (d ≥ 2)", "[SRC:blog]")
                .Le("Σ |u_k|·|E[χσ_k]|", g => Of(g.SumOverUnits((u, c) => u.Abs() * c.Abs())),
                    "triangle inequality", "[SRC:blog]")
                .Le("Σ |u_k|·‖w_k‖·ρ_d", g => Of(SumNorms(g.Net) * g.Rho),
                    "single-neuron lemma |E[χσ(⟨w,x⟩+b)]| ≤ ‖w‖₂·ρ_d (ρ_d the largest correlation of a unit-norm neuron)", "[SRC:blog]; sharp ρ_d [DER+NUM]")
                .Eq("C(g)·ρ_d", g => Of(NetworkCost.Exact(g.Net) * g.Rho), "definition C(g) = Σ|u_k|‖w_k‖ (the harness's cost function)", "[P]")
                .Proves("E[gχ]", Relation.Le, "C(g)·ρ_d")
            .Let("‖g − χ‖₂", g => Of(g.Distance))
            .Let("1/2", _ => Of(new Fraction(1, 2)))
            .Chain("d/16", "C(g)", g => Of(NetworkCost.Exact(g.Net)))
                .Given("‖g − χ‖₂", Relation.Le, "1/2", minimumFraction: 0.2)
                .Ge("E[gχ]/ρ_d", g => Of(SurdSum.Rational(g.Correlation) * Inverse(g.Rho)), "the correlation chain, divided by ρ_d > 0", "[SRC:blog]")
                .Ge("(1 − ‖g − χ‖₂)/ρ_d", g => Of((SurdSum.Rational(Fraction.One) - g.Distance) * Inverse(g.Rho)),
                    "E[gχ] = 1 + E[(g − χ)χ] ≥ 1 − ‖g − χ‖₂ (Cauchy–Schwarz, ‖χ‖₂ = 1)", "[SRC:blog]")
                .Ge("1/(2ρ_d)", g => Of(new Fraction(1, 2) * Inverse(g.Rho)), "the hypothesis ‖g − χ‖₂ ≤ ½", "[SRC:blog]")
                .Ge("d/16", g => Of(new Fraction(g.Net.Dim.Value, 16)), "ρ_d ≤ 8/d (the lemma's constant; d·ρ_d ≤ 0.71 for d ≥ 2)", "[SRC:blog]; constant [UNSURE]; d·ρ_d ≤ 0.71 [DER+NUM]")
                .Proves("C(g)", Relation.Ge, "d/16")
            .Build();

    static readonly Proof<Instance> Chain = Build();

    /// <summary>The report family: the parity constructions at d = 2…8 (x = d), each scaled by 1 and by 3/4 (L2-close).</summary>
    static IReadOnlyList<Instance> Family(ClaimContext _)
    {
        var list = new List<Instance>();
        foreach (var d in Enumerable.Range(2, 7))
            foreach (var name in new[] { SawtoothRidge.Name, AveragedRelu.Name, AveragedBlades.Name })
            {
                var net = ConstructionCatalog.Get(name).Build(new Dimension(d));
                list.Add(new(new(name, net)));
                list.Add(new(new($"3/4·{name}", net.Scaled(new Fraction(3, 4)))));
            }
        return list;
    }

    public static Claim Claim { get; } = Chain.ToClaim(
        new ClaimId("ahs23.proof.thm6"),
        new Citation(Paper.Ahs, "Theorem 6 and its proof (correlation chain, Cauchy–Schwarz, the lemma's 8/d)",
            "chain [SRC:blog]; sharp ρ_d and the per-step values [DER+NUM]; the 8/d constant [UNSURE]"),
        "Theorem 6 step by step on every generated two-layer network (2 ≤ d ≤ 8, random, perturbed and scaled g*): each step of E[gχ] = Σu_kE[χσ_k] ≤ Σ|u_k||E[χσ_k]| ≤ Σ|u_k|‖w_k‖ρ_d = C(g)ρ_d holds exactly, and under ‖g − χ‖₂ ≤ ½ so does each step of C(g) ≥ E[gχ]/ρ_d ≥ (1 − ‖g − χ‖₂)/ρ_d ≥ 1/(2ρ_d) ≥ d/16.",
        new ProofCases<Instance> { Gen = from g in Theorem6Claims.Nets select new Instance(g), Show = g => g.ToString() },
        new ProofFamily<Instance>(Family, g => g.Net.Dim.Value, "d"),
        new WrongStep<Instance>(3, "Σ |u_k|·‖w_k‖·ρ_{d+1}", g => Of(SumNorms(g.Net) * NeuronCorrelation.Rho(new Dimension(g.Net.Dim.Value + 1))),
            "the single-neuron lemma applied to the augmented input x̃ = (x, 1) ∈ {±1}^{d+1}, so with ρ_{d+1}"));
}
