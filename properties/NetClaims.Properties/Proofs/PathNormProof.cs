using Fractions;
using Hedgehog.Linq;
using NetClaims.Claims;
using NetClaims.Exact;
using NetClaims.Networks;
using NetClaims.Norms;
using NetClaims.Proofs;
using NetClaims.Reports;
using static NetClaims.Properties.Proofs.ExactTerms;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Properties.Proofs;

/// <summary>
/// The path-norm bound |f(x)| ≤ ‖θ‖_P·‖x̃‖_∞ (x̃ = (x, 1)) for f = Σ a_k σ(⟨w_k, x⟩ + b_k), step by step, exactly
/// (integer weights, rational outputs and inputs): triangle inequality, σ(z) ≤ |z|, Hölder ℓ1–ℓ∞, and the definition
/// of the path norm (compared with the library's floating-point path norm within 1e-12 relative).
/// </summary>
internal static class PathNormProof
{
    internal sealed record PathCase(int D, int[][] W, int[] B, Fraction[] A, Fraction[] X)
    {
        public Fraction Pre(int k) => Enumerable.Range(0, D).Aggregate(new Fraction(B[k]), (s, i) => s + W[k][i] * X[i]);

        public Fraction InfNorm => X.Select(x => x.Abs()).Append(Fraction.One).Max();

        public int Width => A.Length;

        public override string ToString() =>
            $"d={D} width={Width} W=[{string.Join("; ", W.Select(w => string.Join(",", w)))}] b=[{string.Join(",", B)}] a=[{string.Join(",", A)}] x=[{string.Join(",", X)}]";
    }

    // d and width ≤ 5 (≤ 10 under the deep profile).
    static Hedgehog.Gen<PathCase> Cases(bool deep) =>
        from d in Gen.Int32(Range.Constant(1, deep ? 10 : 5))
        from width in Gen.Int32(Range.Constant(1, deep ? 10 : 5))
        from ws in Gen.Int32(Range.Constant(0, -3, 3)).Array(Range.Singleton(100))
        from bs in Gen.Int32(Range.Constant(0, -4, 4)).Array(Range.Singleton(10))
        from a in Gen.Int32(Range.Constant(0, -6, 6)).Array(Range.Singleton(10))
        from x in Gen.Int32(Range.Constant(0, -8, 8)).Array(Range.Singleton(10))
        select Make(d, width, ws, bs, a, x);

    static PathCase Make(int d, int width, int[] ws, int[] bs, int[] a, int[] x) => new(d,
        Enumerable.Range(0, width).Select(k => ws.Skip(10 * k).Take(d).ToArray()).ToArray(), bs.Take(width).ToArray(),
        a.Take(width).Select(v => new Fraction(v, 2)).ToArray(), x.Take(d).Select(v => new Fraction(v, 4)).ToArray());

    static Fraction Relu(Fraction z) => z.IsNegative ? Fraction.Zero : z;

    static Fraction Sum(PathCase c, Func<int, Fraction> term) => Enumerable.Range(0, c.Width).Aggregate(Fraction.Zero, (s, k) => s + term(k));

    static Fraction L1(PathCase c, int k) => c.W[k].Sum(v => Math.Abs(v)) + Math.Abs(c.B[k]);

