using Hedgehog.Linq;
using MathNet.Numerics.LinearAlgebra;
using NetClaims.Claims;
using NetClaims.LinearLayers;
using NetClaims.Properties.Pow23;
using NetClaims.Proofs;
using NetClaims.Reports;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Properties.Proofs;

/// <summary>
/// The linear-layer lemma of Parkinson–Ongie–Willett as its chains, on generated (W, a, L): AM–GM over the p = L − 1
/// layers and Hölder for Schatten norms bound any factorisation's cost below by Σσ_i^{2/p}, which the balanced
/// factorisation attains; Φ_L is at most the best global rescaling, whose value is the closed form
/// (‖a‖₂‖W‖_{S_{2/(L−1)}})^{2/L} (weighted AM–GM); the two lower bounds and the rank upper bound sandwich Φ_L.
/// </summary>
internal static class PowProof
{
    internal sealed class PowCase
    {
        public PowCase(int k, int d, int l, int seed)
        {
            (K, D, L, Seed) = (k, d, l, seed);
            var rng = new Random(seed);
            W = Matrix<double>.Build.Dense(k, d, (_, _) => BalancedFactorization.Gaussian(rng));
            A = Enumerable.Range(0, k).Select(_ => BalancedFactorization.Gaussian(rng)).ToArray();
            // A random factorisation W = W_p⋯W_1 through width m = max(K, d): W_1…W_{p−1} are random orthogonal matrices
            // times random diagonals in [0.8, 1.25] (the first cut to d columns), W_p = W·(W_{p−1}⋯W_1)⁺. Orthogonal factors
            // keep the product's condition number ≤ 1.25^(2(p−1)), so the factors multiply back to W to ~1e-13 at p = 7;
            // Gaussian factors did not (a deep-profile run found a case off by more than 1e-9 relative at K = 2, d = 7, L = 8).
            int m = Math.Max(k, d), p = l - 1;
            var fs = new List<Matrix<double>>();
            for (int i = 0; i < p - 1; i++)
            {
                var q = BalancedFactorization.RandomOrthogonal(m, rng) * Matrix<double>.Build.DiagonalOfDiagonalArray(
                    Enumerable.Range(0, m).Select(_ => Math.Exp((2 * rng.NextDouble() - 1) * Math.Log(1.25))).ToArray());
                fs.Add(i == 0 ? q.SubMatrix(0, m, 0, d) : q);
            }
            fs.Add(fs.Count == 0 ? W : W * BalancedFactorization.Product(fs).PseudoInverse());
            RandomFactors = [.. fs];
            phi = new(() => PhiL.Minimize(W, A, L).Value);
        }

        readonly Lazy<double> phi;

        public int K { get; }
        public int D { get; }
        public int L { get; }
        public int Seed { get; }
        public int P => L - 1;
        public Matrix<double> W { get; }
        public double[] A { get; }
        public Matrix<double>[] RandomFactors { get; }

        /// <summary>Φ_L(W, a) by the minimiser over per-unit scales (an upper estimate, accurate to about 1e-6 relative).</summary>
        public double Phi => phi.Value;

        public double Path => Enumerable.Range(0, K).Sum(i => Math.Abs(A[i]) * W.Row(i).L2Norm());

        public override string ToString() => $"K={K} d={D} L={L} seed={Seed}";
    }

    // K, d ≤ 4 and L ≤ 6 (K, d ≤ 8 and L ≤ 8 under the deep profile).
    static Hedgehog.Gen<PowCase> Cases(bool deep) =>
        from k in Gen.Int32(Range.Constant(2, deep ? 8 : 4))
        from d in Gen.Int32(Range.Constant(2, deep ? 8 : 4))
        from l in Gen.Int32(Range.Constant(3, deep ? 8 : 6))
        from seed in Gen.Int32(Range.Constant(0, 1_000_000))
        select new PowCase(k, d, l, seed);

    // Double SVDs and products of ≤ 5 small Gaussian factors: 1e-9 relative; the Φ_L minimiser: 1e-6 relative (its accuracy).
    static readonly Tolerance Linear = Tolerance.Relative(1e-9);
    static readonly Tolerance Minimiser = Tolerance.Relative(1e-6);

