using NetClaims.Reports;

namespace NetClaims.Claims;

/// <summary>
/// One unit test per claim in any test framework: <see cref="Ids"/> feeds a data-driven test, and <see cref="Check"/>
/// runs the claim, its negative control and its report and throws <see cref="ClaimGateException"/> (which every
/// framework shows as a failure) unless the claim holds, the control is refuted and the report matches the approved
/// snapshot. With xunit:
/// <code>
/// public static TheoryData&lt;string&gt; Ids() =&gt; new(ClaimGate.Ids(MyClaims.Source));
/// [Theory, MemberData(nameof(Ids))] public void Claim_passes(string id) =&gt; ClaimGate.Check(MyClaims.Source, id);
/// </code>
/// Snapshots are read from the nearest <c>snapshots/</c> folder above the test's output folder (or NETCLAIMS_SNAPSHOTS);
/// a mismatch writes <c>{id}.received.md</c> beside the approved file.
/// </summary>
public static class ClaimGate
{
    static readonly RunCache Cache = new();

    /// <summary>The ids of the source's claims, in order.</summary>
    public static IEnumerable<string> Ids(IClaimSource source) => source.Claims.Select(c => c.Id.Value);

    /// <summary>The nearest snapshots/ folder above <paramref name="start"/> (default: the test's output folder).</summary>
    public static SnapshotStore? Snapshots(string? start = null)
    {
        if (Environment.GetEnvironmentVariable("NETCLAIMS_SNAPSHOTS") is { Length: > 0 } env) return new SnapshotStore(env);
        return SnapshotStore.Nearest(start ?? AppContext.BaseDirectory);
    }

    /// <summary>Runs claim <paramref name="id"/> of <paramref name="source"/> (seed 0 under CI=true) and throws unless it passes.</summary>
    public static void Check(IClaimSource source, string id, SnapshotStore? snapshots = null)
    {
        var claim = source.Claims.FirstOrDefault(c => c.Id.Value == id) ?? throw new ClaimGateException($"{source.Name} has no claim '{id}'");
        var store = snapshots ?? Snapshots() ?? throw new ClaimGateException($"{id}: no snapshots/ folder above {AppContext.BaseDirectory} (create one, or set NETCLAIMS_SNAPSHOTS)");
        var result = ClaimRunner.Run(claim, RunSettings.Default.WithCache(Cache), snapshots: null);
        if (result.Verdict != Verdict.Holds)
            throw new ClaimGateException($"{id} does not hold: {RunReport.Problem(result)}" + (result.Replay is { } t ? $"\nreplay with: {ReplayToken.Parse(t).Command}" : ""));
        if (!result.NegativeRefuted)
            throw new ClaimGateException($"{id}: the negative control '{claim.NegativeControl.Statement}' was not refuted ({result.Negative})");
        var status = store.Compare(claim.Id, ReportText.Render(result.Report ?? throw new ClaimGateException($"{id}: no report")));
        if (!status.IsOk)
            throw new ClaimGateException($"{id}: report {status.Word} against {store.ApprovedPath(claim.Id)}; received: {store.ReceivedPath(claim.Id)}\n" +
                $"if the new numbers are right: netclaims approve --claim {id}");
    }
}

/// <summary>A claim that did not pass its gate (the message says why and how to replay or approve).</summary>
public sealed class ClaimGateException(string message) : Exception(message);
