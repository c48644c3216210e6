using NetClaims.Cube;

namespace NetClaims.Solvers;

/// <summary>Which neurons σ(⟨w, x⟩ − b) the VP is solved over.</summary>
public enum VpDictionary
{
    /// <summary>Sign directions w ∈ {±1}^d (‖w‖ = √d), biases on the lattice {−d+2, …, d−2}: exact pricing by
    /// Walsh–Hadamard transforms of size 2^d. On the whole cube this dictionary attains the VP.</summary>
    Sign,

    /// <summary>Ternary directions w ∈ {−1, 0, 1}^d (‖w‖ = √|support|), biases on each support's lattice: exact pricing,
    /// one transform per support (3^d directions in all; d ≤ <see cref="VpSolver.MaxTernaryD"/>).</summary>
    Ternary,

    /// <summary>The ternary dictionary (sign directions beyond <see cref="VpSolver.SearchTernaryD"/>) priced exactly, then
    /// a local search over continuous unit directions w ∈ ℝ^d with every bias: its columns enter the master too, and the
    /// largest violation it finds bounds the gap over the directions it searched.</summary>
    Search,
}

/// <summary>One neuron u·σ(⟨w, x⟩ − b) of a VP solution; its cost is ‖w‖₂·|u|.</summary>
public sealed record VpNeuron(double[] W, double B, double U)
{
    /// <summary>‖w‖₂.</summary>
    public double Norm => Math.Sqrt(W.Sum(v => v * v));

    /// <summary>σ(⟨w, x⟩ − b) at a vertex (mask).</summary>
    public double Activation(ulong x)
    {
        double t = -B;
        for (int i = 0; i < W.Length; i++) if (W[i] != 0) t += W[i] * Vertex.Coordinate(x, i);
        return Math.Max(0, t);
    }

    /// <summary>E[χ(x)·σ(⟨w, x⟩ − b)] over all 2^d vertices (d = the length of w), summed directly.</summary>
    public double ParityCorrelation()
    {
        double total = 0;
        for (ulong x = 0; x < 1UL << W.Length; x++) total += Parity.Sign(x) * Activation(x);
        return total / Math.Pow(2, W.Length);
    }

    /// <summary>The network Σ u·σ(⟨w,x⟩ − b) + ⟨v,x⟩ + c at a vertex (mask).</summary>
    public static double Network(IReadOnlyList<VpNeuron> neurons, double[] affine, double constant, ulong x)
    {
        double g = constant;
        for (int i = 0; i < affine.Length; i++) g += affine[i] * Vertex.Coordinate(x, i);
        foreach (var nu in neurons) g += nu.U * nu.Activation(x);
        return g;
    }
}

