using NetClaims.Statistics;

namespace NetClaims.Training;

/// <summary>One checkpoint of a teacher–student run.</summary>
public readonly record struct LossPoint(long Step, double Loss);

/// <summary>The end of a teacher–student run: the loss curve (log-spaced checkpoints) and the students.</summary>
public sealed record TeacherStudentRun(IReadOnlyList<LossPoint> Curve, double[][] Students, double[][] Teachers, double Seconds)
{
    /// <summary>The last recorded loss.</summary>
    public double FinalLoss => Curve[^1].Loss;

    /// <summary>Each student's nearest teacher by cosine, and that cosine.</summary>
    public (int Teacher, double Cosine)[] Alignment() => Students.Select(w =>
    {
        var best = Teachers.Select((v, i) => (i, TeacherStudent.Cosine(w, v))).MaxBy(p => p.Item2);
        return (best.i, best.Item2);
    }).ToArray();
}

/// <summary>
/// Gradient descent on the closed-form Gaussian population loss of a bias-free sum-of-ReLUs student against a sum of k
/// ReLU teachers (docs/zlc24.md §5, [REC; NUM]): x ~ N(0, I_d), κ(u,v) = E σ(⟨u,x⟩)σ(⟨v,x⟩) = ‖u‖‖v‖(sin θ + (π − θ)cos θ)/(2π),
/// ∇_uκ(u,v) = ((π − θ)v + ‖v‖ sin θ·u/‖u‖)/(2π), L(W) = ½[Σκ(w_j,w_j′) − 2Σκ(w_j,v_i) + Σκ(v_i,v_i′)].
/// </summary>
public static class TeacherStudent
{
    static double Norm(double[] u) => Math.Sqrt(u.Sum(t => t * t));

    internal static double Dot(ReadOnlySpan<double> u, ReadOnlySpan<double> v) { double s = 0; for (int i = 0; i < u.Length; i++) s += u[i] * v[i]; return s; }

    /// <summary>Cosine of the angle between u and v.</summary>
    public static double Cosine(double[] u, double[] v)
    {
        double nu = Norm(u), nv = Norm(v);
        return nu == 0 || nv == 0 ? 0 : Math.Clamp(Dot(u, v) / (nu * nv), -1, 1);
    }

    /// <param name="denominator">2π (the kernel); the negative control's wrong constant uses π.</param>
    public static double Kappa(double[] u, double[] v, double denominator = 2 * Math.PI)
    {
        double nu = Norm(u), nv = Norm(v);
        if (nu == 0 || nv == 0) return 0;
        double th = Math.Acos(Cosine(u, v));
        return nu * nv * (Math.Sin(th) + (Math.PI - th) * Math.Cos(th)) / denominator;
    }

    /// <summary>∇_uκ(u, v), added into <paramref name="into"/> times <paramref name="scale"/>.</summary>
    public static void AddGradKappa(double[] u, double[] v, double scale, double[] into)
    {
        double nu = Norm(u), nv = Norm(v);
        if (nu == 0 || nv == 0) return;
        double th = Math.Acos(Cosine(u, v)), s = Math.Sin(th);
        for (int i = 0; i < u.Length; i++) into[i] += scale * ((Math.PI - th) * v[i] + nv * s * u[i] / nu) / (2 * Math.PI);
    }

    /// <summary>Monte-Carlo estimate of κ(u, v) and its standard error (an independent path for the closed form).</summary>
    public static (double Mean, double StandardError) KappaMonteCarlo(double[] u, double[] v, int samples, int seed)
    {
        var rng = new Random(seed);
        var x = new double[u.Length];
        double s = 0, s2 = 0;
        for (int n = 0; n < samples; n++)
        {
            for (int i = 0; i < x.Length; i++) x[i] = Sampling.Gaussian(rng);
            double t = Math.Max(0, Dot(u, x)) * Math.Max(0, Dot(v, x));
            s += t; s2 += t * t;
        }
        double mean = s / samples;
        return (mean, Math.Sqrt(Math.Max(0, s2 / samples - mean * mean) / samples));
    }

    /// <summary>The closed-form population loss of students w against teachers v (Gaussian input).</summary>
    public static double Loss(double[][] w, double[][] v)
    {
        double s = 0;
        foreach (var a in w) foreach (var b in w) s += Kappa(a, b);
        foreach (var a in w) foreach (var b in v) s -= 2 * Kappa(a, b);
        foreach (var a in v) foreach (var b in v) s += Kappa(a, b);
        return s / 2;
    }

