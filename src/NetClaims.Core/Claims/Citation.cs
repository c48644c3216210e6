namespace NetClaims.Claims;

/// <summary>Where a claim comes from.</summary>
/// <param name="Paper">Authors, title, venue, e.g. "Ardeshir, Hsu, Sanford (COLT 2023)".</param>
/// <param name="Locator">Theorem / section, and the section of the project's docs page that writes it out, e.g. "Theorem 4; docs/ahs23.md §1.3".</param>
/// <param name="Provenance">The provenance tags that apply, e.g. "[SRC:blog] statement; [DER+NUM] constant".
/// A derived or unsure constant is never presented as the paper's: this field says which is which.</param>
public sealed record Citation(string Paper, string Locator, string Provenance)
{
    /// <summary>The project's page that writes the claim's paper out (definitions, what is unsure, what is unchecked), shown in every report.</summary>
    public string? Docs { get; init; }

    /// <summary>Paper, locator and provenance in one line.</summary>
    public override string ToString() => $"{Paper}, {Locator} {Provenance}";
}
