using System.Numerics.Tensors;
using NetClaims.Cube;
using NetClaims.Networks;

namespace NetClaims.RandomFeatures;

/// <summary>
/// One corrective step: the residual after it (‖r_t‖²/‖y‖²), the ReLU units used so far, and the step's variance term
/// tr Cov(g)/(N₀‖r_{t−1}‖²) — the part of E‖r_t‖²/‖r_{t−1}‖² that the Õ(n/(θ⁴N₀)) bound is about, estimated from the
/// per-feature outputs g_l (so with far less noise than one residual).
/// </summary>
public sealed record CorrectiveStep(int Step, double ResidualRatio, int Features, int Neurons, double Seconds, double VarianceRatio = double.NaN);

/// <summary>The result of t corrective steps: per-step residual ratios ‖r_t‖²/‖y‖², the network's size, and (when asked for) the network.</summary>
public sealed record CorrectiveRun(IReadOnlyList<CorrectiveStep> Steps, double[] FinalResidual, int Neurons, DenseTwoLayerRelu? Network = null);

/// <summary>
/// The random-feature memoriser of docs/bn20.md §2.1 b ([DER] reconstruction): with ξ ~ N(0, σ²I), T ~ U[−2,2] and
/// u = ⟨ξ,x⟩/ω₀, the estimator ŷ[r](x) = (1/N₀)Σ_l [A_l cos(φ_l − 2ω₀) − ω₀A_l sin(φ_l − 2ω₀)σ(u_l(x)+2)
/// − 4ω₀²A_l cos(ω₀T_l + φ_l)σ(u_l(x) − T_l)], A_l e^{iφ_l} = Σ_j r_j e^{−i⟨ξ_l,x_j⟩}, has E ŷ[r] = Kr on the data (up to
/// truncation when |⟨ξ,x⟩| &gt; 2ω₀). Each corrective step draws fresh features and sets r ← r − ŷ[r](X): two ReLU units
/// per feature, inner weights ξ_l/ω₀ (random), outer weights computed.
/// <para>
/// Features are streamed in blocks (each seeded from the step seed and its own index, so the result does not depend on
/// how blocks are scheduled); a fixed number of chunks run in parallel and are summed in order, so runs are
/// deterministic on any core count. The hot loop (n·N₀·d) is vectorised with TensorPrimitives; memory stays
/// O(chunks·n + d) whatever N₀.
/// </para>
/// </summary>
public static class CorrectiveMemorizer
{
    const int Chunks = 16;

    /// <summary>The largest network (units) <see cref="Run"/> will materialise when asked to keep it.</summary>
    public const int MaxNetworkUnits = 4_000_000;

    /// <summary>Features per block: ≤ 4096, and fewer for large n so one block's scratch stays small.</summary>
    static int BlockRows(int n) => Math.Clamp((1 << 21) / n, 1, 4096);

    /// <summary>Runs up to <paramref name="steps"/> corrective steps, stopping early once ‖r_t‖²/‖y‖² ≤ <paramref name="stopBelow"/>.</summary>
    public static CorrectiveRun Run(SphereData data, double sigma, double omega0, int features, int steps, int seed,
        IProgress<CorrectiveStep>? progress = null, bool keepNetwork = false, CancellationToken cancel = default, double stopBelow = 0)
    {
        if (features < 1 || steps < 1) throw new ArgumentOutOfRangeException(nameof(features), "need at least one feature and one step");
        if ((double)features * steps * data.N > 2e11) throw new SizeRefusedException($"{features} features × {steps} steps × n={data.N} points is beyond what this machine evaluates in reasonable time (limit 2e11 feature-point pairs)");
        if (keepNetwork && 2.0 * features * steps > MaxNetworkUnits) throw new SizeRefusedException($"keeping the network needs {2L * features * steps} units; the limit is {MaxNetworkUnits}");
        if (!(sigma > 0) || !(omega0 > 0) || double.IsInfinity(sigma) || double.IsInfinity(omega0)) throw new ArgumentOutOfRangeException(nameof(sigma), $"σ and ω₀ must be positive and finite, got σ={sigma}, ω₀={omega0}");
        var y = data.Y;
        var r = (double[])y.Clone();
        double yy = TensorPrimitives.Dot(y, y);
        var list = new List<CorrectiveStep>();
        var units = keepNetwork ? new List<(double[] W, double B, double A)>() : null;
        double constant = 0;
        for (int t = 1; t <= steps; t++)
        {
            cancel.ThrowIfCancellationRequested();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            double before = TensorPrimitives.Dot(r, r);
            var (yhat, c0, stepUnits, traceCov) = EstimateCore(data, r, sigma, omega0, features, StepSeed(seed, t), keepNetwork);
            constant += c0;
            units?.AddRange(stepUnits!);
            TensorPrimitives.Subtract(r, yhat, r);
            double ratio = TensorPrimitives.Dot(r, r) / yy;
            if (!double.IsFinite(ratio)) throw new ArithmeticException($"the residual became {ratio} at step {t} (σ={sigma}, ω₀={omega0})");
            var step = new CorrectiveStep(t, ratio, features, 2 * features * t, clock.Elapsed.TotalSeconds, traceCov / features / before);
            list.Add(step);
            progress?.Report(step);
            if (ratio <= stopBelow) break;
        }
        DenseTwoLayerRelu? net = units is null ? null
            : new DenseTwoLayerRelu(units.Select(u => u.W).ToArray(), units.Select(u => u.B).ToArray(), units.Select(u => u.A).ToArray(), constant);
        return new CorrectiveRun(list, r, 2 * features * list.Count, net);
    }

