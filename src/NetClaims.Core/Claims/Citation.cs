namespace NetClaims.Claims;

/// <summary>Where a claim comes from.</summary>
/// <param name="Paper">Authors, title, venue, e.g. "Ardeshir, Hsu, Sanford (COLT 2023)".</param>
/// <param name="Locator">Theorem / section, and where in THEOREMS.md it is digested, e.g. "Theorem 4; THEOREMS.md §1.3".</param>
/// <param name="Provenance">The THEOREMS.md provenance tags that apply, e.g. "[SRC:blog] statement; [DER+NUM] constant".
/// A derived or unsure constant is never presented as the paper's: this field says which is which.</param>
public sealed record Citation(string Paper, string Locator, string Provenance)
{
    /// <summary>Paper, locator and provenance in one line.</summary>
    public override string ToString() => $"{Paper}, {Locator} {Provenance}";
}
