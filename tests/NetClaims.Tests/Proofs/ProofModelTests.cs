using Hedgehog.Linq;
using NetClaims.Claims;
using NetClaims.Proofs;
using NetClaims.Reports;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Tests.Proofs;

/// <summary>
/// The proof model: composition rules, chains that do not prove their statement are rejected when built, a failing
/// step is named (and shrunk, and replayed), evidence weaker than a step's tier is an error, and a wrong step is
/// refuted at that step only. The toy proof is AM–GM for two numbers: (x + y)/2 ≥ √(xy) via (√x − √y)² ≥ 0.
/// </summary>
public sealed class ProofModelTests
{
    static readonly ClaimId Id = new("test.proof");

    static ClaimContext Context(ClaimRole role = ClaimRole.Check) => new(Id, role, RunSettings.Default);

    // (x + y)/2 = √(xy) + (√x − √y)²/2 ≥ √(xy) for x, y ≥ 0, computed in doubles with a 1e-12 relative tolerance.
    static ProofBuilder<(int X, int Y)> AmGm(Func<(int X, int Y), ProofValue>? gm = null) =>
        Proof.Of<(int X, int Y)>("AM–GM for two numbers", EvidenceTier.Tolerance, Tolerance.Relative(1e-12))
            .Chain("am-gm", "(x + y)/2", p => (p.X + p.Y) / 2.0)
                .Eq("√(xy) + (√x − √y)²/2", p => Math.Sqrt(p.X * (double)p.Y) + Math.Pow(Math.Sqrt(p.X) - Math.Sqrt(p.Y), 2) / 2, "algebra")
                .Ge("√(xy)", gm ?? (p => Math.Sqrt(p.X * (double)p.Y)), "a square is non-negative")
                .Proves("(x + y)/2", Relation.Ge, "√(xy)");

    static readonly Hedgehog.Gen<(int X, int Y)> Pairs =
        from x in Gen.Int32(Range.Constant(0, 100))
        from y in Gen.Int32(Range.Constant(0, 100))
        select (x, y);

    static ProofCases<(int X, int Y)> Cases => new() { Gen = Pairs, Show = p => $"x={p.X} y={p.Y}" };

    [Theory]
    [InlineData(Relation.Le, Relation.Eq, Relation.Le)]
    [InlineData(Relation.Le, Relation.Lt, Relation.Lt)]
    [InlineData(Relation.Eq, Relation.Eq, Relation.Eq)]
    [InlineData(Relation.Ge, Relation.Gt, Relation.Gt)]
    public void Relations_compose(Relation a, Relation b, Relation expected) => Assert.Equal(expected, Relations.Compose(a, b));

    [Fact]
    public void Le_and_ge_do_not_compose_and_le_does_not_imply_lt()
    {
        Assert.Null(Relations.Compose(Relation.Le, Relation.Ge));
        Assert.False(Relation.Le.Implies(Relation.Lt));
        Assert.True(Relation.Lt.Implies(Relation.Le));
        Assert.True(Relation.Eq.Implies(Relation.Ge));
    }

    [Fact]
    public void A_chain_that_does_not_prove_its_statement_is_rejected_when_built()
    {
        var mixed = Assert.Throws<ProofCompositionException>(() => Proof.Of<int>("mixed").Chain("c", "a", x => ProofValue.Exact(new Int(x)))
            .Le("b", x => ProofValue.Exact(new Int(x + 1)), "one").Ge("c", x => ProofValue.Exact(new Int(x)), "two").Proves("a", Relation.Le, "c"));
        Assert.Contains("mixes ≤ and ≥ at step 2", mixed.Message);
        var weak = Assert.Throws<ProofCompositionException>(() => Proof.Of<int>("weak").Chain("c", "a", x => ProofValue.Exact(new Int(x)))
            .Le("b", x => ProofValue.Exact(new Int(x + 1)), "one").Proves("a", Relation.Lt, "b"));
        Assert.Contains("does not imply the stated a < b", weak.Message);
        var end = Assert.Throws<ProofCompositionException>(() => Proof.Of<int>("end").Chain("c", "a", x => ProofValue.Exact(new Int(x)))
            .Le("b", x => ProofValue.Exact(new Int(x + 1)), "one").Proves("a", Relation.Le, "z"));
        Assert.Contains("ends at b, not at z", end.Message);
        Assert.Throws<ArgumentException>(() => Proof.Of<int>("t", EvidenceTier.Tolerance).Chain("c", "a", x => x).Le("b", x => x, "no tolerance"));
    }

