using System.Text.RegularExpressions;

namespace NetClaims.Claims;

/// <summary>A claim's stable identifier, e.g. <c>ahs23.thm4.blades.cost</c>: lower-case words joined by dots.</summary>
public readonly partial record struct ClaimId
{
    /// <summary>The id text.</summary>
    public string Value { get; }

    /// <summary>Makes an id; a malformed one is an <see cref="ArgumentException"/>.</summary>
    public ClaimId(string value)
    {
        if (string.IsNullOrEmpty(value) || !Pattern().IsMatch(value))
            throw new ArgumentException($"'{value}' is not a valid claim id (lower-case letters, digits, '-', separated by '.')", nameof(value));
        Value = value;
    }

    /// <summary>True if <paramref name="selector"/> is this id or a dot-prefix of it (<c>ahs23.thm4</c> selects <c>ahs23.thm4.blades.cost</c>).</summary>
    public bool MatchesSelector(string selector) =>
        Value == selector || Value.StartsWith(selector.TrimEnd('.') + ".", StringComparison.Ordinal);

    /// <summary>The id itself.</summary>
    public override string ToString() => Value;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)*$")]
    private static partial Regex Pattern();
}
