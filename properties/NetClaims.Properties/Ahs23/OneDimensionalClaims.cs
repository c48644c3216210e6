using Hedgehog.Linq;
using NetClaims.Claims;
using NetClaims.Norms;
using NetClaims.Reports;
using NetClaims.Solvers;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Properties.Ahs23;

/// <summary>docs/ahs23.md §1.0 F2: one-dimensional minimum-norm interpolation, variants A and B, against an LP over a knot grid.</summary>
internal static class OneDimensionalClaims
{
    internal sealed record Data(double[] X, double[] Y)
    {
        public override string ToString() =>
            $"x=({string.Join(", ", X.Select(v => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)))}) y=({string.Join(", ", Y.Select(v => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)))})";
    }

    static readonly ClaimId Id = new("ahs23.s1-0.one-d-min-norm");

    static readonly Citation Source = new(Paper.Digest, "1-D minimum-norm interpolation; docs/ahs23.md §1.0 F2",
        "variant A formula [DER+NUM]; variant B formula [REC+NUM] (Savarese et al.); which variant each AHS theorem uses is [UNSURE]");

    // Sorted distinct x on a 0.1 grid (gaps 0.1…2.0); y either free on a 0.1 grid in [−3, 3], or a trend plus small noise —
    // the trending data are where variant B (which charges the outer slopes) differs from A, and coverage checks we see them.
    static Hedgehog.Gen<Data> Datasets =>
        from n in Gen.Int32(Range.Constant(3, 8))
        from gaps in Gen.Int32(Range.Constant(1, 20)).Array(Range.Singleton(n - 1))
        from ys in Gen.Int32(Range.Constant(0, -30, 30)).Array(Range.Singleton(n))
        from trend in Gen.Int32(Range.Constant(0, -20, 20))
        from kind in Gen.Int32(Range.Constant(0, 1))
        let x = Enumerable.Range(0, n).Select(i => gaps.Take(i).Sum() / 10.0).ToArray()
        select new Data(x, kind == 0
            ? ys.Select(v => v / 10.0).ToArray()
            : x.Select((xi, i) => Math.Round(trend / 10.0 * xi + ys[i] / 150.0, 6)).ToArray());

    // LP tolerance: GLOP's accuracy, with values of size ≤ ~100 here; 1e-6 relative plus 1e-7 absolute.
    static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-7 + 1e-6 * Math.Max(Math.Abs(a), Math.Abs(b));

    static CaseResult Check(Data d, CaseContext ctx, Func<double[], double[], double> formulaA)
    {
        double a = formulaA(d.X, d.Y), b = OneDimensional.MinVariationB(d.X, d.Y);
        double lpA = OneDimensional.Lp(d.X, d.Y, RNormVariant.FreeAffine, 200), lpB = OneDimensional.Lp(d.X, d.Y, RNormVariant.FreeConstant, 200);
        ctx.Label($"n={d.X.Length}").Classify(b > a + 1e-9, "B > A");
        if (new[] { a, b, lpA, lpB }.Any(double.IsNaN)) return CaseResult.Fail("NaN in a formula or an LP");
        // The linear spline must interpolate and cost exactly the variant-A value (it is the minimiser).
        var spline = OneDimensional.LinearSpline(d.X, d.Y);
        double splineCost = spline.Jumps.Sum(Math.Abs);
        double splineErr = d.X.Select((xi, i) => Math.Abs(OneDimensional.EvaluateSpline(spline, d.X[0], xi) - d.Y[i])).Max();
        bool ok = Close(a, lpA) && Close(b, lpB) && Close(splineCost, lpA) && splineErr <= 1e-9;
        return CaseResult.Of(ok, $"A: formula {a:G10}, LP {lpA:G10}, spline {splineCost:G10} (max error {splineErr:G2}); B: formula {b:G10}, LP {lpB:G10}");
    }

    public static Claim MinNorm { get; } = new(
        Id, Source,
        "For sorted data (x_i, y_i), min TV(f') over interpolants is Σ|s_i − s_{i−1}| with a free affine part (A; the linear spline interpolates and attains it) and max(TV_in, (TV_in + |s_1 + s_{n−1}|)/2) with a free constant only (B); both equal an LP over ReLUs on a 200-point knot grid (rel 1e-6).",
        EvidenceTier.Tolerance,
        s => Generated.ForAll(s.WithTests(60), Datasets, (x, ctx) => Check(x, ctx, OneDimensional.MinVariationA), new CheckOptions<Data> { Show = x => x.ToString(), Coverage = [new CoverageRequirement("B > A", 0.2)] }),
        _ => new ReportContent("the digest's worked examples", Examples()),
        new NegativeControl("min TV(f') = Σ_i |s_i|, the total variation of the secant slopes themselves.",
            s => Generated.ForAll(s.WithTests(60), Datasets, (x, ctx) => Check(x, ctx, (xs, ys) => OneDimensional.Slopes(xs, ys).Sum(Math.Abs)), new CheckOptions<Data> { Show = x => x.ToString() })));

    static ReportTable Examples()
    {
        var t = new ReportTable.Builder("examples").Column("data", CellRule.Text).Column("A_formula", CellRule.Rel(1e-12)).Column("A_lp", CellRule.Within(new Tolerance(1e-7, 1e-6)))
            .Column("B_formula", CellRule.Rel(1e-12)).Column("B_lp", CellRule.Within(new Tolerance(1e-7, 1e-6)));
        // docs/ahs23.md §1.0 F2 [DER+NUM]: y = x on {0,1,2}: A 0, B 1; x = 0..3, y = (0, 1, 2.5, 4): A 0.5, B 1.5; y = (−1)^i on 0..4: B 12.
        var cases = new (string Name, double[] X, double[] Y)[]
        {
            ("y=x on 0,1,2", [0, 1, 2], [0, 1, 2]),
            ("x=0..3, y=0,1,2.5,4", [0, 1, 2, 3], [0, 1, 2.5, 4]),
            ("y=(-1)^i on 0..4", [0, 1, 2, 3, 4], [1, -1, 1, -1, 1]),
        };
        foreach (var (name, x, y) in cases)
            t.Row(name, OneDimensional.MinVariationA(x, y), OneDimensional.Lp(x, y, RNormVariant.FreeAffine), OneDimensional.MinVariationB(x, y), OneDimensional.Lp(x, y, RNormVariant.FreeConstant));
        return t.Build();
    }
}
