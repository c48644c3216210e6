using MathNet.Numerics.LinearAlgebra;
using NetClaims.Statistics;

using NetClaims.Training;

namespace NetClaims.Properties.Pow23;

/// <summary>One trained student of the Parkinson–Ongie–Willett experiment and what was measured on it.</summary>
public sealed record PowStudent(int L, double TrainMse, double TestMse, double[] GradientSingularValues, int EffectiveIndexRank, double AngleDegrees,
    LinearLayers.DeepLinearRelu Net, double Seconds)
{
    /// <summary>Out-of-distribution MSE: on 512 inputs from U[−1, 1]^d (training is on U[−½, ½]^d), standardised labels.</summary>
    public double OodMse { get; init; }

    /// <summary>The trained parameters' weight-decay cost (1/L)(‖a‖² + Σ‖W_ℓ‖_F²).</summary>
    public double Cost => Net.Cost;
}

/// <summary>
/// A training schedule for the students: Adam at <paramref name="LearningRate"/> (batch 64), then LR ×0.1 and weight decay
/// off for the last <paramref name="TailEpochs"/> epochs (null: the last tenth).
/// </summary>
public sealed record PowSchedule(string Name, double LearningRate, int? TailEpochs)
{
    /// <summary>The scaled runs' schedule: lr 1e-3, the last tenth at ×0.1 without decay (few epochs need a larger step).</summary>
    public static PowSchedule Scaled { get; } = new("scaled", 1e-3, null);

    /// <summary>The recipe's ([SRC:code]): lr 1e-4, ×0.1 and decay off for the last 100 epochs; a run of E epochs is the recipe's first E − 100 epochs followed by its tail.</summary>
    public static PowSchedule Paper { get; } = new("paper", 1e-4, 100);

    /// <summary>The epoch from which the tail (LR ×0.1, no decay) runs.</summary>
    public int TailFrom(int epochs) => epochs - Math.Clamp(TailEpochs ?? Math.Max(1, epochs / 10), 1, Math.Max(1, epochs - 1));
}

/// <summary>
/// The paper's experiment recipe, scaled down (it lives with the paper's claims, not in the learning library): §3.8 ([SRC:code] recipe): a multi-index teacher f(x) = g(Vᵀx), g(z) =
/// Aᵀσ(UΣz + B) with k = d + 1 hidden units, V ∈ R^{d×r} orthonormal; inputs x ~ U[−½, ½]^d; students with L − 1 linear
/// layers + ReLU + linear output, trained by Adam with coupled weight decay on the weight matrices, LR ×0.1 and decay
/// off for the last tenth of the epochs (the recipe's last 100 of 60 100). Deviations, stated: labels are standardised
/// (zero mean, unit variance; the recipe's Σ = 100·rand gives outputs of O(10²)), and the sizes are this machine's
/// (d = 10, n = 256, width 32, a few hundred epochs) instead of d = 20, n ≤ 2048, width 1000, 60 100 epochs.
/// Measured: the singular values of the input-gradient matrix on test points (normalised by the largest), the effective
/// index rank (#σ_i/σ_1 &gt; 0.05), and the largest principal angle between the top-r right singular vectors and V.
/// </summary>
public static class PowExperiment
{
    public const double RankThreshold = 0.05;

    /// <summary>
    /// The teacher in the standardised units the students see, as a two-layer representation f(x) = aᵀσ(Wx + b) + c with
    /// W = UΣVᵀ (k × d, rank r): an exact interpolant of the noise-free training labels, so a competitor for R_L.
    /// </summary>
    public sealed record TeacherRep(Matrix<double> W, double[] A, double[] B, double C, Matrix<double> V)
    {
        /// <summary>Σ_h |a_h|·‖w_h‖₂, an upper bound on R_2 of the teacher (and so on J_r, the least R_2 of a rank-r interpolant).</summary>
        public double Path => Enumerable.Range(0, A.Length).Sum(h => Math.Abs(A[h]) * W.Row(h).L2Norm());

        public double Evaluate(double[] x)
        {
            var pre = W * Vector<double>.Build.DenseOfArray(x);
            double f = C;
            for (int h = 0; h < A.Length; h++) f += A[h] * Math.Max(0, pre[h] + B[h]);
            return f;
        }
    }

    /// <summary>Training and test sets on U[−½, ½]^d, an out-of-distribution set on U[−1, 1]^d (drawn last, so the others do not depend on it), and V.</summary>
    public static (Dataset Train, Dataset Test, Dataset Ood, Matrix<double> V) Data(int d, int r, int n, int nTest, int seed)
    {
        var (train, test, ood, teacher) = DataWithTeacher(d, r, n, nTest, seed);
        return (train, test, ood, teacher.V);
    }

