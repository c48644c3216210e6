using Hedgehog.Linq;
using MathNet.Numerics.LinearAlgebra;
using NetClaims.Claims;
using NetClaims.Properties.Bn20;
using NetClaims.Proofs;
using NetClaims.RandomFeatures;
using NetClaims.Reports;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Properties.Proofs;

/// <summary>
/// One corrective step of Bresler–Nagaraj's memoriser as its argument, on generated data and feature draws: the new
/// residual r₁ = r₀ − ŷ[r₀] splits into a bias term (I − K)r₀ and a variance term ŷ[r₀] − Kr₀; the bias term is at most
/// ‖I − K‖₂‖r₀‖, and ‖I − K‖₂ ≤ (n − 1)·n^{−c} by the separation and the bandwidth σ² = 2c·ln n/θ². The variance term's
/// bound E‖ŷ − Kr₀‖² ≲ n·ω₀⁴‖r₀‖²/N₀ holds in expectation over the features, not per draw: it is the statistical
/// claims bn20.memorization.*, not a step here.
/// </summary>
internal static class CorrectiveStepProof
{
    const double C = 2;

    internal sealed class StepCase
    {
        public StepCase(int n, int d, int features, int seed)
        {
            (N, D, Features, Seed) = (n, d, features, seed);
            Data = SphereData.Sample(n, d, 0.8, seed);
            Sigma = Data.Bandwidth(C);
            K = Data.Kernel(Sigma);
            R0 = Vector<double>.Build.DenseOfArray(Data.Y);
            Yhat = Vector<double>.Build.DenseOfArray(CorrectiveMemorizer.Estimate(Data, Data.Y, Sigma, Sigma, features, seed + 1));
            IMinusK = Matrix<double>.Build.DenseIdentity(n) - K;
            Bias = IMinusK * R0;
            Variance = Yhat - K * R0;
            operatorNorm = new(() => IMinusK.L2Norm());
        }

        readonly Lazy<double> operatorNorm;

        public int N { get; }
        public int D { get; }
        public int Features { get; }
        public int Seed { get; }
        public SphereData Data { get; }
        public double Sigma { get; }
        public Matrix<double> K { get; }
        public Vector<double> R0 { get; }
        public Vector<double> Yhat { get; }
        public Matrix<double> IMinusK { get; }

        /// <summary>The bias term (I − K)r₀.</summary>
        public Vector<double> Bias { get; }

        /// <summary>The variance term ŷ − Kr₀.</summary>
        public Vector<double> Variance { get; }

        /// <summary>‖I − K‖₂ (one SVD).</summary>
        public double OperatorNorm => operatorNorm.Value;

        public double MaxOffDiagonal => Enumerable.Range(0, N).SelectMany(i => Enumerable.Range(0, N).Where(j => j != i).Select(j => K[i, j])).Max();

        public override string ToString() => $"n={N} d={D} N0={Features} seed={Seed} (θ={Data.Theta:G4}, σ={Sigma:G4})";
    }

    // n ≤ 12, d ≤ 12 (n ≤ 40, d ≤ 24 under the deep profile).
    static Hedgehog.Gen<StepCase> Cases(bool deep) =>
        from n in Gen.Int32(Range.Constant(3, deep ? 40 : 12))
        from d in Gen.Int32(Range.Constant(8, deep ? 24 : 12))
        from features in Gen.Int32(Range.Constant(200, 2000))
        from seed in Gen.Int32(Range.Constant(0, 1_000_000))
        select new StepCase(n, d, features, seed);

    // Sums and norms of ≤ 12-vectors and a 12 × 12 symmetric eigenproblem in double: 1e-9 relative.
    internal static Proof<StepCase> Build() =>
        Proof.Of<StepCase>("Bresler–Nagaraj: one corrective step = bias term + variance term", EvidenceTier.Tolerance, Tolerance.Relative(1e-9))
            .Chain("residual", "‖r₁‖", c => (c.R0 - c.Yhat).L2Norm())
                .Eq("‖(I − K)r₀ − (ŷ − Kr₀)‖", c => (c.Bias - c.Variance).L2Norm(), "r₁ = r₀ − ŷ = (I − K)r₀ − (ŷ − Kr₀): bias minus variance", "[DER]")
                .Le("‖(I − K)r₀‖ + ‖ŷ − Kr₀‖", c => c.Bias.L2Norm() + c.Variance.L2Norm(), "triangle inequality", "[DER]")
                .Le("‖I − K‖₂·‖r₀‖ + ‖ŷ − Kr₀‖", c => c.OperatorNorm * c.R0.L2Norm() + c.Variance.L2Norm(), "operator norm", "[DER]")
                .Proves("‖r₁‖", Relation.Le, "‖I − K‖₂·‖r₀‖ + ‖ŷ − Kr₀‖")
            .Chain("bias", "‖I − K‖₂", c => c.OperatorNorm)
                .Le("max_i Σ_{j≠i} K_ij", c => Enumerable.Range(0, c.N).Max(i => Enumerable.Range(0, c.N).Where(j => j != i).Sum(j => Math.Abs(c.K[i, j]))),
                    "a symmetric matrix's spectral norm is at most its largest absolute row sum (K_ii = 1)", "[DER]")
                .Le("(n − 1)·max_{i≠j} K_ij", c => (c.N - 1) * c.MaxOffDiagonal, "each row has n − 1 off-diagonal entries", "[DER]")
                .Le("(n − 1)·n^{−c}", c => (c.N - 1) * Math.Pow(c.N, -C), "K_ij = exp(−σ²‖x_i − x_j‖²/2) ≤ exp(−σ²θ²/2) = n^{−c} with σ² = 2c·ln n/θ²", "[SEED]")
                .Proves("‖I − K‖₂", Relation.Le, "(n − 1)·n^{−c}")
            .Build();

    static IReadOnlyList<StepCase> Family(ClaimContext _) => [.. from n in new[] { 4, 6, 8, 10, 12 } select new StepCase(n, 10, 1000, 1)];

    public static Claim Claim { get; } = Build().ToClaim(
        new ClaimId("bn20.proof.corrective-step"),
        new Citation(Paper.Bn, "the corrective step of the memorisation theorem: bias and variance terms", "scheme [SEED]; steps [DER]"),
        "One corrective step step by step on generated unit-sphere data (3 ≤ n ≤ 12, 8 ≤ d ≤ 12; n ≤ 40, d ≤ 24 under the deep profile; separation ≥ 0.8, c = 2) and feature draws (200 ≤ N₀ ≤ 2000): ‖r₁‖ = ‖(I − K)r₀ − (ŷ − Kr₀)‖ ≤ ‖(I − K)r₀‖ + ‖ŷ − Kr₀‖ ≤ ‖I − K‖₂‖r₀‖ + ‖ŷ − Kr₀‖, and ‖I − K‖₂ ≤ max row sum ≤ (n − 1)max K_ij ≤ (n − 1)n^{−c}, each within 1e-9 relative. The variance term's bound holds in expectation only (the statistical claims bn20.memorization.*).",
        new ProofCases<StepCase> { GenFor = ctx => Cases(ctx.Profile.Deep), Show = c => c.ToString(), Tests = 40 },
        new ProofFamily<StepCase>(Family, c => c.N, "n"),
        new WrongStep<StepCase>(4, "max_{i≠j} K_ij", c => c.MaxOffDiagonal, "an entrywise bound taken as a bound of the operator norm"));
}
