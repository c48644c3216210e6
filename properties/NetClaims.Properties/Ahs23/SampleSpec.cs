namespace NetClaims.Properties.Ahs23;

/// <summary>A generated sample set of the cube: dimension d, n samples, the seed that draws them (Theorems 7 and 9).</summary>
internal sealed record SampleSpec(int D, int N, int Seed)
{
    public override string ToString() => $"d={D} n={N} seed={Seed}";
}
