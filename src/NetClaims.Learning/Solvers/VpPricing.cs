using System.Numerics;
using NetClaims.Cube;

namespace NetClaims.Solvers;

/// <summary>
/// The pricing steps of the VP's column generation, for dual values λ on the samples. Lattice pricing is exact: for a
/// support S (|S| = k) the duals are projected onto the sub-cube {±1}^S (μ(z) = Σ_{i: x_i|S = z} λ_i), and every sign
/// vector on S with every bias of S's lattice is priced at once by <see cref="SignDictionaryPricing"/> in dimension k.
/// The continuous search is a projected ascent of |Σ_i λ_i σ(⟨w, x_i⟩ − b)| over unit w, with the best b for each w
/// found exactly (the sum is piecewise linear in b with kinks at the projections ⟨w, x_i⟩).
/// </summary>
internal static class VpPricing
{
    internal readonly record struct Candidate(double Excess, VpColumn Column);

    /// <summary>The largest violation |corr|/‖w‖ − 1 over every lattice neuron of the full support (sign directions) or
    /// of every support of size ≥ 2 (ternary directions), and the <paramref name="keep"/> neurons with the largest.</summary>
    public static (double MaxViolation, List<Candidate> Best) Lattice(int d, IReadOnlyList<ulong> points, double[] lambda, bool ternary, int keep, CancellationToken cancel)
    {
        ulong full = (1UL << d) - 1;
        var supports = ternary
            ? Enumerable.Range(0, 1 << d).Select(s => (ulong)s).Where(s => BitOperations.PopCount(s) >= 2).ToArray()
            : [full];
        double max = double.NegativeInfinity;
        var best = new List<Entry>();
        var gate = new object();
        // Each thread keeps its top `keep` under a total order (violation, then bias, support, signs), so the union's top
        // `keep` is the same however the supports were split between threads.
        Parallel.For(0, supports.Length, new ParallelOptions { CancellationToken = cancel },
            () => (Max: double.NegativeInfinity, Heap: new PriorityQueue<Entry, Entry>(WorstFirst)),
            (j, _, local) =>
            {
                var (m, heap) = local;
                m = Math.Max(m, PriceSupport(d, supports[j], points, lambda, keep, heap));
                return (m, heap);
            },
            local =>
            {
                lock (gate)
                {
                    max = Math.Max(max, local.Max);
                    while (local.Heap.TryDequeue(out var c, out _)) best.Add(c);
                }
            });
        best.Sort((a, b) => WorstFirst.Compare(b, a));
        return (max, best.Take(keep).Select(e => new Candidate(e.Excess, VpColumn.Lattice(d, e.Support, e.Signs, e.B))).ToList());
    }

    readonly record struct Entry(double Excess, ulong Support, ulong Signs, int B);

    // The heap's minimum is the entry that sorts last: smallest violation, ties by the largest (bias, support, signs).
    static readonly Comparer<Entry> WorstFirst = Comparer<Entry>.Create((a, b) =>
    {
        int c = a.Excess.CompareTo(b.Excess);
        return c != 0 ? c : (b.B, b.Support, b.Signs).CompareTo((a.B, a.Support, a.Signs));
    });

    static double PriceSupport(int d, ulong support, IReadOnlyList<ulong> points, double[] lambda, int keep, PriorityQueue<Entry, Entry> heap)
    {
        var bits = Enumerable.Range(0, d).Where(i => (support >> i & 1) != 0).ToArray();
        int k = bits.Length;
        var mu = new double[1 << k];
        for (int i = 0; i < points.Count; i++) mu[Compress(points[i], bits)] += lambda[i];
        var biases = Enumerable.Range(0, k - 1).Select(j => -k + 2 + 2 * j).ToArray();
        var corr = SignDictionaryPricing.Correlations(k, mu, biases);
        double norm = Math.Sqrt(k), max = double.NegativeInfinity;
        for (int j = 0; j < biases.Length; j++)
        {
            var cj = corr[j];
            for (int w = 0; w < cj.Length; w++)
            {
                double excess = Math.Abs(cj[w]) / norm - 1;
                if (excess > max) max = excess;
                if (heap.Count == keep && excess < heap.Peek().Excess) continue;
                var e = new Entry(excess, support, Expand((ulong)w, bits), biases[j]);
                if (heap.Count < keep) heap.Enqueue(e, e);
                else if (WorstFirst.Compare(e, heap.Peek()) > 0) heap.DequeueEnqueue(e, e);
            }
        }
        return max;
    }

