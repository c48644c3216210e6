using NetClaims.Cube;
using NetClaims.Exact;
using NetClaims.Networks;

namespace NetClaims.Constructions;

/// <summary>A named parity interpolant: how to build it, where it is defined, and the closed form of its cost.</summary>
/// <param name="Name">CLI name, e.g. <c>averaged-blades</c>.</param>
/// <param name="Description">One line: formula and source.</param>
/// <param name="MinD">Smallest d where the construction is defined.</param>
/// <param name="ClosedFormMinD">Smallest d where <paramref name="ClosedFormCost"/> holds.</param>
public sealed record Construction(
    string Name,
    string Description,
    int MinD,
    int ClosedFormMinD,
    Func<Dimension, TwoLayerRelu> Build,
    Func<Dimension, SurdSum> ClosedFormCost,
    string ClosedFormText)
{
    /// <summary>Hidden units at d (known before building, so a size can be refused before anything is allocated).</summary>
    public Func<int, double> Units { get; init; } = _ => 1;

    /// <summary>Distinct inner weights at d: the exhaustive check costs about Directions·2^d neuron evaluations.</summary>
    public Func<int, double> Directions { get; init; } = _ => 1;

    /// <summary>
    /// The same network in compact form, for constructions whose units all have sign-vector inner weights: evaluated on
    /// the whole cube by Walsh–Hadamard transforms (<see cref="SignUnitEvaluator"/>) above <see cref="Evaluations.DirectMaxD"/>.
    /// </summary>
    public Func<Dimension, SignUnitNetwork>? Compact { get; init; }

    /// <summary>Bias classes of the compact form (arrays of 2^d integers held during its check).</summary>
    public int BiasClasses { get; init; } = 1;

    /// <summary>Refuses (one line) a d whose network would not fit in memory or whose exhaustive check would take hours.</summary>
    public void EnsureFeasible(int d)
    {
        if (Compact is not null && d > Evaluations.DirectMaxD)
        {
            // Compact units (8 bytes each) plus the transform's two arrays (16 bytes per vertex); O((J + 1)·d·2^d) work.
            if (d > 30) throw new SizeRefusedException($"{Name} at d={d}: the transform holds 2^{d} vertices in memory; d ≤ 30");
            SizeGuard.EnsureFits($"{Name} at d={d} (compact units and the transform)", Math.Pow(2, d), 8.0 * BiasClasses + SignUnitEvaluator.BytesPerVertex);
            return;
        }
        SizeGuard.EnsureFits($"{Name} at d={d} ({Units(d):0.##E+0} units)", Units(d), 128);
        SizeGuard.EnsureFeasible($"the exhaustive check of {Name} at d={d} ({Directions(d):0.##E+0} weight groups × 2^{d} vertices)",
            Directions(d) * Math.Pow(2, d), Networks.CubeEvaluator.OperationCap);
    }
}

/// <summary>The parity constructions of docs/ahs23.md §1.1–§1.4, by name.</summary>
public static class ConstructionCatalog
{
    /// <summary>Every parity construction with its builder, closed-form cost and formula.</summary>
    public static IReadOnlyList<Construction> All { get; } =
    [
        new(SawtoothRidge.Name, "sawtooth ridge σ(z+d+1) − 2Σ(−1)^jσ(z+d−2j), z = ⟨1,x⟩, odd-d sign fix (§1.1)", 1, 1,
            d => SawtoothRidge.Build(d), SawtoothRidge.ClosedFormCost, "(2d+3)·√d") { Units = d => d + 2 },
        new(SplineRidge.Name, "cheapest ridge: linear spline through (d−2k, (−1)^k) along 1, free linear part (§1.2)", 1, 1,
            SplineRidge.Build, SplineRidge.ClosedFormCost, "2(d−1)·√d") { Units = d => Math.Max(0, d - 1) },
        new(AveragedBlades.Name, "Theorem 4: (Q/2^d)Σ_v χ(v)s(⟨v,x⟩−β), s = unit tent, shifted for odd d (§1.3)", 1, 1,
            d => AveragedBlades.Build(d), d => AveragedBlades.ClosedFormCost(d), "4·√d·|Q|")
        { Units = d => 3 * Math.Pow(2, d), Directions = d => Math.Pow(2, d), Compact = d => AveragedBlades.BuildSignUnits(d), BiasClasses = 3 },
        new(AveragedBlades.HalfWidthName, "half-width-2 blades: s₂(z) = ½(σ(z+2) − 2σ(z) + σ(z−2)), same Q (§1.3)", 1, 1,
            d => AveragedBlades.Build(d, halfWidth: 2), d => AveragedBlades.ClosedFormCost(d, 2), "2·√d·|Q|")
        { Units = d => 3 * Math.Pow(2, d), Directions = d => Math.Pow(2, d), Compact = d => AveragedBlades.BuildSignUnits(d, halfWidth: 2), BiasClasses = 3 },
        new(AveragedRelu.Name, "g* = (1/M_d)Σ_v χ(v)σ(⟨v,x⟩+β), the minimum-R-norm interpolant (§1.4)", 1, 2,
            d => AveragedRelu.Build(d), AveragedRelu.ClosedFormCost, "√d·2^d/|M_d| = 1/ρ_d")
        { Units = d => Math.Pow(2, d), Directions = d => Math.Pow(2, d), Compact = d => AveragedRelu.BuildSignUnits(d), BiasClasses = 1 },
    ];

    /// <summary>The construction with this catalogue name (an unknown name is an error that lists the known ones).</summary>
    public static Construction Get(string name) =>
        All.FirstOrDefault(c => c.Name == name)
        ?? throw new ArgumentException($"unknown construction '{name}' (known: {string.Join(", ", All.Select(c => c.Name))})");
}
