namespace NetClaims.Proofs;

/// <summary>The relation a proof step asserts between its left and right quantity.</summary>
public enum Relation
{
    /// <summary>=</summary>
    Eq,

    /// <summary>≤</summary>
    Le,

    /// <summary>&lt;</summary>
    Lt,

    /// <summary>≥</summary>
    Ge,

    /// <summary>&gt;</summary>
    Gt,
}

/// <summary>Composition and implication of relations, the rules by which a chain proves its statement.</summary>
public static class Relations
{
    /// <summary>The relation's symbol.</summary>
    public static string Symbol(this Relation r) => r switch
    {
        Relation.Eq => "=",
        Relation.Le => "≤",
        Relation.Lt => "<",
        Relation.Ge => "≥",
        Relation.Gt => ">",
        _ => throw new ArgumentOutOfRangeException(nameof(r)),
    };

    /// <summary>+1 for ≤ and &lt;, −1 for ≥ and &gt;, 0 for =.</summary>
    public static int Direction(this Relation r) => r switch
    {
        Relation.Le or Relation.Lt => 1,
        Relation.Ge or Relation.Gt => -1,
        _ => 0,
    };

    /// <summary>Whether the relation is strict.</summary>
    public static bool IsStrict(this Relation r) => r is Relation.Lt or Relation.Gt;

    /// <summary>
    /// a R₁ b and b R₂ c give a R c: = is neutral, a strict step makes the result strict, and ≤ with ≥ compose to
    /// nothing (null): such a chain proves no inequality between its ends.
    /// </summary>
    public static Relation? Compose(Relation first, Relation second)
    {
        if (first == Relation.Eq) return second;
        if (second == Relation.Eq) return first;
        if (first.Direction() != second.Direction()) return null;
        bool strict = first.IsStrict() || second.IsStrict();
        return first.Direction() > 0 ? (strict ? Relation.Lt : Relation.Le) : (strict ? Relation.Gt : Relation.Ge);
    }

    /// <summary>Whether a proved relation implies a stated one (= implies ≤ and ≥; &lt; implies ≤; ≤ does not imply &lt;).</summary>
    public static bool Implies(this Relation proved, Relation stated) => proved == stated || (proved, stated) switch
    {
        (Relation.Eq, Relation.Le or Relation.Ge) => true,
        (Relation.Lt, Relation.Le) => true,
        (Relation.Gt, Relation.Ge) => true,
        _ => false,
    };
}
