using System.Collections.Concurrent;
using NetClaims.Cube;
using NetClaims.Exact;
using NetClaims.Networks;
using NetClaims.Norms;

namespace NetClaims.Constructions;

/// <summary>What evaluating a construction at one d measured (all computed from the network's own weights).</summary>
public sealed record Evaluation(string Construction, int D, int Width, SurdSum Cost, CubeCheck? Check)
{
    public double CostDouble => Cost.ToDouble();
}

/// <summary>
/// Builds and measures constructions, memoised per (variant, d) for the life of the process: the generated check,
/// the grid report and the ordering claims all ask for the same networks, and each is a pure function of d.
/// </summary>
public static class Evaluations
{
    static readonly ConcurrentDictionary<(string, int), Lazy<Evaluation>> Full = new();
    static readonly ConcurrentDictionary<(string, int), Lazy<Evaluation>> CostOnly = new();

    /// <summary>Cost and the exhaustive interpolation check of χ.</summary>
    /// <param name="stopAtFirstMismatch">For false variants: stop the scan at the first mismatch (memoised separately).</param>
    public static Evaluation Exhaustive(string key, Dimension d, Func<Dimension, TwoLayerRelu> build, bool stopAtFirstMismatch = false) =>
        Full.GetOrAdd((stopAtFirstMismatch ? key + "#first-mismatch" : key, d.Value), _ => new Lazy<Evaluation>(() =>
        {
            var net = build(d);
            var check = new CubeEvaluator(net).Check(Parity.Full(d), stopAtFirstMismatch);
            return new Evaluation(key, d.Value, net.Width, NetworkCost.Exact(net), check);
        })).Value;

    /// <summary>Cost only (no cube enumeration): for grids that go beyond exhaustive sizes.</summary>
    public static Evaluation Cost(string key, Dimension d, Func<Dimension, TwoLayerRelu> build) =>
        MemoisedCost(key, d, () =>
        {
            var net = build(d);
            return new Evaluation(key, d.Value, net.Width, NetworkCost.Exact(net), null);
        });

    // A finished exhaustive evaluation already holds the cost; otherwise the cost alone is computed once per (key, d).
    static Evaluation MemoisedCost(string key, Dimension d, Func<Evaluation> compute) =>
        Full.TryGetValue((key, d.Value), out var done) && done.IsValueCreated
            ? done.Value
            : CostOnly.GetOrAdd((key, d.Value), _ => new Lazy<Evaluation>(compute)).Value;

    /// <summary>
    /// Up to this d the exhaustive check runs the direct evaluator (neuron by neuron); above it a construction with a
    /// compact form is checked by Walsh–Hadamard transforms. Both paths are exact; a property test holds them equal.
    /// </summary>
    public const int DirectMaxD = 14;

    public static Evaluation Exhaustive(Construction c, Dimension d) =>
        c.Compact is { } compact && d.Value > DirectMaxD
            ? Full.GetOrAdd((c.Name, d.Value), _ => new Lazy<Evaluation>(() =>
            {
                var net = compact(d);
                return new Evaluation(c.Name, d.Value, checked((int)net.Width), net.Cost(), SignUnitEvaluator.Check(net, Parity.Full(d)));
            })).Value
            : Exhaustive(c.Name, d, c.Build);

    public static Evaluation Cost(Construction c, Dimension d) =>
        c.Compact is { } compact && d.Value > DirectMaxD
            ? MemoisedCost(c.Name, d, () =>
            {
                var net = compact(d);
                return new Evaluation(c.Name, d.Value, checked((int)net.Width), net.Cost(), null);
            })
            : Cost(c.Name, d, c.Build);
}