    internal static Proof<PathCase> Build() =>
        Proof.Of<PathCase>("the path-norm bound |f(x)| ≤ ‖θ‖_P·‖x̃‖_∞")
            .Chain("path bound", "|f(x)|", c => Of(Sum(c, k => c.A[k] * Relu(c.Pre(k))).Abs()))
                .Le("Σ|a_k|·σ(z_k)", c => Of(Sum(c, k => c.A[k].Abs() * Relu(c.Pre(k)))), "triangle inequality, σ ≥ 0", "[P]")
                .Le("Σ|a_k|·|z_k|", c => Of(Sum(c, k => c.A[k].Abs() * c.Pre(k).Abs())), "σ(z) ≤ |z|", "[P]")
                .Le("Σ|a_k|·‖(w_k,b_k)‖₁·‖x̃‖_∞", c => Of(Sum(c, k => c.A[k].Abs() * L1(c, k)) * c.InfNorm), "Hölder: |⟨(w,b),(x,1)⟩| ≤ ‖(w,b)‖₁‖(x,1)‖_∞", "[SRC:paper]")
                .Eq("‖θ‖_P·‖x̃‖_∞", c => ProofValue.Approx(PathNorm.L1(Dense(c)) * c.InfNorm.ToDouble()), "definition of the path norm (the library's, in floating point)", "[SRC:paper]",
                    EvidenceTier.Tolerance, Tolerance.Relative(1e-12))
                .Proves("|f(x)|", Relation.Le, "‖θ‖_P·‖x̃‖_∞")
            .Build();

    static DenseTwoLayerRelu Dense(PathCase c) =>
        new(c.W.Select(w => w.Select(v => (double)v).ToArray()).ToArray(), c.B.Select(v => (double)v).ToArray(), c.A.Select(v => v.ToDouble()).ToArray());

    // Report family: seeded random nets at d = 1…6 with the input at a corner of the box (near-tight Hölder).
    static IReadOnlyList<PathCase> Family(ClaimContext _)
    {
        var rng = new Random(7);
        var list = new List<PathCase>();
        for (int d = 1; d <= 6; d++)
            for (int rep = 0; rep < 4; rep++)
            {
                int width = 1 + rng.Next(4);
                var w = Enumerable.Range(0, width).Select(_ => Enumerable.Range(0, d).Select(_ => rng.Next(-3, 4)).ToArray()).ToArray();
                var corner = Enumerable.Range(0, d).Select(i => new Fraction(rep == 0 ? (w[0][i] >= 0 ? 2 : -2) : rng.Next(-8, 9), rep == 0 ? 1 : 4)).ToArray();
                list.Add(new PathCase(d, w, Enumerable.Range(0, width).Select(_ => rng.Next(-4, 5)).ToArray(),
                    Enumerable.Range(0, width).Select(_ => new Fraction(rng.Next(1, 7), 2)).ToArray(), corner));
            }
        return list;
    }

    public static Claim Claim { get; } = Build().ToClaim(
        new ClaimId("ldc24.proof.path-bound"),
        new Citation(Ldc24.Paper.Ldc, "the path norm bounds the network on the input box (used for the covering and Rademacher bounds)", "[SRC:paper]; the step-by-step form [DER]"),
        "The path-norm bound step by step, exactly, on generated two-layer nets (1 ≤ d ≤ 5 and width ≤ 5, to 10 under the deep profile; integer weights, inputs in [−2, 2]^d): |f(x)| ≤ Σ|a_k|σ(z_k) ≤ Σ|a_k||z_k| ≤ Σ|a_k|‖(w_k,b_k)‖₁‖x̃‖_∞ = ‖θ‖_P‖x̃‖_∞.",
        new ProofCases<PathCase> { GenFor = ctx => Cases(ctx.Profile.Deep), Show = c => c.ToString() },
        new ProofFamily<PathCase>(Family, c => c.D, "d"),
        new WrongStep<PathCase>(3, "Σ|a_k|·‖(w_k,b_k)‖₂·‖x̃‖_∞", c => Of(Enumerable.Range(0, c.Width).Aggregate(SurdSum.Zero,
                (s, k) => s + (c.W[k].Sum(v => v * v) + c.B[k] * c.B[k] is var n && n > 0 ? SurdSum.Of(c.A[k].Abs(), n) : SurdSum.Zero))
                * SurdSum.Rational(c.InfNorm)),
            "Cauchy–Schwarz with the ℓ2 norm of (w_k, b_k) against ‖x̃‖_∞"));
}
