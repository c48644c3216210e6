using NetClaims.Cube;

namespace NetClaims.Constructions;

/// <summary>The smallest width of sampled blades that reaches max error ≤ ε with empirical probability ≥ 1 − δ.</summary>
/// <param name="Width">m*: the smallest grid width whose success rate over the seeds is ≥ 1 − δ.</param>
/// <param name="RateAt">The success rate at m*.</param>
/// <param name="Below">The grid width just below m* (m*·2^{−1/8}, rounded up), and <paramref name="RateBelow"/> its rate.</param>
/// <param name="Half">⌈m*/2⌉, and <paramref name="RateHalf"/> its rate (sharpness).</param>
/// <param name="Bernstein">The Bernstein width m_B for the same (d, ε, δ).</param>
public sealed record BladeWidthResult(int D, double Epsilon, double Delta, int Seeds, int Width, double RateAt, int Below, double RateBelow,
    int Half, double RateHalf, int Bernstein, int Evaluations);

/// <summary>
/// Theorem 5's width, measured: over the grid m_k = ⌈2^{k/8}⌉, the success rate p̂(m) = #{seeds s : max_x |g_m − χ| ≤ ε}/S
/// (exhaustive over the cube, decided exactly by <see cref="SampledBlades.WithinEpsilon"/>, seeds firstSeed … firstSeed + S − 1) is bisected for
/// the smallest m with p̂(m) ≥ 1 − δ, between 1 and 4·m_B (p̂ grows with m in expectation; the bisection assumes it
/// does on the grid, and the rates just below and at half the answer are reported so a non-monotone case shows).
/// </summary>
public static class BladeWidth
{
    /// <summary>Bisects for m* at dimension <paramref name="d"/> and tolerance <paramref name="epsilon"/>.</summary>
    public static BladeWidthResult Smallest(int d, double epsilon, double delta, int seeds, int firstSeed, CancellationToken cancel = default)
    {
        if (d < 2 || d > 20) throw new SizeRefusedException($"the width study evaluates 2^d vertices per sample: need 2 ≤ d ≤ 20, not {d}");
        if (!(epsilon > 0 && epsilon < 1) || !(delta > 0 && delta < 1)) throw new ArgumentOutOfRangeException(nameof(epsilon), "need 0 < ε < 1 and 0 < δ < 1");
        if (seeds < 1) throw new ArgumentOutOfRangeException(nameof(seeds), "need at least one seed");
        var dim = new Dimension(d);
        int mB = SampledBlades.BernsteinWidth(dim, epsilon, delta);
        var rates = new Dictionary<int, double>();
        double Rate(int m)
        {
            if (rates.TryGetValue(m, out var r)) return r;
            cancel.ThrowIfCancellationRequested();
            int ok = 0;
            Parallel.For(0, seeds, new ParallelOptions { CancellationToken = cancel }, s =>
            {
                if (SampledBlades.WithinEpsilon(dim, m, firstSeed + s, epsilon)) Interlocked.Increment(ref ok);
            });
            return rates[m] = ok / (double)seeds;
        }
        static int Grid(int k) => (int)Math.Ceiling(Math.Pow(2, k / 8.0) - 1e-9);
        int hi = 0;
        while (Grid(hi) < 4 * mB) hi++;
        if (Rate(Grid(hi)) < 1 - delta)
            throw new InvalidOperationException($"d={d}, ε={epsilon}: even 4·m_B = {Grid(hi)} blades succeed at rate {Rate(Grid(hi))} < 1 − δ");
        int lo = -1; // Grid(lo) fails (or lo = −1: nothing below tried)
        while (hi - lo > 1)
        {
            int mid = (lo + hi) / 2;
            if (Rate(Grid(Math.Max(mid, 0))) >= 1 - delta) hi = mid; else lo = mid;
        }
        int width = Grid(hi), below = Grid(Math.Max(hi - 1, 0)), half = (width + 1) / 2;
        return new BladeWidthResult(d, epsilon, delta, seeds, width, Rate(width), below, Rate(below), half, Rate(half), mB, rates.Count);
    }
}