    static int Compress(ulong x, int[] bits)
    {
        int z = 0;
        for (int i = 0; i < bits.Length; i++) z |= (int)(x >> bits[i] & 1) << i;
        return z;
    }

    static ulong Expand(ulong w, int[] bits)
    {
        ulong s = 0;
        for (int i = 0; i < bits.Length; i++) s |= (w >> i & 1) << bits[i];
        return s;
    }

    /// <summary>
    /// Projected ascent of |Σ_i λ_i σ(⟨w, x_i⟩ − b)| over unit w ∈ ℝ^d from each start (b optimal for each w), with an
    /// adaptive step; returns the best neuron found from each start and its violation (value − 1; ‖w‖ = 1).
    /// </summary>
    public static List<Candidate> Continuous(int d, IReadOnlyList<ulong> points, double[] lambda, IEnumerable<double[]> starts, int iterations, ref int serial)
    {
        var x = points.Select(p => Vertex.ToVector(p, new Dimension(d))).ToArray();
        var list = starts.ToList();
        var found = new Candidate[list.Count];
        int first = serial;
        Parallel.For(0, list.Count, s =>
        {
            var w = Normalised(list[s]);
            var (value, b, grad) = BestBias(x, lambda, w);
            double step = 0.2;
            for (int it = 0; it < iterations && step > 1e-7; it++)
            {
                double along = Dot(grad, w);
                var tangent = grad.Select((g, i) => g - along * w[i]).ToArray();
                double tn = Math.Sqrt(Dot(tangent, tangent));
                if (tn < 1e-14) break;
                var trial = Normalised(w.Select((wi, i) => wi + step * tangent[i] / tn).ToArray());
                var (tv, tb, tg) = BestBias(x, lambda, trial);
                if (tv > value) { (w, value, b, grad) = (trial, tv, tb, tg); step *= 1.5; }
                else step *= 0.5;
            }
            found[s] = new Candidate(value - 1, new VpColumn(w, b, (0, 0, 0, first + s + 1)));
        });
        serial += list.Count;
        return [.. found];
    }

    // For unit w: the projections sorted descending; at b = t_(j) the sum is F_j = Σ_{m<j} λ_(m)(t_(m) − t_(j)). Returns
    // max_j |F_j|, its b, and the gradient in w of s·F_j with b tied to x_(j): s·Σ_{m<j} λ_(m)(x_(m) − x_(j)).
    static (double Value, double B, double[] Grad) BestBias(double[][] x, double[] lambda, double[] w)
    {
        int n = x.Length;
        var t = new double[n];
        var idx = new int[n];
        for (int i = 0; i < n; i++) { t[i] = -Dot(w, x[i]); idx[i] = i; }
        Array.Sort(t, idx);
        double l = 0, p = 0, best = 0;
        int at = -1, sign = 1;
        for (int j = 0; j < n; j++)
        {
            double b = -t[j];
            double f = p - b * l;
            if (Math.Abs(f) > best) { best = Math.Abs(f); at = j; sign = f >= 0 ? 1 : -1; }
            l += lambda[idx[j]];
            p += lambda[idx[j]] * -t[j];
        }
        var grad = new double[w.Length];
        if (at < 0) return (0, 0, grad);
        double lsum = 0;
        for (int m = 0; m < at; m++)
        {
            double lm = lambda[idx[m]];
            lsum += lm;
            for (int i = 0; i < grad.Length; i++) grad[i] += sign * lm * x[idx[m]][i];
        }
        for (int i = 0; i < grad.Length; i++) grad[i] -= sign * lsum * x[idx[at]][i];
        return (best, -t[at], grad);
    }

    static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    static double[] Normalised(double[] w)
    {
        double n = Math.Sqrt(Dot(w, w));
        return n > 0 ? w.Select(v => v / n).ToArray() : w.Select((_, i) => i == 0 ? 1.0 : 0).ToArray();
    }
}