    /// <summary><see cref="Data"/> with the teacher's standardised representation.</summary>
    /// <param name="sigmaFloor">The teacher's singular values are 100·U[floor, 1] (the recipe's 100·rand is floor 0; a floor keeps a rank-r teacher from being nearly rank r − 1).</param>
    public static (Dataset Train, Dataset Test, Dataset Ood, TeacherRep Teacher) DataWithTeacher(int d, int r, int n, int nTest, int seed, double sigmaFloor = 0)
    {
        if (!(sigmaFloor >= 0 && sigmaFloor < 1)) throw new ArgumentOutOfRangeException(nameof(sigmaFloor), "need 0 ≤ floor < 1");
        if (r < 1 || r > d) throw new ArgumentOutOfRangeException(nameof(r), $"need 1 ≤ r ≤ d, got r={r}, d={d}");
        var rng = new Random(seed);
        int k = d + 1;
        Matrix<double> Orthonormal(int rows, int cols) => Matrix<double>.Build.Dense(rows, cols, (_, _) => Sampling.Gaussian(rng)).QR().Q.SubMatrix(0, rows, 0, cols);
        var u = Orthonormal(k, r);
        var sigma = Enumerable.Range(0, r).Select(_ => 100 * (sigmaFloor + (1 - sigmaFloor) * rng.NextDouble())).ToArray();
        var v = Orthonormal(d, r);
        var a = Enumerable.Range(0, k).Select(_ => Sampling.Gaussian(rng)).ToArray();
        var b = Enumerable.Range(0, k).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var w = u * Matrix<double>.Build.DiagonalOfDiagonalArray(sigma) * v.Transpose();
        var raw = new TeacherRep(w, a, b, 0, v);
        double[][] Inputs(int count) => Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, d).Select(_ => rng.NextDouble() - 0.5).ToArray()).ToArray();
        var xtr = Inputs(n);
        var xte = Inputs(nTest);
        var xood = Inputs(nTest).Select(x => x.Select(t => 2 * t).ToArray()).ToArray();
        var ytr = xtr.Select(raw.Evaluate).ToArray();
        double mean = ytr.Average(), sd = Math.Sqrt(ytr.Sum(t => (t - mean) * (t - mean)) / n);
        if (!(sd > 0)) sd = 1;
        var teacher = raw with { A = a.Select(x => x / sd).ToArray(), C = -mean / sd };
        Dataset Labelled(double[][] x) => Dataset.Of(x, x.Select(teacher.Evaluate).ToArray());
        return (Labelled(xtr), Labelled(xte), Labelled(xood), teacher);
    }

    /// <param name="float32">Train with the float32 blocked trainer (<see cref="DeepFloatTrainer"/>) instead of the float64 reference; the claims keep the reference, on which their bands were piloted.</param>
    /// <param name="schedule">The learning-rate schedule (default <see cref="PowSchedule.Scaled"/>).</param>
    public static PowStudent Train(int d, int r, int n, int width, int depth, double lambda, int epochs, int seed, IProgress<EpochProgress>? progress = null, bool float32 = false, CancellationToken cancel = default, PowSchedule? schedule = null)
    {
        schedule ??= PowSchedule.Scaled;
        var (train, test, ood, v) = Data(d, r, n, 512, seed);
        var arch = new DeepLinearReluArchitecture(d, width, depth);
        int tailFrom = schedule.TailFrom(epochs);
        var options = new TrainOptions
        {
            Optimizer = OptimizerKind.Adam, LearningRate = schedule.LearningRate, BatchSize = 64, Epochs = epochs, WeightDecay = lambda,
            LrMilestones = [tailFrom], LrGamma = 0.1, DecayOffFrom = tailFrom, Seed = seed,
        };
        var run = float32 ? DeepFloatTrainer.Train(arch, arch.Initialize(seed), train, options, progress, cancel) : CpuTrainer.Train(arch, arch.Initialize(seed), train, options, progress, cancel);
        var net = arch.ToNetwork(run.Theta);
        double Mse(Dataset set) => Enumerable.Range(0, set.N).Average(i => Math.Pow(arch.Evaluate(run.Theta, set.Row(i)) - set.Y[i], 2));
        double testMse = Mse(test);
        // Input gradients of the trained net: ∇f(x) = Wᵀ(a ⊙ 1[Wx + b > 0]) with W the virtual matrix W_{L−1}⋯W₁.
        var w = net.Virtual;
        var g = Matrix<double>.Build.Dense(test.N, d);
        for (int i = 0; i < test.N; i++)
        {
            var x = Vector<double>.Build.DenseOfArray(test.Row(i).ToArray());
            var pre = w * x + net.B;
            var active = Vector<double>.Build.Dense(width, k => pre[k] > 0 ? net.A[k] : 0);
            g.SetRow(i, w.TransposeThisAndMultiply(active));
        }
        var svd = g.Svd(true);
        var s = svd.S.ToArray();
        var normalised = s.Select(x => s[0] > 0 ? x / s[0] : 0).ToArray();
        var top = svd.VT.SubMatrix(0, r, 0, d).Transpose();
        double angle = LinearLayers.Egop.PrincipalAngleDegrees(top, v);
        return new PowStudent(depth, run.FinalLoss, testMse, normalised, normalised.Count(x => x > RankThreshold), angle, net, run.Seconds) { OodMse = Mse(ood) };
    }
}
