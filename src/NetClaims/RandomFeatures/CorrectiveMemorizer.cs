using MathNet.Numerics.LinearAlgebra;
using NetClaims.Cube;

namespace NetClaims.RandomFeatures;

/// <summary>One corrective step: the residual before and after, and the ReLU units it added.</summary>
public sealed record CorrectiveStep(int Step, double ResidualRatio, int Features, int Neurons, double Seconds);

/// <summary>The result of t corrective steps: per-step residual ratios ‖r_t‖²/‖y‖² and the network's size.</summary>
public sealed record CorrectiveRun(IReadOnlyList<CorrectiveStep> Steps, double[] FinalResidual, int Neurons);

/// <summary>
/// The random-feature memoriser of THEOREMS.md §2.1 b ([DER] reconstruction): with ξ ~ N(0, σ²I), T ~ U[−2,2] and
/// u = ⟨ξ,x⟩/ω₀, the estimator ŷ[r](x) = (1/N₀)Σ_l [A_l cos(φ_l − 2ω₀) − ω₀A_l sin(φ_l − 2ω₀)σ(u_l(x)+2)
/// − 4ω₀²A_l cos(ω₀T_l + φ_l)σ(u_l(x) − T_l)], A_l e^{iφ_l} = Σ_j r_j e^{−i⟨ξ_l,x_j⟩}, has E ŷ[r] = Kr on the data (up to
/// truncation when |⟨ξ,x⟩| &gt; 2ω₀). Each corrective step draws fresh features and sets r ← r − ŷ[r](X): two ReLU units
/// per feature, inner weights ξ_l/ω₀ (random), outer weights computed. Features are streamed in blocks, so memory
/// stays O(block·(n + d)) whatever N₀.
/// </summary>
public static class CorrectiveMemorizer
{
    const int Block = 4096;

    public static CorrectiveRun Run(SphereData data, double sigma, double omega0, int features, int steps, int seed, IProgress<CorrectiveStep>? progress = null)
    {
        if (features < 1 || steps < 1) throw new ArgumentOutOfRangeException(nameof(features), "need at least one feature and one step");
        if ((double)features * steps > 1e9) throw new SizeRefusedException($"{features} features × {steps} steps is beyond what this machine evaluates in reasonable time");
        var y = data.Y;
        var r = (double[])y.Clone();
        double yy = y.Sum(v => v * v);
        var list = new List<CorrectiveStep>();
        for (int t = 1; t <= steps; t++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var yhat = Estimate(data, r, sigma, omega0, features, seed * 7919 + t);
            for (int i = 0; i < r.Length; i++) r[i] -= yhat[i];
            var step = new CorrectiveStep(t, r.Sum(v => v * v) / yy, features, 2 * features * t, clock.Elapsed.TotalSeconds);
            list.Add(step);
            progress?.Report(step);
        }
        return new CorrectiveRun(list, r, 2 * features * steps);
    }

    /// <summary>ŷ[r] at the data points for one draw of <paramref name="features"/> features.</summary>
    public static double[] Estimate(SphereData data, double[] r, double sigma, double omega0, int features, int seed)
    {
        int n = data.N, d = data.D;
        var rng = new Random(seed);
        var yhat = new double[n];
        var xt = data.X.Transpose();
        for (int start = 0; start < features; start += Block)
        {
            int m = Math.Min(Block, features - start);
            var xi = Matrix<double>.Build.Dense(m, d, (_, _) => sigma * Statistics.Sampling.Gaussian(rng));
            var tt = Enumerable.Range(0, m).Select(_ => 4 * rng.NextDouble() - 2).ToArray();
            // P[l, j] = ⟨ξ_l, x_j⟩: the hot loop, one matrix product per block.
            var p = xi * xt;
            for (int l = 0; l < m; l++)
            {
                double re = 0, im = 0;
                for (int j = 0; j < n; j++)
                {
                    double pj = p[l, j];
                    re += r[j] * Math.Cos(pj);
                    im -= r[j] * Math.Sin(pj);
                }
                double amp = Math.Sqrt(re * re + im * im), phase = Math.Atan2(im, re);
                double c0 = amp * Math.Cos(phase - 2 * omega0);
                double c1 = -omega0 * amp * Math.Sin(phase - 2 * omega0);
                double c2 = -4 * omega0 * omega0 * amp * Math.Cos(omega0 * tt[l] + phase);
                for (int i = 0; i < n; i++)
                {
                    double u = p[l, i] / omega0;
                    yhat[i] += c0 + c1 * Math.Max(0, u + 2) + c2 * Math.Max(0, u - tt[l]);
                }
            }
        }
        for (int i = 0; i < n; i++) yhat[i] /= features;
        return yhat;
    }
}
