using System.Numerics;
using Fractions;
using NetClaims.Claims;
using NetClaims.Cube;
using NetClaims.Exact;
using NetClaims.Norms;
using NetClaims.Reports;

namespace NetClaims.Properties.Ahs23;

/// <summary>
/// The stated limit d·ρ_d → 1/√(2π) (docs/ahs23.md §1.4), as a two-sided bound at every d. With c_n = C(2n, n)/4^n the
/// closed form gives d·ρ_d = √(m/2)·c_{m−1} (d = 2m) and √(2m + 1)·c_m/2 (d = 2m + 1). The Wallis-type bounds
/// 1/√(π(n + ½)) ≤ c_n ≤ 1/√(πn) hold for every n ≥ 1 because c_n²(n + ½) decreases and c_n²·n increases in n (their
/// ratios are (4n² − 1)/(4n²) and (2n − 1)²/(4n(n − 1)), checked exactly here) towards the common limit 1/π (Wallis,
/// [REC]). Hence, for every d ≥ 4, 1/√(2π) &lt; d·ρ_d ≤ B_d/√(2π) with B_d = √(m/(m − 1)) (d = 2m) or √((2m + 1)/(2m))
/// (d = 2m + 1), and B_d → 1. The bounds are certified at every d ≤ 10⁶ from the closed form, computed independently by
/// the recurrence c_n = c_{n−1}(2n − 1)/(2n) in interval arithmetic (outward rounding after every operation), whose
/// enclosures contain the exact surd values for d ≤ 62.
/// </summary>
internal static class RhoLimitClaims
{
    const int MaxD = 1_000_000;
    const int Block = 20_000;

    readonly record struct Interval(double Lo, double Hi)
    {
        public static Interval Exact(double x) => new(x, x);
        public static Interval operator *(Interval a, Interval b) => new(Math.BitDecrement(a.Lo * b.Lo), Math.BitIncrement(a.Hi * b.Hi)); // both positive
        public static Interval operator /(Interval a, Interval b) => new(Math.BitDecrement(a.Lo / b.Hi), Math.BitIncrement(a.Hi / b.Lo));
        public Interval Sqrt() => new(Math.BitDecrement(Math.Sqrt(Lo)), Math.BitIncrement(Math.Sqrt(Hi)));
    }

    // c_0 … c_{MaxD/2} by the recurrence, in interval arithmetic.
    static readonly Lazy<Interval[]> Central = new(() =>
    {
        var c = new Interval[MaxD / 2 + 2];
        c[0] = Interval.Exact(1);
        for (int n = 1; n < c.Length; n++) c[n] = c[n - 1] * Interval.Exact(2 * n - 1) / Interval.Exact(2 * n);
        return c;
    });

    // 1/√(2π): Math.PI is within one ulp of π.
    static readonly Interval InvSqrt2Pi = Interval.Exact(1) / (new Interval(Math.BitDecrement(2 * Math.PI), Math.BitIncrement(2 * Math.PI))).Sqrt();

    static Interval DRho(int d)
    {
        var c = Central.Value;
        int m = d / 2;
        return d % 2 == 0 ? Interval.Exact(m / 2.0).Sqrt() * c[m - 1] : Interval.Exact(2 * m + 1).Sqrt() * c[m] / Interval.Exact(2);
    }

    static Interval UpperFactor(int d)
    {
        int m = d / 2;
        return d % 2 == 0 ? (Interval.Exact(m) / Interval.Exact(m - 1)).Sqrt() : (Interval.Exact(2 * m + 1) / Interval.Exact(2 * m)).Sqrt();
    }

    sealed record Range(int From, int To)
    {
        public override string ToString() => $"d = {From}…{To}";
    }

    static IReadOnlyList<Range> Blocks =>
        [.. Enumerable.Range(0, (MaxD - 4) / Block + 1).Select(i => new Range(4 + i * Block, Math.Min(MaxD, 4 + (i + 1) * Block - 1)))];

    static CaseResult Sandwich(Range r, Func<int, Interval, CaseResult?> judge)
    {
        for (int d = r.From; d <= r.To; d++)
            if (judge(d, DRho(d)) is { } fail) return fail;
        return CaseResult.Pass($"{r}: certified");
    }

    // For every d in the block: 1/√(2π) < d·ρ_d < B_d/√(2π), each side decided by separated enclosures.
    static CaseResult? Bounds(int d, Interval x)
    {
        var upper = InvSqrt2Pi * UpperFactor(d);
        if (!(x.Lo > InvSqrt2Pi.Hi)) return CaseResult.Fail($"d = {d}: d·ρ_d ∈ [{x.Lo:G17}, {x.Hi:G17}] is not certified above 1/√(2π) ≤ {InvSqrt2Pi.Hi:G17}");
        if (!(x.Hi < upper.Lo)) return CaseResult.Fail($"d = {d}: d·ρ_d ∈ [{x.Lo:G17}, {x.Hi:G17}] is not certified below B_d/√(2π) ≥ {upper.Lo:G17}");
        return null;
    }