    /// <summary>∇_{w_j}L = Σ_{j′}∇κ(w_j, w_{j′}) − Σ_i∇κ(w_j, v_i) (the j′ = j term is w_j/2).</summary>
    public static double[][] Gradient(double[][] w, double[][] v)
    {
        var g = w.Select(r => new double[r.Length]).ToArray();
        for (int j = 0; j < w.Length; j++)
        {
            foreach (var b in w) AddGradKappa(w[j], b, 1, g[j]);
            foreach (var b in v) AddGradKappa(w[j], b, -1, g[j]);
        }
        return g;
    }

    /// <summary>Orthonormal teachers v_i = e_i (i &lt; k), as in the digest's run.</summary>
    public static double[][] OrthonormalTeachers(int d, int k)
    {
        if (k < 1 || k > d) throw new ArgumentOutOfRangeException(nameof(k), $"need 1 ≤ k ≤ d, got k={k}, d={d}");
        return Enumerable.Range(0, k).Select(i => Enumerable.Range(0, d).Select(t => t == i ? 1.0 : 0.0).ToArray()).ToArray();
    }

    /// <summary>Throws on sizes, step counts or step sizes a run cannot use.</summary>
    public static void Validate(int d, int m, double eta, long steps)
    {
        if (d < 1 || d > 1000 || m < 1 || m > 1000) throw new ArgumentOutOfRangeException(nameof(d), $"need 1 ≤ d, m ≤ 1000, got d={d}, m={m}");
        if (steps < 1 || steps > 100_000_000) throw new ArgumentOutOfRangeException(nameof(steps), $"steps must be in [1, 1e8], got {steps}");
        if (!(eta > 0) || !double.IsFinite(eta)) throw new ArgumentOutOfRangeException(nameof(eta), "step size must be positive and finite");
    }

