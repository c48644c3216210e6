using Fractions;
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
    /// <summary>E[χ·σ(⟨w,x⟩ + b)] of one unit, by enumerating the cube (a one-unit network).</summary>
    static Fraction UnitCorrelation(Dimension d, ReluUnit u) =>
        new CubeEvaluator(new TwoLayerRelu(d, [u with { Out = Fraction.One }])).Moments(Parity.Full(d)).Correlation;

    static SurdSum Rho(Theorem6Claims.NetCase g) => NeuronCorrelation.Rho(g.Net.Dim);

    static SurdSum SumNorms(TwoLayerRelu net) =>
        net.Units.Aggregate(SurdSum.Zero, (acc, u) => acc + SurdSum.Of(u.Out.Abs(), u.W.NormSquared));

    static (Fraction Corr, Fraction Sq) Moments(TwoLayerRelu net) => new CubeEvaluator(net).Moments(Parity.Full(net.Dim));

    internal static Proof<Theorem6Claims.NetCase> Build() =>
        Proof.Of<Theorem6Claims.NetCase>("AHS Theorem 6: an L2-close approximant of parity needs R-norm ≥ d/16")
            .Chain("correlation", "E[gχ]", g => Of(Moments(g.Net).Corr))
                .Eq("Σ u_k·E[χσ_k]", g => Of(g.Net.Units.Aggregate(Fraction.Zero, (s, u) => s + u.Out * UnitCorrelation(g.Net.Dim, u))),
                    "linearity of expectation; the affine part has no degree-d Fourier coefficient (d ≥ 2)", "[SRC:blog]")
                .Le("Σ |u_k|·|E[χσ_k]|", g => Of(g.Net.Units.Aggregate(Fraction.Zero, (s, u) => s + u.Out.Abs() * UnitCorrelation(g.Net.Dim, u).Abs())),
                    "triangle inequality", "[SRC:blog]")
                .Le("Σ |u_k|·‖w_k‖·ρ_d", g => Of(SumNorms(g.Net) * Rho(g)),
                    "single-neuron lemma |E[χσ(⟨w,x⟩+b)]| ≤ ‖w‖₂·ρ_d (ρ_d the largest correlation of a unit-norm neuron)", "[SRC:blog]; sharp ρ_d [DER+NUM]")
                .Eq("C(g)·ρ_d", g => Of(NetworkCost.Exact(g.Net) * Rho(g)), "definition C(g) = Σ|u_k|‖w_k‖ (the harness's cost function)", "[P]")
                .Proves("E[gχ]", Relation.Le, "C(g)·ρ_d")
            .Let("‖g − χ‖₂", g => Of(Sqrt(Moments(g.Net).Sq)))
            .Let("1/2", _ => Of(new Fraction(1, 2)))
            .Chain("d/16", "C(g)", g => Of(NetworkCost.Exact(g.Net)))
                .Given("‖g − χ‖₂", Relation.Le, "1/2", minimumFraction: 0.2)
                .Ge("E[gχ]/ρ_d", g => Of(SurdSum.Rational(Moments(g.Net).Corr) * Inverse(Rho(g))), "the correlation chain, divided by ρ_d > 0", "[SRC:blog]")
                .Ge("(1 − ‖g − χ‖₂)/ρ_d", g => Of((SurdSum.Rational(Fraction.One) - Sqrt(Moments(g.Net).Sq)) * Inverse(Rho(g))),
                    "E[gχ] = 1 + E[(g − χ)χ] ≥ 1 − ‖g − χ‖₂ (Cauchy–Schwarz, ‖χ‖₂ = 1)", "[SRC:blog]")
                .Ge("1/(2ρ_d)", g => Of(new Fraction(1, 2) * Inverse(Rho(g))), "the hypothesis ‖g − χ‖₂ ≤ ½", "[SRC:blog]")
                .Ge("d/16", g => Of(new Fraction(g.Net.Dim.Value, 16)), "ρ_d ≤ 8/d (the lemma's constant; d·ρ_d ≤ 0.71 for d ≥ 2)", "[SRC:blog]; constant [UNSURE]; d·ρ_d ≤ 0.71 [DER+NUM]")
                .Proves("C(g)", Relation.Ge, "d/16")
            .Build();

    static readonly Proof<Theorem6Claims.NetCase> Chain = Build();

    /// <summary>The report family: the parity constructions at d = 2…8 (x = d), each scaled by 1 and by 3/4 (L2-close).</summary>
    static IReadOnlyList<Theorem6Claims.NetCase> Family(ClaimContext _)
    {
        var list = new List<Theorem6Claims.NetCase>();
        foreach (var d in Enumerable.Range(2, 7))
            foreach (var name in new[] { SawtoothRidge.Name, AveragedRelu.Name, AveragedBlades.Name })
            {
                var net = ConstructionCatalog.Get(name).Build(new Dimension(d));
                list.Add(new(name, net));
                list.Add(new($"3/4·{name}", net.Scaled(new Fraction(3, 4))));
            }
        return list;
    }

    public static Claim Claim { get; } = Chain.ToClaim(
        new ClaimId("ahs23.proof.thm6"),
        new Citation(Paper.Ahs, "Theorem 6 and its proof (correlation chain, Cauchy–Schwarz, the lemma's 8/d)",
            "chain [SRC:blog]; sharp ρ_d and the per-step values [DER+NUM]; the 8/d constant [UNSURE]"),
        "Theorem 6 step by step on every generated two-layer network (2 ≤ d ≤ 8, random, perturbed and scaled g*): each step of E[gχ] = Σu_kE[χσ_k] ≤ Σ|u_k||E[χσ_k]| ≤ Σ|u_k|‖w_k‖ρ_d = C(g)ρ_d holds exactly, and under ‖g − χ‖₂ ≤ ½ so does each step of C(g) ≥ E[gχ]/ρ_d ≥ (1 − ‖g − χ‖₂)/ρ_d ≥ 1/(2ρ_d) ≥ d/16.",
        new ProofCases<Theorem6Claims.NetCase> { Gen = Theorem6Claims.Nets, Show = g => g.ToString(), Target = null },
        new ProofFamily<Theorem6Claims.NetCase>(Family, g => g.Net.Dim.Value, "d"),
        new WrongStep<Theorem6Claims.NetCase>(3, "Σ |u_k|·‖w_k‖·ρ_{d+1}", g => Of(SumNorms(g.Net) * NeuronCorrelation.Rho(new Dimension(g.Net.Dim.Value + 1))),
            "the single-neuron lemma applied to the augmented input x̃ = (x, 1) ∈ {±1}^{d+1}, so with ρ_{d+1}"));
}
