using NetClaims.Reports;

namespace NetClaims.Claims;

/// <summary>The verdict words used in tables and JSON.</summary>
public enum Verdict { Holds, Fails, Error }

/// <summary>Everything one run of a claim found.</summary>
public sealed record ClaimResult(
    Claim Claim,
    CheckOutcome Check,
    CheckOutcome Negative,
    NumericReport? Report,
    string? ReportError,
    SnapshotStatus Snapshot,
    double Seconds)
{
    /// <summary>holds only if the check holds and the report was produced with finite numbers.</summary>
    public Verdict Verdict => Check switch
    {
        CheckOutcome.Errored => Verdict.Error,
        _ when ReportError is not null => Verdict.Error,
        CheckOutcome.Fails => Verdict.Fails,
        _ => Verdict.Holds,
    };

    /// <summary>The false variant counts as refuted only when its check found a counterexample (an error refutes nothing).</summary>
    public bool NegativeRefuted => Negative is CheckOutcome.Fails;

    /// <summary>The gate: claim holds, negative control refuted, report matches its snapshot (or no snapshots are in use).</summary>
    public bool Passed => Verdict == Verdict.Holds && NegativeRefuted && Snapshot.IsOk;

    public int Cases => Check.Cases + Negative.Cases;

    /// <summary>The replay token of the failing check, if any.</summary>
    public string? Replay => (Check as CheckOutcome.Fails)?.Replay;

    public static string Word(Verdict v) => v switch { Verdict.Holds => "holds", Verdict.Fails => "fails", _ => "error" };
}
