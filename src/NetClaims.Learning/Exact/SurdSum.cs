using System.Globalization;
using System.Numerics;
using System.Text;
using Fractions;

namespace NetClaims.Exact;

/// <summary>
/// An exact real number of the form Σ_k q_k·√k with rational q_k and distinct squarefree k.
/// Network costs Σ|u_i|·‖w_i‖₂ with rational u_i and integer w_i are exactly such sums,
/// e.g. the sawtooth cost (2d+3)·√d. Two SurdSums are equal iff their coefficient maps are equal,
/// because square roots of distinct squarefree integers are linearly independent over ℚ.
/// </summary>
public sealed class SurdSum : IEquatable<SurdSum>
{
    readonly SortedDictionary<BigInteger, Fraction> terms;

    SurdSum(SortedDictionary<BigInteger, Fraction> terms) => this.terms = terms;

    /// <summary>The empty sum, 0.</summary>
    public static SurdSum Zero => new(new SortedDictionary<BigInteger, Fraction>());

    /// <summary>q·√n for a rational q and an integer n ≥ 0 (√n is reduced to a·√k, k squarefree).</summary>
    public static SurdSum Of(Fraction q, BigInteger n)
    {
        var (a, k) = IntegerMath.SquarefreeSplit(n);
        var s = Zero;
        var c = q * new Fraction(a);
        if (!c.IsZero) s.terms[k] = c;
        return s;
    }

    /// <summary>A rational q as a surd sum (radicand 1).</summary>
    public static SurdSum Rational(Fraction q) => Of(q, BigInteger.One);

    /// <summary>The coefficients by squarefree radicand (1 = the rational part).</summary>
    public IReadOnlyDictionary<BigInteger, Fraction> Terms => terms;

    /// <summary>Whether the sum is 0.</summary>
    public bool IsZero => terms.Count == 0;

    /// <summary>Exact sum (terms with equal radicands combine).</summary>
    public static SurdSum operator +(SurdSum x, SurdSum y)
    {
        var r = new SortedDictionary<BigInteger, Fraction>(x.terms);
        foreach (var (k, q) in y.terms)
        {
            var sum = r.TryGetValue(k, out var p) ? p + q : q;
            if (sum.IsZero) r.Remove(k); else r[k] = sum;
        }
        return new SurdSum(r);
    }

    /// <summary>Exact negation.</summary>
    public static SurdSum operator -(SurdSum x) =>
        new(new SortedDictionary<BigInteger, Fraction>(x.terms.ToDictionary(t => t.Key, t => -t.Value)));

    /// <summary>Exact difference.</summary>
    public static SurdSum operator -(SurdSum x, SurdSum y) => x + (-y);

    /// <summary>Exact product: √a·√b = √(ab), reduced again to squarefree radicands.</summary>
    public static SurdSum operator *(SurdSum x, SurdSum y)
    {
        var r = Zero;
        foreach (var (a, p) in x.terms)
            foreach (var (b, q) in y.terms)
                r += Of(p * q, a * b);
        return r;
    }

    /// <summary>A rational multiple.</summary>
    public static SurdSum operator *(Fraction q, SurdSum x) =>
        q.IsZero ? Zero : new(new SortedDictionary<BigInteger, Fraction>(x.terms.ToDictionary(t => t.Key, t => q * t.Value)));

    /// <summary>Nearest double (each term rounded once; relative error a few ulps).</summary>
    public double ToDouble()
    {
        double s = 0;
        foreach (var (k, q) in terms) s += q.ToDouble() * Math.Sqrt((double)k);
        return s;
    }

    /// <inheritdoc/>
    public bool Equals(SurdSum? other) =>
        other is not null && terms.Count == other.terms.Count &&
        terms.All(t => other.terms.TryGetValue(t.Key, out var q) && q.Equals(t.Value));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SurdSum s && Equals(s);

    /// <inheritdoc/>
    public override int GetHashCode() => terms.Count == 0 ? 0 : HashCode.Combine(terms.Count, terms.First().Key);

    /// <summary>Printable exact form, e.g. <c>8192/429·√13</c>, <c>22</c>, <c>4 + 3·√2</c>.</summary>
    public override string ToString()
    {
        if (terms.Count == 0) return "0";
        var sb = new StringBuilder();
        bool first = true;
        foreach (var (k, q) in terms)
        {
            var mag = Fraction.Abs(q);
            if (!first) sb.Append(q.IsNegative ? " - " : " + ");
            else if (q.IsNegative) sb.Append('-');
            first = false;
            string coef = mag.Denominator.IsOne ? mag.Numerator.ToString(CultureInfo.InvariantCulture)
                                                : $"{mag.Numerator}/{mag.Denominator}";
            if (k.IsOne) sb.Append(coef);
            else if (mag.Equals(Fraction.One)) sb.Append("√").Append(k);
            else sb.Append(coef).Append("·√").Append(k);
        }
        return sb.ToString();
    }
}