/// <summary>
/// The minimum-R-norm interpolant of labelled vertices (the VP solution) over a dictionary, with what proves it: the
/// optimum C(ĝ) = Σ ‖w‖·|u|, the LP's duals λ (one per sample), the dual objective Σ λ_i y_i, and the largest dual
/// violation max |Σ_i λ_i σ(⟨w,x_i⟩ − b)|/‖w‖ − 1 over every neuron of the exactly priced dictionary
/// (<see cref="MaxDualViolation"/>) and over the directions the continuous search visited
/// (<see cref="SearchedViolation"/>). A violation ≤ 0 (to the stated tolerance) and primal = dual make the answer
/// optimal over that dictionary; a violation v > 0 makes λ/(1 + v) dual feasible, so the VP over those neurons is at
/// least <see cref="LowerBound"/>.
/// </summary>
public sealed record VpResult(
    int D, int N, VpDictionary Dictionary, string Status, double Cost, double DualObjective, double MaxDualViolation, double SearchedViolation,
    IReadOnlyList<VpNeuron> Neurons, double[] Affine, double Constant, double[] Duals, int Rounds, int Columns, double Seconds)
{
    /// <summary>|primal − dual|: 0 up to the LP's tolerance at an optimum.</summary>
    public double DualityGap => Math.Abs(Cost - DualObjective);

    /// <summary>The exactly priced dictionary: sign directions, or ternary ones for <see cref="VpDictionary.Ternary"/>
    /// and for <see cref="VpDictionary.Search"/> at d ≤ <see cref="VpSolver.SearchTernaryD"/>.</summary>
    public string ExactDictionary => Dictionary == VpDictionary.Sign || (Dictionary == VpDictionary.Search && D > VpSolver.SearchTernaryD) ? "{±1}^d" : "{−1,0,1}^d";

    /// <summary>Whether the certificate holds over the exactly priced dictionary: no neuron violates the dual by more
    /// than <paramref name="tolerance"/> (relative to ‖w‖), and the duality gap is within <paramref name="tolerance"/>·max(1, cost).</summary>
    public bool Certified(double tolerance = 1e-6) =>
        Status == "OPTIMAL" && MaxDualViolation <= tolerance && DualityGap <= tolerance * Math.Max(1, Cost);

    /// <summary>A lower bound on the VP over the exact dictionary and every searched direction: Σλy/(1 + max violation).</summary>
    public double LowerBound => DualObjective / (1 + Math.Max(0, Math.Max(MaxDualViolation, double.IsNaN(SearchedViolation) ? 0 : SearchedViolation)));

    /// <summary>What the answer is optimal over, and its gap, in words.</summary>
    public string Statement => Dictionary == VpDictionary.Search
        ? $"optimal over {ExactDictionary} (violation {MaxDualViolation:G3}); continuous search: largest violation found {SearchedViolation:G3}, so the VP over searched directions is ≥ {LowerBound:G8} (gap ≤ {Cost - LowerBound:G3})"
        : $"{(Certified() ? "optimal" : "NOT certified")} over {ExactDictionary} (max dual violation {MaxDualViolation:G3}, duality gap {DualityGap:G3})";

    /// <summary>The range of E[ĝχ] over the optimal face of the final master (every optimal combination of the generated
    /// columns, cost within the LP tolerance); null when not asked for, NaN where the range LP failed.</summary>
    public (double Lo, double Hi)? CorrelationRange { get; init; }

    /// <summary>ĝ at a vertex (mask): Σ u·σ(⟨w,x⟩ − b) + ⟨v,x⟩ + c.</summary>
    public double Evaluate(ulong x) => VpNeuron.Network(Neurons, Affine, Constant, x);

    /// <summary>ĝ on every vertex of the cube (2^d values).</summary>
    public double[] OnCube()
    {
        int n = 1 << D;
        var values = new double[n];
        Parallel.For(0, n, x => values[x] = Evaluate((ulong)x));
        return values;
    }
}

/// <summary>What the VP solution does on the whole cube, against the parity χ.</summary>
/// <param name="Correlation">E[ĝχ] over all 2^d vertices.</param>
/// <param name="SquaredDistance">‖ĝ − χ‖₂² = E[(ĝ − χ)²].</param>
/// <param name="ClippedError">E[(clip(ĝ) − χ)²]/4 with clip to [−1, 1]: the clipped squared loss, in [0, 1].</param>
/// <param name="SignError">The fraction of vertices where sign(ĝ) ≠ χ (ĝ = 0 counts as an error).</param>
public sealed record VpOnCube(double Correlation, double SquaredDistance, double ClippedError, double SignError)
{
    /// <summary>Measures ĝ against χ on every vertex.</summary>
    public static VpOnCube Of(VpResult r) => Of(r.OnCube());

    /// <summary>Measures any values g on the 2^d vertices (mask order) against χ.</summary>
    public static VpOnCube Of(double[] g)
    {
        double corr = 0, dist = 0, clip = 0, sign = 0;
        for (int x = 0; x < g.Length; x++)
        {
            int chi = Parity.Sign((ulong)x);
            corr += g[x] * chi;
            dist += (g[x] - chi) * (g[x] - chi);
            double c = Math.Clamp(g[x], -1, 1);
            clip += (c - chi) * (c - chi) / 4;
            if (!(g[x] * chi > 0)) sign++;
        }
        double n = g.Length;
        return new VpOnCube(corr / n, dist / n, clip / n, sign / n);
    }
}
