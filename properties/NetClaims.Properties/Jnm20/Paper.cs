namespace NetClaims.Properties.Jnm20;

internal static class Paper
{
    public const string Jnm = "Jiang, Neyshabur, Mobahi, Krishnan, Bengio: Fantastic generalization measures and where to find them (ICLR 2020, arXiv 1912.02178)";
}
