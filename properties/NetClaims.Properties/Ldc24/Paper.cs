namespace NetClaims.Properties.Ldc24;

internal static class Paper
{
    public const string Ldc = "Liu, Dadi, Cevher: Learning with norm constrained, over-parameterized, two-layer neural networks (JMLR 25(138), 2024; arXiv 2404.18769)";
}
