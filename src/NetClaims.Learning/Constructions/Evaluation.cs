using NetClaims.Claims;
using NetClaims.Cube;
using NetClaims.Exact;
using NetClaims.Networks;
using NetClaims.Norms;

namespace NetClaims.Constructions;

/// <summary>What evaluating a construction at one d measured (all computed from the network's own weights).</summary>
public sealed record Evaluation(string Construction, int D, int Width, SurdSum Cost, CubeCheck? Check)
{
    /// <summary>The exact cost as the nearest double.</summary>
    public double CostDouble => Cost.ToDouble();
}

/// <summary>
/// Builds and measures constructions, memoised per (variant, d) in the run's cache when one is given (the generated
/// check, the grid report and the ordering claims of one run all ask for the same networks, each a pure function of
/// d); nothing outlives the run, and a computation that throws or is cancelled is not kept.
/// </summary>
public static class Evaluations
{
    /// <summary>Cost and the exhaustive interpolation check of χ.</summary>
    /// <param name="stopAtFirstMismatch">For false variants: stop the scan at the first mismatch (memoised separately).</param>
    public static Evaluation Exhaustive(RunCache? cache, string key, Dimension d, Func<Dimension, TwoLayerRelu> build, bool stopAtFirstMismatch = false) =>
        RunCache.Memo(cache, FullKey(stopAtFirstMismatch ? key + "#first-mismatch" : key, d), () =>
        {
            var net = build(d);
            var check = new CubeEvaluator(net).Check(Parity.Full(d), stopAtFirstMismatch);
            return new Evaluation(key, d.Value, net.Width, NetworkCost.Exact(net), check);
        });

    /// <summary>Cost only (no cube enumeration): for grids that go beyond exhaustive sizes.</summary>
    public static Evaluation Cost(RunCache? cache, string key, Dimension d, Func<Dimension, TwoLayerRelu> build) =>
        MemoisedCost(cache, key, d, () =>
        {
            var net = build(d);
            return new Evaluation(key, d.Value, net.Width, NetworkCost.Exact(net), null);
        });

    static (string, string, int) FullKey(string key, Dimension d) => ("evaluation.full", key, d.Value);

    // A finished exhaustive evaluation already holds the cost; otherwise the cost alone is computed once per (key, d).
    static Evaluation MemoisedCost(RunCache? cache, string key, Dimension d, Func<Evaluation> compute) =>
        cache is not null && cache.TryGet<Evaluation>(FullKey(key, d), out var done)
            ? done
            : RunCache.Memo(cache, ("evaluation.cost", key, d.Value), compute);

    /// <summary>
    /// Up to this d the exhaustive check runs the direct evaluator (neuron by neuron); above it a construction with a
    /// compact form is checked by Walsh–Hadamard transforms. Both paths are exact; a property test holds them equal.
    /// </summary>
    public const int DirectMaxD = 14;

    /// <summary>Builds the construction at d, sums its exact cost and checks it on every vertex (memoised in the run's cache).</summary>
    public static Evaluation Exhaustive(RunCache? cache, Construction c, Dimension d) =>
        c.Compact is { } compact && d.Value > DirectMaxD
            ? RunCache.Memo(cache, FullKey(c.Name, d), () =>
            {
                var net = compact(d);
                return new Evaluation(c.Name, d.Value, checked((int)net.Width), net.Cost(), SignUnitEvaluator.Check(net, Parity.Full(d)));
            })
            : Exhaustive(cache, c.Name, d, c.Build);

    /// <summary>Builds the construction at d and sums its exact cost, without the vertex check (memoised in the run's cache).</summary>
    public static Evaluation Cost(RunCache? cache, Construction c, Dimension d) =>
        c.Compact is { } compact && d.Value > DirectMaxD
            ? MemoisedCost(cache, c.Name, d, () =>
            {
                var net = compact(d);
                return new Evaluation(c.Name, d.Value, checked((int)net.Width), net.Cost(), null);
            })
            : Cost(cache, c.Name, d, c.Build);
}
