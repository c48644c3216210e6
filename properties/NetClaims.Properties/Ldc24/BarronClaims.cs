using Hedgehog.Linq;
using NetClaims.Claims;
using NetClaims.LinearLayers;
using NetClaims.Reports;
using NetClaims.Solvers;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Properties.Ldc24;

/// <summary>
/// The Barron norm on data and Maurey's converse (docs/ldc24.md §4): for a net f_θ(x) = (1/m)Σ a_kσ(⟨w_k, x̃⟩) and n
/// input points, the Barron norm of its values — an LP over all unit-ℓ1 neurons, solved by column generation with exact
/// pricing (d ≤ 3) and certified by its dual — is at most ‖θ‖_P; and sampling m neurons from the optimal representation
/// gives a width-m net with path norm ‖f‖_B (≤ 2‖f‖_B) and squared error on the data ≤ 3‖f‖_B²/m for the best of ten
/// draws (E error = V/m with V ≤ ‖f‖_B², Markov), the error falling like 1/m.
/// </summary>
internal static class BarronClaims
{
    internal sealed class BarronCase
    {
        public BarronCase(int d, int n, int width, int seed)
        {
            (D, N, Width, Seed) = (d, n, width, seed);
            var rng = new Random(seed);
            X = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => 2 * rng.NextDouble() - 1).ToArray()).ToArray();
            Wn = Enumerable.Range(0, width).Select(_ => Enumerable.Range(0, d + 1).Select(_ => BalancedFactorization.Gaussian(rng)).ToArray()).ToArray();
            An = Enumerable.Range(0, width).Select(_ => BalancedFactorization.Gaussian(rng)).ToArray();
            F = X.Select(p => Wn.Select((w, k) => An[k] * BarronNorm.Relu(w, p)).Sum() / width).ToArray();
            PathNormL1 = Wn.Select((w, k) => Math.Abs(An[k]) * w.Sum(Math.Abs)).Sum() / width;
            PathNormL2 = Wn.Select((w, k) => Math.Abs(An[k]) * Math.Sqrt(w.Sum(v => v * v))).Sum() / width;
            barron = new(() => BarronNorm.OnData(X, F));
        }

        readonly Lazy<BarronResult> barron;

        public int D { get; }
        public int N { get; }
        public int Width { get; }
        public int Seed { get; }
        public double[][] X { get; }
        public double[][] Wn { get; }
        public double[] An { get; }
        public double[] F { get; }
        public double PathNormL1 { get; }
        public double PathNormL2 { get; }
        public BarronResult Barron => barron.Value;

        public double Error(double[][] w, double[] a) =>
            X.Select((p, i) => { double g = w.Select((wk, k) => a[k] * BarronNorm.Relu(wk, p)).Sum(); return (F[i] - g) * (F[i] - g); }).Average();

        public override string ToString() => $"d={D} n={N} width={Width} seed={Seed}";
    }

    static Hedgehog.Gen<BarronCase> Cases =>
        from d in Gen.Int32(Range.Constant(1, 3))
        from n in Gen.Int32(Range.Constant(6, 24))
        from width in Gen.Int32(Range.Constant(1, 6))
        from seed in Gen.Int32(Range.Constant(0, 1_000_000))
        select new BarronCase(d, n, width, seed);

    static readonly Citation Source = new(Paper.Ldc, "the Barron norm and the path norm; Maurey's width-m approximation; docs/ldc24.md §4",
        "sandwich and Maurey constants [REC]; the LP on data with exact pricing [DER]");

    // LP tolerance: GLOP's primal/dual feasibility ~1e-9 relative; the comparisons allow 1e-6·(1 + scale).
    static bool Le(double a, double b, double scale) => a <= b + 1e-6 * (1 + scale);

    static CaseResult Sandwich(BarronCase c, CaseContext ctx, Func<BarronCase, double> pathNorm, string name)
    {
        var r = c.Barron;
        if (r.Status != "OPTIMAL") return CaseResult.Fail($"LP status {r.Status}");
        ctx.Classify(r.Norm < 0.99 * c.PathNormL1, "data norm below the path norm");
        if (!Le(r.Norm, r.LowerBound, r.Norm)) return CaseResult.Fail($"not certified: LP value {r.Norm:G8} but dual bound {r.LowerBound:G8} (violation {r.MaxDualViolation:G3})");
        double fit = c.X.Select((p, i) => Math.Abs(r.Evaluate(p) - c.F[i])).Max();
        if (fit > 1e-6 * (1 + c.F.Max(Math.Abs))) return CaseResult.Fail($"the optimal representation misses f by {fit:G3}");
        double p = pathNorm(c);
        ctx.Measure("barron/path", r.Norm / p);
        return CaseResult.Of(Le(r.Norm, p, p), $"‖f‖_B on data = {r.Norm:G8} (dual bound {r.LowerBound:G8}), {name} = {p:G8}");
    }

    public static Claim Sandwiched { get; } = new(
        new ClaimId("ldc24.s4.barron-sandwich"), Source,
        "For generated nets f_θ = (1/m)Σa_kσ(⟨w_k, x̃⟩) (d = 1…3, width 1…6, Gaussian weights) and n = 6…24 points in [−1, 1]^d, the Barron norm of f's values — an LP over every unit-ℓ1 neuron, solved by column generation with exact pricing, its optimum certified by the dual within 1e-6 and its representation reproducing f within 1e-6 — is at most ‖θ‖_P = (1/m)Σ|a_k|‖w_k‖₁.",
        EvidenceTier.Tolerance,
        s => Generated.ForAll(s.WithTests(Math.Min(s.Tests, 60)), Cases, (c, ctx) => Sandwich(c, ctx, x => x.PathNormL1, "‖θ‖_P"),
            new CheckOptions<BarronCase> { Show = c => c.ToString(), Coverage = [new CoverageRequirement("data norm below the path norm", 0.2)] }),
        _ => new ReportContent("the Barron norm on data against the path norm", SandwichTable())
            .WithNotes("norm: the LP value; lower: its dual certificate; path: ‖θ‖_P of the generating net; path_l2: the same with ‖w_k‖₂. On finite data the norm is often well below the net's own path norm: other representations fit the same values."),
        new NegativeControl("The sandwich holds with ℓ2 weight norms: ‖f‖_B ≤ (1/m)Σ|a_k|·‖w_k‖₂.",
            s => Generated.ForAll(s.WithTests(Math.Min(s.Tests, 60)), Cases, (c, ctx) => Sandwich(c, ctx, x => x.PathNormL2, "(1/m)Σ|a_k|‖w_k‖₂"),
                new CheckOptions<BarronCase> { Show = c => c.ToString() })));

    static ReportTable SandwichTable()
    {
        var t = new ReportTable.Builder("sandwich").Column("case", CellRule.Text).Column("norm", CellRule.Rel(1e-6)).Column("lower", CellRule.Rel(1e-6))
            .Column("path", CellRule.Rel(1e-9)).Column("path_l2", CellRule.Rel(1e-9)).Column("neurons", CellRule.Exact);
        foreach (var (d, n, w) in new[] { (1, 12, 3), (2, 16, 4), (3, 20, 5) })
        {
            var c = new BarronCase(d, n, w, 1);
            t.Row(c.ToString(), c.Barron.Norm, c.Barron.LowerBound, c.PathNormL1, c.PathNormL2, c.Barron.C.Length);
        }
        return t.Build();
    }

    static readonly int[] Widths = [4, 8, 16, 32, 64, 128, 256, 512];
    const int Draws = 10;

    static CaseResult Maurey(BarronCase c, CaseContext ctx, Func<double, int, double> bound, string name)
    {
        var r = c.Barron;
        if (r.Status != "OPTIMAL") return CaseResult.Fail($"LP status {r.Status}");
        double b = r.Norm;
        foreach (var m in Widths)
        {
            double best = double.PositiveInfinity;
            for (int k = 0; k < Draws; k++)
            {
                var (w, a) = MaureySampling.Sample(r, m, c.Seed * 31 + m * 7 + k);
                double path = w.Select((wk, j) => Math.Abs(a[j]) * wk.Sum(Math.Abs)).Sum();
                if (path > 2 * b * (1 + 1e-12) + 1e-12) return CaseResult.Fail($"m = {m}: sampled path norm {path:G8} > 2‖f‖_B = {2 * b:G8}");
                best = Math.Min(best, c.Error(w, a));
            }
            if (best > bound(b, m) + 1e-12) return CaseResult.Fail($"m = {m}: best of {Draws} draws has squared error {best:G6} > {name} = {bound(b, m):G6} (‖f‖_B = {b:G6})");
        }
        return CaseResult.Pass($"‖f‖_B = {b:G6}: every m ≤ {Widths[^1]} within {name}");
    }

    public static Claim MaureyRate { get; } = new(
        new ClaimId("ldc24.s4.maurey"), Source,
        "From the optimal Barron representation of a generated net's values (as in ldc24.s4.barron-sandwich), m neurons drawn with probability ∝ |c_j| give, for every m ∈ {4, 8, …, 512}, a width-m net with path norm ≤ 2‖f‖_B (it is exactly ‖f‖_B) whose squared error on the data is ≤ 3‖f‖_B²/m for the best of ten draws (E error = V/m ≤ ‖f‖_B²/m, so a draw above 3‖f‖_B²/m has probability ≤ 1/3: all ten above, ≤ 3^−10 per m).",
        EvidenceTier.Tolerance,
        s => Generated.ForAll(s.WithTests(Math.Min(s.Tests, 30)), Cases, (c, ctx) => Maurey(c, ctx, (b, m) => 3 * b * b / m, "3‖f‖_B²/m"), new CheckOptions<BarronCase> { Show = c => c.ToString() }),
        _ => new ReportContent("Maurey sampling: squared error against width", MaureyTable(), [])
            .WithNotes("mean over 200 draws; theory = V/m with V the exact variance of one draw on the data; the fitted log-log slope of mean error against m is in the second table.")
            .WithPlot(new PlotSpec("maurey", "squared error on the data against width m (log-log): mean of 200 draws and V/m", "maurey", "m", ["mean_error", "theory"], LogLog: true)),
        new NegativeControl("Maurey sampling converges like 1/m²: the best of ten draws has squared error ≤ 3‖f‖_B²/m².",
            s => Generated.ForAll(s.WithTests(Math.Min(s.Tests, 30)), Cases, (c, ctx) => Maurey(c, ctx, (b, m) => 3 * b * b / ((double)m * m), "3‖f‖_B²/m²"), new CheckOptions<BarronCase> { Show = c => c.ToString() })));

    static ReportTable[] MaureyTable()
    {
        var c = new BarronCase(2, 16, 4, 1);
        var r = c.Barron;
        double v = MaureySampling.Variance(r, c.X);
        var t = new ReportTable.Builder("maurey").Column("m", CellRule.Exact).Column("mean_error", CellRule.Rel(1e-9)).Column("theory", CellRule.Rel(1e-9)).Column("bound", CellRule.Rel(1e-9));
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var m in Widths)
        {
            double mean = Enumerable.Range(0, 200).Select(k => { var (w, a) = MaureySampling.Sample(r, m, 1000 + k); return c.Error(w, a); }).Average();
            t.Row(m, mean, v / m, 3 * r.Norm * r.Norm / m);
            xs.Add(m);
            ys.Add(mean);
        }
        var fit = NetClaims.Statistics.ExponentFits.LogLog(xs, ys);
        var s = new ReportTable.Builder("slope").Column("quantity", CellRule.Text).Column("value", CellRule.Rel(1e-6))
            .Row("fitted slope", fit.Estimate).Row("interval_lo", fit.Lo).Row("interval_hi", fit.Hi).Row("norm", r.Norm).Row("variance", v);
        return [t.Build(), s.Build()];
    }
}