    internal static Proof<PowCase> Build() =>
        Proof.Of<PowCase>("POW: balanced factorisation, AM–GM over layers, reduction to Φ_L and its bounds", EvidenceTier.Tolerance, Linear)
            .Chain("layers", "(1/p)Σ‖W_i‖²_F (random factors)", c => BalancedFactorization.Cost(c.RandomFactors))
                .Ge("(Π‖W_i‖_F)^{2/p}", c => Math.Pow(c.RandomFactors.Aggregate(1.0, (s, f) => s * f.FrobeniusNorm()), 2.0 / c.P), "AM–GM over the p layers", "[DER]")
                .Ge("‖W_p⋯W_1‖_{S_{2/p}}^{2/p}", c => Schatten.Powered(BalancedFactorization.Product(c.RandomFactors), 2.0 / c.P),
                    "Hölder for Schatten norms: ‖AB‖_{S_r} ≤ ‖A‖_{S_s}‖B‖_{S_t}, 1/r = 1/s + 1/t", "[DER]")
                .Eq("Σσ_i(W)^{2/p}", c => Schatten.Powered(c.W, 2.0 / c.P), "the factors multiply to W", "[DER]")
                .Eq("(1/p)Σ‖W_i‖²_F (balanced factors)", c => BalancedFactorization.Cost(BalancedFactorization.Build(c.W, c.P, c.Seed)),
                    "balanced factorisation identity: W_i = Q_iΣ^{1/p}Q_{i−1}ᵀ attains Σσ_i^{2/p}", "[SEED]")
                .Proves("(1/p)Σ‖W_i‖²_F (random factors)", Relation.Ge, "(1/p)Σ‖W_i‖²_F (balanced factors)")
            .Let("Φ_L(W,a)", c => c.Phi)
            .Chain("global scale", "Φ_L(W,a)")
                .Le("min_t (1/L)‖a/t‖² + ((L−1)/L)‖tW‖^{2/(L−1)}", c => DeepLinearRelu.GlobalScale(c.W, Vector<double>.Build.DenseOfArray(c.A), c.L).Minimised,
                    "Φ_L minimises over per-unit scales, a common scale t among them", "[DER]", tolerance: Minimiser)
                .Eq("(‖a‖₂·‖W‖_{S_{2/(L−1)}})^{2/L}", c => Math.Pow(Vector<double>.Build.DenseOfArray(c.A).L2Norm() * Schatten.Norm(c.W, 2.0 / c.P), 2.0 / c.L),
                    "weighted AM–GM over the global scale", "[DER]")
                .Proves("Φ_L(W,a)", Relation.Le, "(‖a‖₂·‖W‖_{S_{2/(L−1)}})^{2/L}")
            .Chain("sandwich", "‖D_aW‖_{S_{2/L}}^{2/L}", c => Schatten.Powered(Matrix<double>.Build.DiagonalOfDiagonalArray(c.A) * c.W, 2.0 / c.L))
                .Le("Φ_L(W,a)", null, "D_aW = (D_aD_s⁻¹)(D_sW) is a product of L factors: the balanced identity with p = L", "[DER]", tolerance: Minimiser)
                .Le("rank(D_aW)^{(L−2)/L}·(Σ|a_k|‖w_k‖)^{2/L}", c => Math.Pow(Schatten.Rank(Matrix<double>.Build.DiagonalOfDiagonalArray(c.A) * c.W), (c.L - 2.0) / c.L) * Math.Pow(c.Path, 2.0 / c.L),
                    "Hölder Σ_{i≤r}σ_i^q ≤ r^{1−q/2}(Σσ_i²)^{q/2}, s_k² ∝ |a_k|/‖w_k‖, AM–GM over the global scale", "[DER]", tolerance: Minimiser)
                .Proves("‖D_aW‖_{S_{2/L}}^{2/L}", Relation.Le, "rank(D_aW)^{(L−2)/L}·(Σ|a_k|‖w_k‖)^{2/L}")
            .Chain("path", "(Σ|a_k|‖w_k‖)^{2/L}", c => Math.Pow(c.Path, 2.0 / c.L))
                .Le("Φ_L(W,a)", null, "‖B‖_{S_q} ≥ ‖B‖_F (q ≤ 2), Cauchy–Schwarz, weighted AM–GM", "[DER]", tolerance: Minimiser)
                .Proves("(Σ|a_k|‖w_k‖)^{2/L}", Relation.Le, "Φ_L(W,a)")
            .Build();

    static IReadOnlyList<PowCase> Family(ClaimContext _) =>
        [.. from l in Enumerable.Range(3, 4) from seed in new[] { 1, 2, 3 } select new PowCase(3, 3, l, seed)];

    public static Claim Claim { get; } = Build().ToClaim(
        new ClaimId("pow23.proof.lemma"),
        new Citation(Paper.Pow, "§3.2–3.4: balanced factorisation, reduction to a two-layer problem, bounds on Φ_L",
            "identity [SEED]; reduction and bounds [DER]"),
        "The linear-layer lemma step by step on generated (W, a, L) (2 ≤ K, d ≤ 4, 3 ≤ L ≤ 6; K, d ≤ 8 and L ≤ 8 under the deep profile; Gaussian entries): a random factorisation's cost ≥ (Π‖W_i‖_F)^{2/p} ≥ ‖W‖_{S_{2/p}}^{2/p} = the balanced cost; Φ_L ≤ the best global rescaling = (‖a‖₂‖W‖_{S_{2/(L−1)}})^{2/L}; ‖D_aW‖_{S_{2/L}}^{2/L} ≤ Φ_L ≤ rank^{(L−2)/L}(Σ|a_k|‖w_k‖)^{2/L}; (Σ|a_k|‖w_k‖)^{2/L} ≤ Φ_L (1e-9 relative for linear algebra, 1e-6 for the Φ_L minimiser).",
        new ProofCases<PowCase> { GenFor = ctx => Cases(ctx.Profile.Deep), Show = c => c.ToString() },
        new ProofFamily<PowCase>(Family, c => c.L, "L"),
        new WrongStep<PowCase>(8, "(Σ|a_k|‖w_k‖)^{2/L} (no rank factor)", c => Math.Pow(c.Path, 2.0 / c.L),
            "the rank-one case's bound Φ_L ≤ (Σ|a_k|‖w_k‖)^{2/L}, taken for every rank"));
}