    // The recurrence against the exact closed form (d ≤ 62, the dimensions the exact library takes).
    static CaseResult Exactness(int d, CaseContext _)
    {
        var exact = new Fraction(d) * NeuronCorrelation.Rho(new Dimension(d));
        var (lo, hi) = SurdOrder.Enclose(exact, 80);
        var x = DRho(d);
        // The exact value's rational enclosure (2^−80 wide), rounded to nearest, must lie inside the recurrence's enclosure.
        if (!(x.Lo <= lo.ToDouble() && hi.ToDouble() <= x.Hi))
            return CaseResult.Fail($"d = {d}: the recurrence's enclosure [{x.Lo:G17}, {x.Hi:G17}] misses the exact d·ρ_d = {exact} ≈ {exact.ToDouble():G17}");
        return CaseResult.Pass($"d = {d}: the enclosure contains the exact value");
    }

    // The two monotonicity ratios, exactly from the binomials (n ≤ 300).
    static CaseResult Ratios(int n, CaseContext _)
    {
        Fraction C(int k) => new(IntegerMath.Binomial(2 * k, k), BigInteger.Pow(4, k));
        Fraction c = C(n), prev = C(n - 1);
        var half = c * c * (n + new Fraction(1, 2)) / (prev * prev * (n - new Fraction(1, 2)));
        if (half != new Fraction(4L * n * n - 1, 4L * n * n)) return CaseResult.Fail($"n = {n}: c_n²(n + ½)/c_(n−1)²(n − ½) = {half}, not (4n² − 1)/(4n²)");
        if (n >= 2)
        {
            var whole = c * c * n / (prev * prev * (n - 1));
            if (whole != new Fraction((2L * n - 1) * (2L * n - 1), 4L * n * (n - 1))) return CaseResult.Fail($"n = {n}: c_n²·n/c_(n−1)²(n − 1) = {whole}, not (2n − 1)²/(4n(n − 1))");
        }
        return CaseResult.Pass($"n = {n}: both ratios exact");
    }

    static readonly ClaimId Id = new("ahs23.s1-4.rho-limit");

    public static Claim Limit { get; } = new(
        Id,
        new Citation(Paper.Digest, "§1.4: the limit d·ρ_d → 1/√(2π)", "limit [DER+NUM]; Wallis's product [REC]"),
        "For every d ≥ 4, 1/√(2π) < d·ρ_d ≤ B_d/√(2π) with B_d = √(m/(m − 1)) (d = 2m) or √((2m + 1)/(2m)) (d = 2m + 1), so d·ρ_d → 1/√(2π): certified at every d ≤ 10⁶ (interval recurrence for the central binomials, its enclosures checked against the exact surds for d ≤ 62), and for all d by the monotonicity of c_n²(n + ½) and c_n²n, whose ratios are checked exactly for n ≤ 300.",
        EvidenceTier.Certified,
        s =>
        {
            var exact = Generated.ForEach(s, [.. Enumerable.Range(4, 59)], Exactness, new CheckOptions<int> { Show = d => $"d = {d}" });
            if (exact is not CheckOutcome.Holds) return exact;
            var ratios = Generated.ForEach(s, [.. Enumerable.Range(1, 300)], Ratios, new CheckOptions<int> { Show = n => $"n = {n}" });
            if (ratios is not CheckOutcome.Holds) return ratios;
            return Generated.ForEach(s, Blocks, (r, _) => Sandwich(r, Bounds), new CheckOptions<Range> { Show = r => r.ToString() });
        },
        _ => new ReportContent("d·ρ_d and its sandwich", Table())
            .WithNotes("lower = 1/√(2π) = 0.398942280401; upper = B_d/√(2π); (d·ρ_d − 1/√(2π))·d tends to 1/(4√(2π)) ≈ 0.0997 for odd d and 3/(4√(2π)) ≈ 0.299 for even d (from the next term of Wallis's product) — an observation, not part of the check.",
                "the interval enclosures are 2^(−52)·O(n) wide: every bound is still decided with a margin of several orders of magnitude at d = 10⁶."),
        new NegativeControl("For odd d the limit is approached from below: d·ρ_d ≤ 1/√(2π) for every odd d ≥ 5.",
            s => Generated.ForEach(s, Blocks, (r, _) => Sandwich(r, (d, x) =>
                d % 2 == 1 && !(x.Lo > InvSqrt2Pi.Hi) ? null
                : d % 2 == 1 ? CaseResult.Fail($"d = {d}: d·ρ_d ≥ {x.Lo:G17} > 1/√(2π) (certified)") : null), new CheckOptions<Range> { Show = r => r.ToString() })));

    static ReportTable Table()
    {
        var t = new ReportTable.Builder("limit").Column("d", CellRule.Exact).Column("d_rho", CellRule.Rel(1e-9)).Column("upper", CellRule.Rel(1e-9))
            .Column("excess_times_d", CellRule.Rel(1e-6));
        foreach (var d in new[] { 4, 5, 10, 11, 100, 101, 1000, 1001, 10_000, 10_001, 100_000, 100_001, 999_999, 1_000_000 })
        {
            var x = DRho(d);
            double mid = (x.Lo + x.Hi) / 2, inv = (InvSqrt2Pi.Lo + InvSqrt2Pi.Hi) / 2, up = inv * (UpperFactor(d).Lo + UpperFactor(d).Hi) / 2;
            t.Row(d, mid, up, (mid - inv) * d);
        }
        return t.Build();
    }
}
