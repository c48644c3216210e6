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
using NetClaims.Reports;
using NetClaims.Solvers;
using static NetClaims.Properties.Proofs.ExactTerms;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Properties.Proofs;

/// <summary>
/// Theorem 7's argument and Theorem 9's ingredients, step by step on solutions of the variational problem (min R-norm
/// interpolation of n parity-labelled samples, solved by column generation over the sign dictionary).
/// </summary>
internal static class VpProofs
{
    /// <summary>n uniform cube samples labelled by χ, the VP solution ĝ and the one-ReLU-per-sample interpolant h.</summary>
    internal sealed class VpCase
    {
        public VpCase(int d, int n, int seed)
        {
            (D, N, Seed) = (d, n, seed);
            Rho = NeuronCorrelation.Rho(new Dimension(d)).ToDouble();
            var (points, labels) = VpSolver.ParitySamples(d, n, seed);
            vp = new(() => VpSolver.Solve(d, points, labels));
            onCube = new(() => VpOnCube.Of(vp.Value));
            memoriser = new(() => Memorizers.OnePerSample(new SampleSet(d, points.Select(p => new[] { p }).ToArray(), labels)));
        }

        readonly Lazy<VpResult> vp;
        readonly Lazy<VpOnCube> onCube;
        readonly Lazy<Memorizer> memoriser;

        public int D { get; }
        public int N { get; }
        public int Seed { get; }
        public VpResult Vp => vp.Value;
        /// <summary>ĝ on the whole cube (its correlation and distance to χ), evaluated once.</summary>
        public VpOnCube OnCube => onCube.Value;
        public Memorizer H => memoriser.Value;
        public double Rho { get; }

        public override string ToString() => $"d={D} n={N} seed={Seed}";
    }

    // The LP is solved to a duality gap of 1e-7 (relative); VP values and cube moments compare within 1e-6 absolute.
    static readonly Tolerance Lp = Tolerance.Absolute(1e-6);

    // 5 ≤ d ≤ 7 (≤ 9 under the deep profile).
    static Hedgehog.Gen<VpCase> Thm7Cases(bool deep) =>
        from d in Gen.Int32(Range.Constant(5, deep ? 9 : 7))
        from q in Gen.Int32(Range.Constant(1, 8))
        from seed in Gen.Int32(Range.Constant(0, 1_000_000))
        select new VpCase(d, Math.Max(2, q * d * d / 8), seed);

    internal static Proof<VpCase> Theorem7() =>
        Proof.Of<VpCase>("AHS Theorem 7: with few samples the VP solution is nearly uncorrelated with parity", EvidenceTier.Tolerance, Lp)
            .Chain("correlation", "|E[ĝχ]|", c => Math.Abs(c.OnCube.Correlation))
                .Le("C(ĝ)·ρ_d", c => c.Vp.Cost * c.Rho, "Theorem 6's correlation chain applied to ĝ", "[SRC:blog]")
                .Le("C(h)·ρ_d", c => c.H.Cost * c.Rho, "VP optimality: h interpolates the samples, so C(ĝ) ≤ C(h)", "[SRC:blog]")
                .Proves("|E[ĝχ]|", Relation.Le, "C(h)·ρ_d")
            .Chain("distance", "‖ĝ − χ‖²", c => c.OnCube.SquaredDistance)
                .Ge("1 − 2E[ĝχ]", c => 1 - 2 * c.OnCube.Correlation, "‖ĝ − χ‖² = ‖ĝ‖² − 2E[ĝχ] + 1 and ‖ĝ‖² ≥ 0", "[SRC:blog]")
                .Ge("1 − 2C(h)·ρ_d", c => 1 - 2 * c.H.Cost * c.Rho, "the correlation chain", "[SRC:blog]")
                .Proves("‖ĝ − χ‖²", Relation.Ge, "1 − 2C(h)·ρ_d")
            .Build();

    static IReadOnlyList<VpCase> Thm7Family(ClaimContext _) =>
        [.. from d in new[] { 5, 6, 7 } from q in new[] { 1, 2, 4, 8 } select new VpCase(d, Math.Max(2, q * d * d / 8), 1)];

    public static Claim Theorem7Claim { get; } = Theorem7().ToClaim(
        new ClaimId("ahs23.proof.thm7"),
        new Citation(Paper.Ahs, "Theorem 7's proof (interpolant h, VP optimality, Theorem 6's correlation bound)", "argument [SRC:blog]; on exact VP solutions [DER+NUM]"),
        "Theorem 7's argument step by step on VP solutions ĝ for n uniform parity samples (5 ≤ d ≤ 7, to 9 under the deep profile; d²/8 ≤ n ≤ d²) with h the one-ReLU-per-sample interpolant: |E[ĝχ]| ≤ C(ĝ)ρ_d ≤ C(h)ρ_d and ‖ĝ − χ‖² ≥ 1 − 2E[ĝχ] ≥ 1 − 2C(h)ρ_d, each within the LP's 1e-6.",
        new ProofCases<VpCase> { GenFor = ctx => Thm7Cases(ctx.Profile.Deep), Show = c => c.ToString(), Tests = 12 },
        new ProofFamily<VpCase>(Thm7Family, c => c.N / (double)(c.D * c.D), "n/d2"),
        new WrongStep<VpCase>(2, "(n/d)·ρ_d", c => (double)c.N / c.D * c.Rho, "an interpolant of cost n/d exists (the sketch's Õ(n/d) read without its constant and logarithm)"));

