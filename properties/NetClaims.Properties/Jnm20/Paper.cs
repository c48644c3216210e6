namespace NetClaims.Properties.Jnm20;

/// <summary>Jiang et al. (ICLR 2020): the citation and the constants the claims and the study command compare with.</summary>
public static class Paper
{
    /// <summary>The seed slides' overall Kendall τ per measure of <see cref="NetClaims.Training.CapacityStudy.MeasureNames"/>
    /// (CNNs on images; §6 [SEED]), same order: a paper's constant, kept with its claims.</summary>
    public static readonly double[] SeedTaus = [0.073, -0.263, -0.537, 0.078, 0.373];

    /// <summary>The paper.</summary>
    public const string Jnm = "Jiang, Neyshabur, Mobahi, Krishnan, Bengio: Fantastic generalization measures and where to find them (ICLR 2020, arXiv 1912.02178)";
}
