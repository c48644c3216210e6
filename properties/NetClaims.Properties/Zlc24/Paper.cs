namespace NetClaims.Properties.Zlc24;

internal static class Paper
{
    public const string Zlc = "Zhu, Liu, Cevher: gradient descent learning a sum of k ReLU teachers with an over-parameterized student (ICLR 2025 submission, OpenReview 25j2ZEgwTj)";
}