    /// <summary>
    /// The predicted per-step factor of docs/bn20.md §2.1 b, ρ̂ = ‖K − I‖₂² + the run's mean variance term
    /// tr Cov(g)/(N₀‖r‖²) (measured on the per-feature outputs, so precise). Realised factors scatter around it like a χ²
    /// with about n degrees of freedom.
    /// </summary>
    public static double PredictedFactor(SphereData data, double sigma, CorrectiveRun run)
    {
        double kd = data.KernelDeviation(sigma);
        return kd * kd + run.Steps.Average(s => s.VarianceRatio);
    }

    static int StepSeed(int seed, int step) => unchecked(seed * 7919 + step);

    /// <summary>ŷ[r] at the data points for one draw of <paramref name="features"/> features.</summary>
    public static double[] Estimate(SphereData data, double[] r, double sigma, double omega0, int features, int seed) =>
        EstimateCore(data, r, sigma, omega0, features, seed, false).Yhat;

    // Returns ŷ, its constant part, the units (when kept) and tr Cov(g) estimated as N₀/(N₀−1)·(mean‖g_l‖² − ‖ŷ‖²).
    static (double[] Yhat, double Constant, List<(double[] W, double B, double A)>? Units, double TraceCovariance) EstimateCore(
        SphereData data, double[] r, double sigma, double omega0, int features, int seed, bool keep)
    {
        int n = data.N, d = data.D, rows = BlockRows(n);
        int blocks = (features + rows - 1) / rows;
        // Xᵀ as d contiguous rows of length n, so ⟨ξ, x_j⟩ for all j is d vector multiply-adds.
        var xt = new double[d][];
        for (int k = 0; k < d; k++) { xt[k] = new double[n]; for (int j = 0; j < n; j++) xt[k][j] = data.X[j, k]; }
        var partial = new double[Chunks][];
        var constants = new double[Chunks];
        var squares = new double[Chunks];
        var kept = new List<(double[], double, double)>?[Chunks];
        double inv = 1.0 / features;
        Parallel.For(0, Chunks, c =>
        {
            var acc = new double[n];
            var list = keep ? new List<(double[], double, double)>() : null;
            double c0 = 0, sq = 0;
            var g = new double[n];
            var p = new double[n]; var sin = new double[n]; var cos = new double[n]; var u = new double[n]; var s = new double[n];
            var xi = new double[d];
            for (int b = (int)((long)blocks * c / Chunks); b < (int)((long)blocks * (c + 1) / Chunks); b++)
            {
                var rng = new Random(unchecked(seed * 1_000_003 + b * 7919 + 17));
                int m = Math.Min(rows, features - b * rows);
                for (int l = 0; l < m; l++)
                {
                    for (int k = 0; k < d; k++) xi[k] = sigma * Statistics.Sampling.Gaussian(rng);
                    double tl = 4 * rng.NextDouble() - 2;
                    // p_j = ⟨ξ_l, x_j⟩: the hot loop.
                    Array.Clear(p);
                    for (int k = 0; k < d; k++) TensorPrimitives.MultiplyAdd(xt[k], xi[k], p, p);
                    TensorPrimitives.SinCos<double>(p, sin, cos);
                    double re = TensorPrimitives.Dot(r, cos), im = -TensorPrimitives.Dot(r, sin);
                    double amp = Math.Sqrt(re * re + im * im), phase = Math.Atan2(im, re);
                    // The feature's output g_l(x) = a0 + a1σ(u + 2) + a2σ(u − T_l), before the 1/N₀.
                    double a0 = amp * Math.Cos(phase - 2 * omega0);
                    double a1 = -omega0 * amp * Math.Sin(phase - 2 * omega0);
                    double a2 = -4 * omega0 * omega0 * amp * Math.Cos(omega0 * tl + phase);
                    TensorPrimitives.Multiply(p, 1 / omega0, u);
                    TensorPrimitives.Add(u, 2.0, s);
                    TensorPrimitives.Max(s, 0.0, s);
                    TensorPrimitives.Multiply(s, a1, g);
                    TensorPrimitives.Subtract(u, tl, s);
                    TensorPrimitives.Max(s, 0.0, s);
                    TensorPrimitives.MultiplyAdd(s, a2, g, g);
                    TensorPrimitives.Add(g, a0, g);
                    sq += TensorPrimitives.Dot(g, g);
                    TensorPrimitives.Add(acc, g, acc);
                    a0 *= inv; a1 *= inv; a2 *= inv;
                    c0 += a0;
                    if (list != null)
                    {
                        var w = new double[d];
                        TensorPrimitives.Multiply(xi, 1 / omega0, w);
                        list.Add((w, 2.0, a1));
                        list.Add((w, -tl, a2));
                    }
                }
            }
            partial[c] = acc; squares[c] = sq; kept[c] = list; constants[c] = c0;
        });
        var yhat = new double[n];
        double constant = 0, squareSum = 0;
        for (int c = 0; c < Chunks; c++) { TensorPrimitives.Add(yhat, partial[c], yhat); constant += constants[c]; squareSum += squares[c]; }
        TensorPrimitives.Multiply(yhat, inv, yhat);
        double traceCov = features > 1 ? (squareSum * inv - TensorPrimitives.Dot(yhat, yhat)) * features / (features - 1.0) : double.NaN;
        return (yhat, constant, keep ? kept.SelectMany(k => k!).ToList() : null, traceCov);
    }
}