    /// <summary>A VP instance and a pair of predictions (a, b) with a label y, for the clipped loss.</summary>
    internal sealed record LossCase(VpCase Vp, Fraction A, Fraction B, int Y)
    {
        public override string ToString() => $"{Vp} a={A} b={B} y={Y}";
    }

    static Fraction Clip(Fraction z) => z > Fraction.One ? Fraction.One : z < Fraction.MinusOne ? Fraction.MinusOne : z;

    static Fraction Loss(Fraction z, int y) => (Clip(z) - y) * (Clip(z) - y);

    // 4 ≤ d ≤ 6 (≤ 8 under the deep profile).
    static Hedgehog.Gen<LossCase> Thm9Cases(bool deep) =>
        from d in Gen.Int32(Range.Constant(4, deep ? 8 : 6))
        from n in Gen.Int32(Range.Constant(4, 32))
        from seed in Gen.Int32(Range.Constant(0, 1_000_000))
        from a in Gen.Int32(Range.Constant(0, -12, 12))
        from b in Gen.Int32(Range.Constant(0, -12, 12))
        from y in Gen.Bool
        select new LossCase(new VpCase(d, Math.Min(n, 1 << (d - 1)), seed), new Fraction(a, 4), new Fraction(b, 4), y ? 1 : -1);

    internal static Proof<LossCase> Theorem9() =>
        Proof.Of<LossCase>("AHS Theorem 9's ingredients: a data-independent norm bound; the clipped loss is 4-Lipschitz and bounded by 4")
            .Chain("norm bound", "C(ĝ)", c => c.Vp.Vp.Cost)
                .Le("C(g*)", c => Of(NetworkCost.Exact(AveragedRelu.Build(new Dimension(c.Vp.D)))), "g* interpolates χ on the whole cube, so it is feasible for every sample set", "[DER]",
                    EvidenceTier.Tolerance, Lp)
                .Eq("1/ρ_d", c => Of(Inverse(NeuronCorrelation.Rho(new Dimension(c.Vp.D)))), "the cost of g* in closed form", "[DER+NUM]")
                .Proves("C(ĝ)", Relation.Le, "1/ρ_d")
            .Chain("Lipschitz", "|ℓ(a,y) − ℓ(b,y)|", c => Of((Loss(c.A, c.Y) - Loss(c.B, c.Y)).Abs()))
                .Eq("|clip a − clip b|·|clip a + clip b − 2y|", c => Of((Clip(c.A) - Clip(c.B)).Abs() * (Clip(c.A) + Clip(c.B) - 2 * c.Y).Abs()), "difference of squares", "[DER]")
                .Le("4|clip a − clip b|", c => Of(4 * (Clip(c.A) - Clip(c.B)).Abs()), "|clip a|, |clip b|, |y| ≤ 1", "[SRC:blog]")
                .Le("4|a − b|", c => Of(4 * (c.A - c.B).Abs()), "clipping is 1-Lipschitz", "[SRC:blog]")
                .Proves("|ℓ(a,y) − ℓ(b,y)|", Relation.Le, "4|a − b|")
            .Chain("bounded", "ℓ(a,y)", c => Of(Loss(c.A, c.Y)))
                .Le("(|clip a| + |y|)²", c => Of((Clip(c.A).Abs() + 1) * (Clip(c.A).Abs() + 1)), "triangle inequality", "[DER]")
                .Le("4", _ => Of(new Fraction(4)), "|clip a|, |y| ≤ 1", "[SRC:blog]")
                .Proves("ℓ(a,y)", Relation.Le, "4")
            .Build();

    static IReadOnlyList<LossCase> Thm9Family(ClaimContext _) =>
        [.. from d in new[] { 4, 5, 6 } from n in new[] { 8, 16, 32 }
            select new LossCase(new VpCase(d, Math.Min(n, 1 << (d - 1)), 1), new Fraction(3, 4), new Fraction(-1, 2), n == 8 ? 1 : -1)];

    public static Claim Theorem9Claim { get; } = Theorem9().ToClaim(
        new ClaimId("ahs23.proof.thm9"),
        new Citation(Paper.Ahs, "Theorem 9's proof ingredients (norm bound via g*, clipped square loss)", "ingredients [SRC:blog]; the g* bound [DER]"),
        "Theorem 9's ingredients step by step (4 ≤ d ≤ 6, to 8 under the deep profile; 4 ≤ n ≤ min(32, 2^{d−1}) parity samples, generated predictions a, b ∈ [−3, 3] and labels): C(ĝ) ≤ C(g*) = 1/ρ_d (VP within 1e-6, the rest exact); |ℓ(a,y) − ℓ(b,y)| = |clip a − clip b||clip a + clip b − 2y| ≤ 4|clip a − clip b| ≤ 4|a − b|; ℓ(a,y) ≤ (|clip a| + 1)² ≤ 4 (exact). The Rademacher bound of the norm ball holds in expectation only; it is the statistical claim ahs23.thm9.rademacher.",
        new ProofCases<LossCase> { GenFor = ctx => Thm9Cases(ctx.Profile.Deep), Show = c => c.ToString(), Tests = 30 },
        new ProofFamily<LossCase>(Thm9Family, c => c.Vp.D, "d"),
        new WrongStep<LossCase>(4, "2|clip a − clip b|", c => Of(2 * (Clip(c.A) - Clip(c.B)).Abs()), "the derivative 2(ŷ − y) of the square loss bounded by 2"));
}