    [Fact]
    public void A_true_proof_holds_and_reports_its_loosest_step()
    {
        var proof = AmGm().Build();
        Assert.IsType<CheckOutcome.Holds>(ProofClaim.Check(proof, Context(), Cases));
        var slack = ProofReport.Slack(proof, [(1, 1), (1, 4), (0, 9)], p => $"{p}");
        Assert.Equal(2, ProofReport.Loosest(slack)!.Step.Number);
        Assert.Equal("(1, 1)", slack[1].Tightest); // x = y: AM–GM is tight
        Assert.Equal(1.0, slack[1].Max, 12);      // x = 0: √(xy) = 0, relative slack 1
    }

    [Fact]
    public void A_failing_step_is_named_shrunk_and_replayed()
    {
        // A planted wrong bound: "(x + y)/2 ≥ √(xy) + 1" fails first at the smallest x = y.
        var proof = AmGm(p => Math.Sqrt(p.X * (double)p.Y) + 1).Build();
        var fails = Assert.IsType<CheckOutcome.Fails>(ProofClaim.Check(proof, Context(), Cases));
        Assert.Contains("step 2 fails", fails.Counterexample);
        Assert.Contains("a square is non-negative", fails.Counterexample);
        Assert.Contains("≥[2 FAILS]", fails.Counterexample);
        Assert.NotNull(fails.Replay);
        var again = ProofClaim.Check(proof, new ClaimContext(Id, ClaimRole.Check, RunSettings.Default.WithReplay(fails.Replay)), Cases);
        static string Core(string s) => s.Split(" (shrunk")[0].Split(" [replay")[0];
        Assert.Equal(Core(fails.Counterexample), Core(Assert.IsType<CheckOutcome.Fails>(again).Counterexample));
    }

    [Fact]
    public void A_wrong_step_is_refuted_at_that_step_and_a_misattributed_one_is_an_error()
    {
        var proof = AmGm().Build();
        var wrong = proof.WithWrongStep(2, "√(xy) + 1/2", p => Math.Sqrt(p.X * (double)p.Y) + 0.5, "AM–GM with a margin");
        var refuted = Assert.IsType<CheckOutcome.Fails>(ProofClaim.Refute(wrong, Context(ClaimRole.Negative), Cases));
        Assert.Contains("refuted at the corrupted step", refuted.Counterexample);
        // Corrupting step 1 with a value that breaks only step 2's comparison is not refuted at step 1.
        var elsewhere = proof.WithWrongStep(1, "(x + y)/2 − 1", p => (p.X + p.Y) / 2.0 - 1, "a wrong identity");
        Assert.IsNotType<CheckOutcome.Holds>(ProofClaim.Refute(elsewhere, Context(ClaimRole.Negative), Cases));
        // A harmless 'wrong' step (true) is not refuted: the control holds, which the gate reports as not refuted.
        var harmless = proof.WithWrongStep(2, "√(xy) − 1", p => Math.Sqrt(p.X * (double)p.Y) - 1, "a weaker bound");
        Assert.IsType<CheckOutcome.Holds>(ProofClaim.Refute(harmless, Context(ClaimRole.Negative), Cases));
    }

    [Fact]
    public void A_step_whose_tier_asks_for_more_evidence_than_its_values_carry_is_an_error()
    {
        var proof = Proof.Of<int>("exact").Chain("c", "a", x => (double)x).Le("b", x => ProofValue.Exact(new Int(x + 1)), "one").Proves("a", Relation.Le, "b").Build();
        Assert.IsType<CheckOutcome.Errored>(ProofClaim.Check(proof, Context(), new ProofCases<int> { List = _ => [1, 2, 3] }));
    }

    [Fact]
    public void A_proof_is_a_claim_with_a_report()
    {
        var claim = AmGm().Build().ToClaim(Id, new Citation("test", "AM–GM", "[DER]"), "AM–GM step by step", Cases,
            new ProofFamily<(int X, int Y)>(_ => [(1, 1), (1, 4), (2, 8)], p => p.X, "x"),
            new WrongStep<(int X, int Y)>(2, "√(xy) + 1/2", p => Math.Sqrt(p.X * (double)p.Y) + 0.5, "AM–GM with a margin"));
        Assert.Equal(EvidenceTier.Tolerance, claim.Tier);
        Assert.IsType<CheckOutcome.Holds>(claim.RunCheck(RunSettings.Default));
        Assert.IsType<CheckOutcome.Fails>(claim.RunNegativeControl(RunSettings.Default));
        var report = claim.BuildReport(RunSettings.Default);
        Assert.Equal(["chain", "slack", "slack-by-x"], report.Tables.Select(t => t.Name));
        Assert.Contains(report.Notes, n => n.StartsWith("loosest step: 2", StringComparison.Ordinal));
        Assert.Single(report.Plots);
    }

    sealed record Int(int Value) : IExactNumber
    {
        public int CompareTo(IExactNumber other) => Value.CompareTo(((Int)other).Value);
        public (double Lo, double Hi) Enclose() => (Value, Value);
        public double ToDouble() => Value;
    }
}
