using MathNet.Numerics.LinearAlgebra;
using NetClaims.LinearLayers;
using NetClaims.Training;

namespace NetClaims.Properties.Pow23;

/// <summary>
/// One student trained towards an R_L-minimal interpolant and what §3.6–3.7 need of it: the train MSE, the trained cost,
/// the balanced cost of the same function, the singular values of the virtual matrix, its path norm, and the teacher's
/// path norm (an exact interpolant of index rank r, so the competitor of the decay bound's premise).
/// </summary>
public sealed record RlStudent(int R, int L, int DataSeed, int Restart, double TrainMse, double TrainedCost, double BalancedCost,
    double[] SingularValues, double Path, double TeacherPath, DeepLinearRelu Net)
{
    /// <summary>q = 2/(L − 1), the Schatten exponent of the virtual matrix in R_L.</summary>
    public double Q => 2.0 / (L - 1);

    /// <summary>The premise's competitor r^{(L−2)/L}·P_r^{2/L} ≥ R_L(teacher) (§3.6 upper bound with R_2(teacher) ≤ its path norm).</summary>
    public double Competitor => Math.Pow(R, (L - 2.0) / L) * Math.Pow(TeacherPath, 2.0 / L);

    /// <summary>
    /// The §3.7 decay bound at k (L ≥ 3): ((r·(P_r/P̂)^{2/(L−2)} − 1)/k)^{(L−1)/2}, the seed's form with A_r = (J_r/J)^{(L−1)/(L−2)}
    /// after J_r ≤ P_r (the teacher interpolates) and J ≤ R_2(f̂) ≤ P̂ (see <see cref="RlInterpolants"/>).
    /// </summary>
    public double DecayBound(int k) => Math.Pow(Math.Max(0, (R * Math.Pow(TeacherPath / Path, 2.0 / (L - 2)) - 1) / k), (L - 1) / 2.0);
}

/// <summary>
/// R_L-minimal interpolants approximated the paper's way (docs/pow23.md §3.6–3.8): students with L − 1 linear layers, a ReLU
/// and a linear output, trained by Adam with coupled weight decay λ on the weight matrices (decay on throughout, so the
/// fixed points are those of MSE + (λ/2)Σ‖W_ℓ‖²; LR ×0.1 for the last tenth) on noise-free labels of a rank-r teacher.
/// <para>
/// The balanced cost. Training leaves the representation unbalanced (‖a‖² ≈ 0.5–0.8·S after 1 000 epochs, where
/// S = Σσ_i^{2/(L−1)} of the virtual matrix W: the rescaling directions contract at rate ≈ λ·lr, far too slowly).
/// Rescaling (a, W) → (a/t, tW) with b → tb keeps the function, and the best t gives (‖a‖₂·‖W‖_{S_q})^{2/L} ≤ the trained
/// cost (§3.3, weighted AM–GM), with ‖a/t‖² = S_t exactly, which is the balance the proof of §3.7 needs.
/// </para>
/// <para>
/// The decay bound's chain, on that representation (§3.7, [DER]): P̂ := Σ|a_k|‖w_k‖ ≤ ‖a‖‖W‖_F ≤ S_t·σ_1^{(L−2)/(L−1)} (balance,
/// ‖W‖_F² ≤ σ_1^{2−q}S_t), and σ_1^q + kσ_{k+1}^q ≤ S_t (counting), so σ_{k+1}/σ_1 ≤ ((S_t^{L/(L−2)}/P̂^{2/(L−2)} − 1)/k)^{1/q}
/// for every balanced representation; an R_L-minimal interpolant also has S_t ≤ R_L(teacher) ≤ r^{(L−2)/L}P_r^{2/L}, which
/// turns the bound into the theorem's ((r·(P_r/P̂)^{2/(L−2)} − 1)/k)^{(L−1)/2}. The premise is the only step training can
/// miss; the claims check it and the bound separately.
/// </para>
/// </summary>
public static class RlInterpolants
{
    /// <summary>Trains one student (float32 trainer) and measures it. The data depend on <paramref name="dataSeed"/> only; <paramref name="restart"/> changes the initialisation and the minibatch order.</summary>
    public static RlStudent Train(int d, int r, int n, int width, int l, double lambda, int epochs, int dataSeed, int restart, double sigmaFloor = 0)
    {
        var (train, _, _, teacher) = PowExperiment.DataWithTeacher(d, r, n, 16, dataSeed, sigmaFloor);
        var arch = new DeepLinearReluArchitecture(d, width, l);
        int tailFrom = PowSchedule.Scaled.TailFrom(epochs); // LR ×0.1 for the last tenth; decay stays on (no DecayOffFrom)
        int seed = unchecked(dataSeed * 7919 + restart * 104729 + 17);
        var options = new TrainOptions
        {
            Optimizer = OptimizerKind.Adam, LearningRate = 1e-3, BatchSize = 64, Epochs = epochs, WeightDecay = lambda,
            LrMilestones = [tailFrom], LrGamma = 0.1, Seed = seed,
        };
        var run = DeepFloatTrainer.Train(arch, arch.Initialize(seed), train, options);
        double mse = Enumerable.Range(0, train.N).Average(i => Math.Pow(arch.Evaluate(run.Theta, train.Row(i)) - train.Y[i], 2));
        return Measure(arch.ToNetwork(run.Theta), r, dataSeed, restart, mse, teacher.Path);
    }

    /// <summary>
    /// What the claims need of a network (trained or not): the spectrum of its virtual matrix W, its balanced cost
    /// (‖a‖₂·‖W‖_{S_q})^{2/L} with q = 2/(L − 1), and its path norm Σ|a_k|‖w_k‖₂.
    /// </summary>
    public static RlStudent Measure(DeepLinearRelu net, int r, int dataSeed, int restart, double trainMse, double teacherPath)
    {
        int l = net.L;
        var w = net.Virtual;
        double q = 2.0 / (l - 1);
        var sv = w.Svd(computeVectors: false).S.ToArray();
        double s = sv.Sum(x => Math.Pow(x, q));
        double balanced = Math.Pow(net.A.L2Norm() * Math.Pow(s, 1 / q), 2.0 / l);
        double path = Enumerable.Range(0, net.A.Count).Sum(k => Math.Abs(net.A[k]) * w.Row(k).L2Norm());
        return new RlStudent(r, l, dataSeed, restart, trainMse, net.Cost, balanced, sv, path, teacherPath, net);
    }

    /// <summary>
    /// Ordinary least squares of y on x: intercept, slope and the intercept's standard error (n − 2 degrees of freedom).
    /// </summary>
    public static (double Intercept, double Slope, double InterceptSe) Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int n = x.Count;
        if (n < 3 || y.Count != n) throw new ArgumentException("a line through fewer than 3 points has no error estimate");
        double mx = x.Average(), my = y.Average();
        double sxx = x.Sum(v => (v - mx) * (v - mx)), sxy = Enumerable.Range(0, n).Sum(i => (x[i] - mx) * (y[i] - my));
        double slope = sxy / sxx, intercept = my - slope * mx;
        double rss = Enumerable.Range(0, n).Sum(i => Math.Pow(y[i] - intercept - slope * x[i], 2));
        double se = Math.Sqrt(rss / (n - 2) * (1.0 / n + mx * mx / sxx));
        return (intercept, slope, se);
    }
}
