using Fractions;
using NetClaims.Exact;
using NetClaims.Proofs;

namespace NetClaims.Properties.Proofs;

/// <summary>Sums of surds (and rationals) as exact proof values: compared with <see cref="SurdOrder"/>, enclosed rigorously.</summary>
internal sealed record ExactSurd(SurdSum Value) : IExactNumber
{
    public int CompareTo(IExactNumber other) =>
        other is ExactSurd s ? SurdOrder.Compare(Value, s.Value) : throw new ArgumentException($"cannot compare a surd with {other.GetType().Name}");

    // Rational bounds 2^-60 apart, each rounded outward by one ulp after the conversion to double.
    public (double Lo, double Hi) Enclose()
    {
        var (lo, hi) = SurdOrder.Enclose(Value, 60);
        return (Math.BitDecrement(lo.ToDouble()), Math.BitIncrement(hi.ToDouble()));
    }

    public double ToDouble() => Value.ToDouble();

    public override string ToString() => Value.ToString();
}

/// <summary>Helpers for proofs over exact quantities.</summary>
internal static class ExactTerms
{
    public static ProofValue Of(SurdSum s) => ProofValue.Exact(new ExactSurd(s));

    public static ProofValue Of(Fraction q) => Of(SurdSum.Rational(q));

    /// <summary>√q for a non-negative rational q = p/r: √(p·r)/r.</summary>
    public static SurdSum Sqrt(Fraction q)
    {
        if (q.IsNegative) throw new ArgumentOutOfRangeException(nameof(q), "square root of a negative number");
        return q.IsZero ? SurdSum.Zero : SurdSum.Of(new Fraction(1, q.Denominator), q.Numerator * q.Denominator);
    }

    /// <summary>1/s for a single-term surd s = c·√n (such as ρ_d): √n/(c·n).</summary>
    public static SurdSum Inverse(SurdSum s)
    {
        if (s.Terms.Count != 1) throw new ArgumentException("only a single-term surd is inverted here", nameof(s));
        var (n, c) = s.Terms.Single();
        return SurdSum.Of(Fraction.One / (c * new Fraction(n)), n);
    }
}
