namespace NetClaims.Claims;

/// <summary>How a claim's verdict is reached; shown on every report.</summary>
public enum EvidenceTier
{
    /// <summary>Rational / integer arithmetic: no rounding anywhere in the decision.</summary>
    Exact,

    /// <summary>An interval enclosure decides an inequality.</summary>
    Certified,

    /// <summary>Floating point with a stated absolute/relative tolerance and the reason for it.</summary>
    Tolerance,

    /// <summary>Fits and tests with a stated confidence level.</summary>
    Statistical,
}