    /// <summary>W₀ = scale·N(0, I): m students of dimension d, drawn row by row from Random(seed) (every run starts here).</summary>
    public static double[][] InitialStudents(int d, int m, int seed, double scale)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, m).Select(_ => Enumerable.Range(0, d).Select(_ => scale * Sampling.Gaussian(rng)).ToArray()).ToArray();
    }

    /// <summary>GD from W₀ = scale·N(0, I) with step η for T steps; the loss at log-spaced checkpoints (≈ 20 per decade).</summary>
    /// <param name="observe">Called after every step with the step number and the students (read-only use; the phase measurements).</param>
    public static TeacherStudentRun Run(int d, int m, int k, double eta, long steps, int seed, double initScale = 1e-3, CancellationToken cancel = default, Action<long, double[][]>? observe = null)
    {
        Validate(d, m, eta, steps);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var v = OrthonormalTeachers(d, k);
        var w = InitialStudents(d, m, seed, initScale);
        var curve = new List<LossPoint> { new(0, Loss(w, v)) };
        long next = 1;
        for (long t = 1; t <= steps; t++)
        {
            if ((t & 1023) == 0) cancel.ThrowIfCancellationRequested();
            var g = Gradient(w, v);
            for (int j = 0; j < m; j++) for (int i = 0; i < d; i++) w[j][i] -= eta * g[j][i];
            observe?.Invoke(t, w);
            if (t == next || t == steps)
            {
                double l = Loss(w, v);
                if (!double.IsFinite(l)) throw new ArithmeticException($"teacher–student GD diverged at step {t} (η = {eta})");
                curve.Add(new LossPoint(t, l));
                next = Math.Max(t + 1, (long)Math.Ceiling(t * Math.Pow(10, 0.05)));
            }
        }
        return new TeacherStudentRun(curve, w, v, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The log-log slope of L(T) between the checkpoints nearest <paramref name="from"/> and <paramref name="to"/> (OLS over the points between).</summary>
    public static ExponentFit Slope(TeacherStudentRun run, long from, long to)
    {
        var pts = run.Curve.Where(p => p.Step >= from && p.Step <= to && p.Loss > 0).ToArray();
        return ExponentFits.LogLog(pts.Select(p => (double)p.Step).ToArray(), pts.Select(p => p.Loss).ToArray());
    }

    /// <summary>
    /// The closed-form population loss of the student f(x) = Σ_j a_j σ(⟨w_j, x⟩) with trainable output weights against the
    /// teachers: L = ½[Σ a_j a_j′ κ(w_j, w_j′) − 2Σ a_j κ(w_j, v_i) + Σ κ(v_i, v_i′)].
    /// </summary>
    public static double Loss(double[] a, double[][] w, double[][] v)
    {
        double s = 0;
        for (int j = 0; j < w.Length; j++) for (int l = 0; l < w.Length; l++) s += a[j] * a[l] * Kappa(w[j], w[l]);
        for (int j = 0; j < w.Length; j++) foreach (var b in v) s -= 2 * a[j] * Kappa(w[j], b);
        foreach (var x in v) foreach (var b in v) s += Kappa(x, b);
        return s / 2;
    }

    /// <summary>
    /// ∂L/∂a_j = Σ_l a_l κ(w_j, w_l) − Σ_i κ(w_j, v_i) and ∂L/∂w_j = a_j[Σ_{l≠j} a_l ∇κ(w_j, w_l) + a_j w_j/2 − Σ_i ∇κ(w_j, v_i)]
    /// (the l = j term of ½ΣΣ is a_j²κ(w_j, w_j)/2 = a_j²‖w_j‖²/4, whose gradient in w_j is a_j² w_j/2).
    /// </summary>
    public static (double[] A, double[][] W) Gradient(double[] a, double[][] w, double[][] v)
    {
        int m = w.Length;
        var ga = new double[m];
        var gw = w.Select(r => new double[r.Length]).ToArray();
        for (int j = 0; j < m; j++)
        {
            for (int l = 0; l < m; l++) ga[j] += a[l] * Kappa(w[j], w[l]);
            foreach (var b in v) ga[j] -= Kappa(w[j], b);
            for (int l = 0; l < m; l++)
            {
                if (l == j) { for (int t = 0; t < w[j].Length; t++) gw[j][t] += a[j] * a[j] * w[j][t] / 2; }
                else AddGradKappa(w[j], w[l], a[j] * a[l], gw[j]);
            }
            foreach (var b in v) AddGradKappa(w[j], b, -a[j], gw[j]);
        }
        return (ga, gw);
    }

    /// <summary>
    /// GD with trainable output weights from W₀ = <paramref name="initScale"/>·N(0, I) and a₀ = <paramref name="outputInit"/>
    /// (a constant; null: a₀_j = ‖w₀_j‖, exactly balanced) for T steps. Along the way it accumulates, per neuron, the
    /// discrete drift of the balance δ_j = a_j² − ‖w_j‖²: one step changes δ_j by exactly η²(g_{a_j}² − ‖g_{w_j}‖²), because
    /// the loss is 1-homogeneous in each w_j, so a_j·g_{a_j} = ⟨w_j, g_{w_j}⟩ and the first-order terms cancel; gradient flow
    /// conserves δ_j. Also the smallest per-step decrease ratio (L_t − L_{t+1})/(η‖g_t‖²/2) (≥ 1 means every step met the
    /// descent condition).
    /// </summary>
    /// <param name="observe">Called after every step with the step number, a and the students (read-only use; the phase measurements).</param>
    public static BalancedRun RunWithOutputWeights(int d, int m, int k, double eta, long steps, int seed, double initScale = 1e-3, double? outputInit = null, CancellationToken cancel = default,
        Action<long, double[], double[][]>? observe = null)
    {
        Validate(d, m, eta, steps);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var v = OrthonormalTeachers(d, k);
        var w = InitialStudents(d, m, seed, initScale);
        var a = w.Select(r => outputInit ?? Norm(r)).ToArray();
        var delta0 = a.Select((x, j) => x * x - Dot(w[j], w[j])).ToArray();
        var predicted = new double[m];
        double loss = Loss(a, w, v), loss0 = loss, minDescent = double.PositiveInfinity, sumSquares = 0;
        var curve = new List<LossPoint> { new(0, loss) };
        long next = 1;
        for (long t = 1; t <= steps; t++)
        {
            if ((t & 1023) == 0) cancel.ThrowIfCancellationRequested();
            var (ga, gw) = Gradient(a, w, v);
            double g2 = 0;
            for (int j = 0; j < m; j++)
            {
                double gwj = Dot(gw[j], gw[j]);
                predicted[j] += eta * eta * (ga[j] * ga[j] - gwj);
                g2 += ga[j] * ga[j] + gwj;
                a[j] -= eta * ga[j];
                for (int i = 0; i < d; i++) w[j][i] -= eta * gw[j][i];
            }
            observe?.Invoke(t, a, w);
            sumSquares += eta * eta * g2;
            double after = Loss(a, w, v);
            if (!double.IsFinite(after)) throw new ArithmeticException($"teacher–student GD diverged at step {t} (η = {eta})");
            if (g2 > 1e-300) minDescent = Math.Min(minDescent, (loss - after) / (eta * g2 / 2));
            loss = after;
            if (t == next || t == steps)
            {
                curve.Add(new LossPoint(t, loss));
                next = Math.Max(t + 1, (long)Math.Ceiling(t * Math.Pow(10, 0.05)));
            }
        }
        var delta = a.Select((x, j) => x * x - Dot(w[j], w[j])).ToArray();
        return new BalancedRun(curve, a, w, v, delta0, delta, predicted, sumSquares, loss0, minDescent, clock.Elapsed.TotalSeconds);
    }
}

/// <summary>
/// One checkpoint of a finite-sample run: the step, the population loss (closed form) and the empirical loss on the samples,
/// both as ½·mean squared error.
/// </summary>
public readonly record struct SamplePoint(long Step, double Population, double Empirical);

/// <summary>
/// Gradient descent on n Gaussian samples instead of the population: the same students, teachers, initialisation and step
/// (the empirical loss ½·mean (f − f*)² has the population loss as its expectation), with the closed-form population loss
/// recorded at log-spaced checkpoints.
/// </summary>
public static class FiniteSampleTeacherStudent
{
    /// <summary>GD with step η on the empirical loss of n samples x ~ N(0, I_d) (sample seed <paramref name="sampleSeed"/>), labels f*(x), no noise.</summary>
    public static IReadOnlyList<SamplePoint> Run(int d, int m, int k, int n, double eta, long steps, int seed, int sampleSeed, double initScale = 1e-3, CancellationToken cancel = default)
    {
        if (n < 1 || n > 1_000_000) throw new ArgumentOutOfRangeException(nameof(n), $"need 1 ≤ n ≤ 1e6, got {n}");
        TeacherStudent.Validate(d, m, eta, steps);
        var v = TeacherStudent.OrthonormalTeachers(d, k);
        var sampler = new Random(sampleSeed);
        var x = new double[n * d];
        for (int i = 0; i < x.Length; i++) x[i] = Sampling.Gaussian(sampler);
        var y = new double[n];
        for (int r = 0; r < n; r++) foreach (var t in v) y[r] += Math.Max(0, TeacherStudent.Dot(t, x.AsSpan(r * d, d)));
        var data = new Dataset(n, d, x, y);
        var arch = new SumOfRelus(d, m);
        var theta = TeacherStudent.InitialStudents(d, m, seed, initScale).SelectMany(r => r).ToArray();
        var grad = new double[theta.Length];
        var curve = new List<SamplePoint>();
        // The architecture's loss is mean (f − y)², twice the ½-loss: a step of η/2 on it is a step of η on the ½-loss.
        void Record(long t, double mse) => curve.Add(new SamplePoint(t, TeacherStudent.Loss(Students(theta, m, d), v), mse / 2));
        Record(0, arch.Loss(theta, data, ReadOnlySpan<int>.Empty, Span<double>.Empty));
        long next = 1;
        for (long t = 1; t <= steps; t++)
        {
            if ((t & 255) == 0) cancel.ThrowIfCancellationRequested();
            Array.Clear(grad);
            arch.Loss(theta, data, ReadOnlySpan<int>.Empty, grad);
            for (int i = 0; i < theta.Length; i++) theta[i] -= eta / 2 * grad[i];
            if (t == next || t == steps)
            {
                double mse = arch.Loss(theta, data, ReadOnlySpan<int>.Empty, Span<double>.Empty);
                if (!double.IsFinite(mse)) throw new ArithmeticException($"finite-sample GD diverged at step {t} (η = {eta})");
                Record(t, mse);
                next = Math.Max(t + 1, (long)Math.Ceiling(t * Math.Pow(10, 0.05)));
            }
        }
        return curve;
    }

    static double[][] Students(double[] theta, int m, int d) => Enumerable.Range(0, m).Select(j => theta.AsSpan(j * d, d).ToArray()).ToArray();
}

/// <summary>
/// A teacher–student run with trainable output weights: the loss curve, the end state (a, W), the balances
/// δ_j = a_j² − ‖w_j‖² at the start and the end, the accumulated per-step drift Σ_t η²(g_a² − ‖g_w‖²) per neuron, the
/// total η²Σ‖g_t‖², the initial loss and the smallest descent ratio of any step.
/// </summary>
public sealed record BalancedRun(IReadOnlyList<LossPoint> Curve, double[] A, double[][] W, double[][] Teachers, double[] DeltaStart, double[] DeltaEnd,
    double[] PredictedDrift, double SumSquaredSteps, double InitialLoss, double MinDescentRatio, double Seconds)
{
    /// <summary>The last recorded loss.</summary>
    public double FinalLoss => Curve[^1].Loss;
}
