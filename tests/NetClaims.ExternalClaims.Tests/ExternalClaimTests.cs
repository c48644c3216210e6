using NetClaims.Claims;
using NetClaims.Reports;

namespace NetClaims.ExternalClaims;

/// <summary>
/// A claim defined outside NetClaims runs through the core's extension points alone: discovered from its assembly
/// (<see cref="ClaimSource.FromAssembly"/>), validated, run with its negative control, reported — without the
/// neural-network library ever being referenced or loaded.
/// </summary>
public sealed class ExternalClaimTests
{
    static readonly IClaimSource Source = ClaimSource.FromAssembly(typeof(MeanClaims).Assembly);

    [Fact]
    public void Discovery_finds_the_public_static_claims()
    {
        Assert.Equal(["example.am-gm"], Source.Claims.Select(c => c.Id.Value));
        Assert.Contains(typeof(MeanClaims).Assembly, Source.Assemblies);
    }

    [Fact]
    public void The_claim_holds_its_negative_control_is_refuted_and_its_report_is_finite()
    {
        var run = ClaimRunner.RunAll(Source.Claims, RunSettings.Default.WithCache(new RunCache()), snapshots: null);
        var r = Assert.Single(run.Results);
        Assert.True(run.Complete);
        Assert.Equal(Verdict.Holds, r.Verdict);
        Assert.True(r.NegativeRefuted);
        Assert.NotNull(r.Report);
        Assert.Empty(r.Report!.NonFiniteCells());
        Assert.True(r.Passed);
    }

    [Fact]
    public void A_broken_copy_fails_with_a_replay_token_that_names_it()
    {
        var claim = MeanClaims.AmGm;
        var broken = claim with { Check = claim.NegativeControl.Check };
        var r = ClaimRunner.Run(broken, RunSettings.Default, null);
        Assert.Equal(Verdict.Fails, r.Verdict);
        Assert.StartsWith("nc1:example.am-gm/check@", r.Replay);
    }

    [Fact]
    public void The_neural_network_library_is_neither_referenced_nor_loaded()
    {
        static bool IsLearning(string? name) => name is not null && name.StartsWith("NetClaims.Learning", StringComparison.Ordinal);
        Assert.DoesNotContain(typeof(MeanClaims).Assembly.GetReferencedAssemblies(), a => IsLearning(a.Name));
        Assert.DoesNotContain(typeof(Claim).Assembly.GetReferencedAssemblies(), a => IsLearning(a.Name));
        ClaimRunner.RunAll(Source.Claims, RunSettings.Default, snapshots: null);
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => IsLearning(a.GetName().Name));
    }
}
