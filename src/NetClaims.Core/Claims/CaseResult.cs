namespace NetClaims.Claims;

/// <summary>The verdict on one generated case, with a human-readable account of what was measured.</summary>
public readonly record struct CaseResult(bool Ok, string Detail)
{
    /// <summary>The case holds; <paramref name="detail"/> says what was measured.</summary>
    public static CaseResult Pass(string detail) => new(true, detail);

    /// <summary>The case is a counterexample; <paramref name="detail"/> says why.</summary>
    public static CaseResult Fail(string detail) => new(false, detail);

    /// <summary>Passes iff <paramref name="ok"/>; a NaN measurement must be reported by the caller as a failure.</summary>
    public static CaseResult Of(bool ok, string detail) => new(ok, detail);
}
