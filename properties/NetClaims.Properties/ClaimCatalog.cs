using NetClaims.Claims;
using NetClaims.Properties.Ahs23;
using NetClaims.Properties.Bn20;
using NetClaims.Properties.Pow23;
using NetClaims.Properties.Zlc24;
using NetClaims.Properties.Ldc24;
using NetClaims.Properties.Jnm20;

namespace NetClaims.Properties;

/// <summary>
/// Every claim NetClaims verifies, in catalogue order. An immutable list, built once; the CLI, the xunit gate and
/// the README catalogue all read it (no global mutable registry).
/// </summary>
public static class ClaimCatalog
{
    /// <summary>The assemblies every claim's verdict depends on: the harness, the mathematics and the claims (the
    /// inputs of <see cref="NetClaims.Reports.BuildFingerprint"/>; the GPU trainer is not among them, no claim uses it).</summary>
    public static IReadOnlyList<System.Reflection.Assembly> Assemblies { get; } =
        [typeof(Claim).Assembly, typeof(NetClaims.Cube.Dimension).Assembly, typeof(ClaimCatalog).Assembly];

    public static IReadOnlyList<Claim> All { get; } = new[]
    {
        OneDimensionalClaims.MinNorm,
        SawtoothRidgeClaims.Interpolates,
        SawtoothRidgeClaims.Cost,
        SplineRidgeClaims.Interpolates,
        SplineRidgeClaims.Cost,
        AveragedBladesClaims.Interpolates,
        AveragedBladesClaims.Cost,
        AveragedBladesClaims.HalfInterpolates,
        AveragedBladesClaims.HalfCost,
        AveragedReluClaims.Interpolates,
        AveragedReluClaims.Cost,
        TrueMinimumClaims.TrueMinimum,
        RhoLimitClaims.Limit,
        RidgeClaims.LowerBound,
        Proofs.RidgeProof.Claim,
        SampledBladesClaims.Approx,
        BladeWidthClaims.Measured,
        CorrelationClaims.Lemma,
        CorrelationClaims.Subset,
        Theorem6Claims.Theorem6,
        Proofs.Theorem6Proof.Claim,
        Theorem6BeyondClaims.Beyond,
        Ahs23.TrainedParityClaims.Trained,
        Ahs23.TrainedParityClaims.BelowRidge,
        Theorem7Claims.Interpolate,
        Theorem7Claims.CostGrowth,
        Theorem7SlopeClaims.SlopeHalf,
        VpClaims.Solution,
        VpTransitionClaims.Transition,
        Proofs.VpProofs.Theorem7Claim,
        ParityLearnersClaims.Learners,
        Theorem9Claims.VpBound,
        Theorem9Claims.RademacherBound,
        Proofs.VpProofs.Theorem9Claim,
        OrderingClaims.CostOrder,
        OrderingClaims.SawtoothExcess,
        OrderingClaims.Crossover,
        ScalingClaims.AveragedLinear,
        ScalingClaims.RidgeThreeHalves,
        LinearLayerClaims.Factorization,
        LinearLayerClaims.PhiBounds,
        LinearLayerClaims.Counting,
        RepresentationClaims.LemmaReduction,
        RepresentationClaims.BoundsOverL,
        Proofs.PowProof.Claim,
        EgopClaims.EgopRank,
        Pow23.TrainedLinearLayerClaims.TrainedSandwich,
        Pow23.TrainedLinearLayerClaims.Depth,
        Pow23.InterpolantClaims.TrainedDecay,
        Pow23.InterpolantClaims.DepthLimit,
        Pow23.DepthTrendClaims.DepthTrends,
        CorrectiveViewClaims.Identity,
        CorrectiveViewClaims.KernelNearIdentity,
        MemorizationClaims.OneStepContraction,
        MemorizationClaims.CorrectiveDecay,
        Proofs.CorrectiveStepProof.Claim,
        ContractionShapeClaims.InSampleSize,
        ContractionShapeClaims.InSeparation,
        EpsilonClaims.ToEpsilon,
        EpsilonClaims.ExplicitNetwork,
        SmoothRepresentationClaims.WidthRate,
        SmoothRepresentationClaims.SecondRound,
        LearningClaims.GradientDescent,
        TeacherStudentClaims.Kernel,
        TeacherStudentClaims.Rate,
        TeacherStudentClaims.Exact,
        TeacherStudentClaims.Alignment,
        PhaseOrderClaims.PhaseOrder,
        PhaseOrderClaims.PhasesTrainable,
        BalancingClaims.Balancing,
        FiniteSampleClaims.FiniteSample,
        PathNormClaims.Rescaling,
        PathNormClaims.PathBounds,
        Proofs.PathNormProof.Claim,
        BarronClaims.Sandwiched,
        BarronClaims.MaureyRate,
        RateClaims.WidthRate,
        RateClaims.StatisticalRate,
        MeasureClaims.EulerIdentity,
        MeasureClaims.MeasureInvariance,
        StudyClaims.CapacityStudyClaim,
    }.Select(WithDocs).ToArray();

    // Every report links the docs page of its paper (docs/{id prefix}.md).
    static Claim WithDocs(Claim c) => c with { Source = c.Source with { Docs = ClaimCatalogDocument.DocsPage(c.Id.Value.Split('.')[0]) } };

    /// <summary>The catalogue as a claim source (what the command line runs).</summary>
    public static IClaimSource Source { get; } = ClaimSource.Of("NetClaims.Properties", All, [.. Assemblies.Skip(1)]);

    public static Claim Get(string id) =>
        All.FirstOrDefault(c => c.Id.Value == id) ?? throw new ArgumentException($"unknown claim '{id}' (try `netclaims list`)");
}

/// <summary>The catalogue as a discoverable source: <see cref="ClaimSource.FromAssembly"/> on this assembly finds it.</summary>
public sealed class CatalogSource : IClaimSource
{
    public string Name => ClaimCatalog.Source.Name;

    public IReadOnlyList<Claim> Claims => ClaimCatalog.Source.Claims;

    public IReadOnlyList<System.Reflection.Assembly> Assemblies => ClaimCatalog.Source.Assemblies;
}
