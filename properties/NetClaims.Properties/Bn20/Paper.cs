namespace NetClaims.Properties.Bn20;

/// <summary>The citation shared by the corrective-view claims.</summary>
internal static class Paper
{
    public const string Bn = "Bresler, Nagaraj: A corrective view of neural networks: representation, memorization and learning (COLT 2020, arXiv 2002.00274)";
}
