using NetClaims.Reports;

namespace NetClaims.Claims;


/// <summary>Everything one run of a claim found (in memory; <see cref="ToRecord"/> gives the serialisable form).</summary>
public sealed record ClaimResult(
    Claim Claim,
    CheckOutcome Check,
    CheckOutcome? Negative,
    NumericReport? Report,
    string? ReportError,
    SnapshotStatus Snapshot,
    double Seconds)
{
    /// <summary>holds only if the check holds and the report (if this run owns it) has finite numbers.</summary>
    public Verdict Verdict => Check switch
    {
        CheckOutcome.Errored => Verdict.Error,
        _ when ReportError is not null => Verdict.Error,
        CheckOutcome.Fails => Verdict.Fails,
        _ => Verdict.Holds,
    };

    /// <summary>False when another shard owns the claim's negative control and report.</summary>
    public bool Owner => Negative is not null;

    /// <summary>The false variant counts as refuted only when its check found a counterexample (an error refutes nothing).</summary>
    public bool NegativeRefuted => Negative is CheckOutcome.Fails;

    /// <summary>The gate: claim holds, negative control refuted, report matches its snapshot (or no snapshots are in use).</summary>
    public bool Passed => ToRecord().Passed;

    /// <summary>Cases of the check and of the negative control.</summary>
    public int Cases => Check.Cases + (Negative?.Cases ?? 0);

    /// <summary>The replay token of the failing check, if any.</summary>
    public string? Replay => (Check as CheckOutcome.Fails)?.Replay;

    /// <summary>The verdict's word (holds, fails, error).</summary>
    public static string Word(Verdict v) => v.Word();

    /// <summary>The serialisable record of this result (an entry of report.json).</summary>
    public ClaimRecord ToRecord()
    {
        var st = Check.Stats;
        return new ClaimRecord
        {
            Id = Claim.Id.Value,
            Tier = Claim.Tier.ToString(),
            Source = Claim.Source.ToString(),
            Statement = Claim.Statement,
            Verdict = Verdict,
            NegativeControl = Negative is null ? NegativeOutcome.NotRun : NegativeRefuted ? NegativeOutcome.Refuted : NegativeOutcome.NotRefuted,
            NegativeStatement = Claim.NegativeControl.Statement,
            NegativeCounterexample = (Negative as CheckOutcome.Fails)?.Counterexample ?? (Negative as CheckOutcome.Errored)?.Message,
            Cases = Cases,
            CheckCases = st.Generated,
            Seconds = Math.Round(Seconds, 3),
            Replay = Replay,
            Counterexample = (Check as CheckOutcome.Fails)?.Counterexample,
            Error = (Check as CheckOutcome.Errored)?.Message,
            ReportError = ReportError,
            Snapshot = Negative is null ? SnapshotState.NotRun : Snapshot.State,
            SnapshotDifferences = Snapshot is SnapshotStatus.Mismatch m ? m.Differences.Select(d => d.ToString()).ToArray()
                : Snapshot is SnapshotStatus.Corrupt c ? [c.Message] : [],
            ReceivedPath = Snapshot switch { SnapshotStatus.Mismatch m2 => m2.ReceivedPath, SnapshotStatus.Missing m3 => m3.ReceivedPath, _ => null },
            SkippedShard = st.SkippedShard,
            SkippedBudget = st.SkippedBudget,
            Replayed = st.Replayed,
            Fixed = st.Fixed,
            Labels = st.Labels,
            Coverage = st.Coverage,
            CoverageRequirements = st.Requirements,
            ScoreName = st.ScoreName,
            BestScore = st.BestScore,
            BestCase = st.BestCase,
            BestRandomScore = st.BestRandomScore,
            FirstFailureIndex = st.FirstFailureIndex,
            Incomplete = st.Incomplete,
            Confirmations = st.Confirmations,
            Owner = Owner,
        };
    }
}
