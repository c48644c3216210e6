namespace NetClaims.Properties.Pow23;

/// <summary>The citation shared by the linear-layer claims.</summary>
internal static class Paper
{
    public const string Pow = "Parkinson, Ongie, Willett: ReLU neural networks with linear layers are biased towards single- and multi-index models (arXiv 2305.15598)";
}
