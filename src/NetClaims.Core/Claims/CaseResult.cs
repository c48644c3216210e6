namespace NetClaims.Claims;

/// <summary>The verdict on one generated case, with a human-readable account of what was measured.</summary>
public readonly record struct CaseResult(bool Ok, string Detail)
{
    public static CaseResult Pass(string detail) => new(true, detail);

    public static CaseResult Fail(string detail) => new(false, detail);

    /// <summary>Passes iff <paramref name="ok"/>; a NaN measurement must be reported by the caller as a failure.</summary>
    public static CaseResult Of(bool ok, string detail) => new(ok, detail);
}
