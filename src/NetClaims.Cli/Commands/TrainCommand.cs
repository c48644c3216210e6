using NetClaims.Properties.Pow23;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using NetClaims.Cube;
using NetClaims.Reports;
using NetClaims.Training;

namespace NetClaims.Cli.Commands;

/// <summary>
/// <c>netclaims train parity --d D --width M --weight-decay λ --steps T --seed S --device auto|cpu|ilgpu-cpu|cuda</c>:
/// trains a two-layer ReLU net on the full parity of {±1}^d and reports loss, cost, ‖g − χ‖₂ and the Theorem 6 bound.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var d = new Option<int>("--d") { Description = "Dimension d (2…14; all 2^d vertices are the training set)", Required = true };
        var width = new Option<int>("--width") { Description = "Hidden units", DefaultValueFactory = _ => 64 };
        var wd = new Option<double>("--weight-decay") { Description = "Weight decay λ on W and a (coupled, PyTorch's weight_decay)", DefaultValueFactory = _ => 1e-4 };
        var decoupled = new Option<bool>("--decoupled") { Description = "Decoupled weight decay (AdamW style)" };
        var steps = new Option<int>("--steps") { Description = "Epochs (one step each for full-batch GD)", DefaultValueFactory = _ => 2000 };
        var lr = new Option<double>("--lr") { Description = "Learning rate", DefaultValueFactory = _ => 0.01 };
        var optimizer = new Option<string>("--optimizer") { Description = "gd, sgd or adam", DefaultValueFactory = _ => "adam" };
        var batch = new Option<int>("--batch") { Description = "Minibatch size (sgd, adam)", DefaultValueFactory = _ => 64 };
        var seed = new Option<int>("--seed") { Description = "Seed of the init and the shuffles", DefaultValueFactory = _ => 1 };
        var device = new Option<string>("--device") { Description = "auto (CUDA if present, else cpu), cpu (float32 SIMD), cpu-f64 (the float64 reference), ilgpu-cpu or cuda", DefaultValueFactory = _ => "auto" };
        var format = Cli.Format();
        var parity = new Command("parity", "Train a two-layer ReLU net on the parity of {±1}^d and measure it against Theorem 6")
        {
            d, width, wd, decoupled, steps, lr, optimizer, batch, seed, device, format,
        };
        parity.SetAction(p => Cli.WithUserValues(() => Parity(p.GetValue(d), p.GetValue(width), new TrainOptions
        {
            WeightDecay = p.GetValue(wd), Decoupled = p.GetValue(decoupled), Epochs = p.GetValue(steps), LearningRate = p.GetValue(lr),
            Optimizer = ParseOptimizer(p.GetValue(optimizer)!), BatchSize = p.GetValue(batch), Seed = p.GetValue(seed),
        }, ParseDevice(p.GetValue(device)!), p.GetValue(format)!)));
        var tsD = new Option<int>("--d") { Description = "Input dimension", DefaultValueFactory = _ => 4 };
        var tsM = new Option<int>("--m") { Description = "Student width", DefaultValueFactory = _ => 4 };
        var tsK = new Option<int>("--k") { Description = "Teachers (orthonormal e₁…e_k)", DefaultValueFactory = _ => 2 };
        var tsSteps = new Option<long>("--steps") { Description = "GD steps on the closed-form population loss", DefaultValueFactory = _ => 100_000 };
        var tsLr = new Option<double>("--lr") { Description = "Step size η", DefaultValueFactory = _ => 0.1 };
        var tsSeed = new Option<int>("--seed") { Description = "Init seed (W₀ = 1e-3·N(0, I))", DefaultValueFactory = _ => 1 };
        var tsFormat = Cli.Format();
        var ts = new Command("teacher-student", "Gradient descent on the Gaussian population loss of a sum-of-ReLUs student against k ReLU teachers")
        {
            tsD, tsM, tsK, tsSteps, tsLr, tsSeed, tsFormat,
        };
        ts.SetAction(p => Cli.WithUserValues(() => TeacherStudentRun(p.GetValue(tsD), p.GetValue(tsM), p.GetValue(tsK), p.GetValue(tsSteps), p.GetValue(tsLr), p.GetValue(tsSeed), p.GetValue(tsFormat)!)));
        var powD = new Option<int>("--d") { Description = "Input dimension", DefaultValueFactory = _ => 10 };
        var powR = new Option<int>("--rank") { Description = "Teacher index rank r", DefaultValueFactory = _ => 1 };
        var powN = new Option<int>("--n") { Description = "Training points", DefaultValueFactory = _ => 256 };
        var powWidth = new Option<int>("--width") { Description = "Student width", DefaultValueFactory = _ => 32 };
        var powL = new Option<string>("--L") { Description = "Depths, comma-separated (L − 1 linear layers + ReLU)", DefaultValueFactory = _ => "2,3,4,5" };
        var powWd = new Option<double>("--weight-decay") { Description = "Coupled weight decay λ", DefaultValueFactory = _ => 1e-3 };
        var powEpochs = new Option<int>("--steps") { Description = "Epochs of Adam", DefaultValueFactory = _ => 300 };
        var powSeed = new Option<int>("--seed") { Description = "Data, teacher and init seed", DefaultValueFactory = _ => 1 };
        var powDevice = new Option<string>("--device") { Description = "cpu (the float32 blocked trainer) or cpu-f64 (the float64 reference the claims use)", DefaultValueFactory = _ => "cpu" };
        var powSchedule = new Option<string>("--schedule") { Description = "scaled (lr 1e-3, last tenth at ×0.1 without decay) or paper (lr 1e-4, last 100 epochs at ×0.1 without decay)", DefaultValueFactory = _ => "scaled" };
        var powFormat = Cli.Format();
        var pow = new Command("pow", "The scaled-down Parkinson–Ongie–Willett experiment: students of several depths on a multi-index teacher")
        {
            powD, powR, powN, powWidth, powL, powWd, powEpochs, powSeed, powDevice, powSchedule, powFormat,
        };
        pow.SetAction(p => Cli.WithUserValues(() => Pow(p.GetValue(powD), p.GetValue(powR), p.GetValue(powN), p.GetValue(powWidth), p.GetValue(powL)!, p.GetValue(powWd), p.GetValue(powEpochs), p.GetValue(powSeed), p.GetValue(powDevice)!, p.GetValue(powSchedule)!, p.GetValue(powFormat)!)));
        return new Command("train", "Train networks with the built-in CPU or ILGPU trainers") { parity, pow, ts };
    }

    static int Pow(int d, int r, int n, int width, string depths, double lambda, int epochs, int seed, string device, string scheduleName, string format) => Cancellable(cancel =>
    {
        var schedule = scheduleName switch { "scaled" => PowSchedule.Scaled, "paper" => PowSchedule.Paper, _ => throw new UsageException($"--schedule must be scaled or paper, not '{scheduleName}'") };
        if (epochs < 1) throw new UsageException($"--steps must be at least 1, got {epochs}");
        bool float32 = device switch { "cpu" => true, "cpu-f64" => false, _ => throw new UsageException($"--device must be cpu or cpu-f64, not '{device}'") };
        if (d < 1 || d > 200 || n < 1 || n > 100_000 || width < 1 || width > 4096) throw new SizeRefusedException($"need 1 ≤ d ≤ 200, 1 ≤ n ≤ 100000, 1 ≤ width ≤ 4096; got d={d}, n={n}, width={width}");
        var ls = depths.Split(',', StringSplitOptions.TrimEntries).Select(t => int.TryParse(t, out var l) && l is >= 2 and <= 12 ? l : throw new UsageException($"--L: '{t}' is not a depth in 2…12")).ToArray();
        MemoryBudget.Require(MemoryBudget.Reference(new DeepLinearReluArchitecture(d, width, ls.Max()).ParameterCount, d, 2L * n), $"the depth-{ls.Max()} student of width {width}");
        var rows = new JsonArray();
        var lines = new List<string>();
        foreach (var l in ls)
        {
            var s = PowExperiment.Train(d, r, n, width, l, lambda, epochs, seed, EpochLines($"L={l}: ", TimeSpan.FromSeconds(5)), float32, cancel, schedule);
            Console.Error.WriteLine($"  L={l}: test MSE {s.TestMse:G3} ({s.Seconds:F1} s)");
            rows.Add(new JsonObject
            {
                ["L"] = l, ["train_mse"] = s.TrainMse, ["test_mse"] = s.TestMse, ["ood_mse"] = s.OodMse, ["effective_index_rank"] = s.EffectiveIndexRank,
                ["angle_degrees"] = s.AngleDegrees, ["cost"] = s.Cost, ["seconds"] = Math.Round(s.Seconds, 3),
                ["gradient_singular_values"] = new JsonArray(s.GradientSingularValues.Select(v => (JsonNode)v).ToArray()),
            });
            lines.Add($"L={l}: test MSE {s.TestMse:G3}, out-of-distribution MSE {s.OodMse:G3}, effective index rank {s.EffectiveIndexRank}, angle {s.AngleDegrees:F2}°, σ/σ₁ = {string.Join(", ", s.GradientSingularValues.Take(4).Select(v => v.ToString("F3", CultureInfo.InvariantCulture)))}");
        }
        var json = new JsonObject { ["d"] = d, ["rank"] = r, ["n"] = n, ["width"] = width, ["weight_decay"] = lambda, ["epochs"] = epochs, ["schedule"] = schedule.Name, ["learning_rate"] = schedule.LearningRate, ["seed"] = seed, ["device"] = float32 ? DeepFloatTrainer.DeviceName : CpuTrainer.DeviceName, ["students"] = rows };
        Console.WriteLine(format == "json" ? json.ToJsonString(RunReport.JsonOptions) : string.Join(Environment.NewLine, lines));
        return Cli.Ok;
    });

    static int TeacherStudentRun(int d, int m, int k, long steps, double lr, int seed, string format) => Cancellable(cancel =>
    {
        var r = TeacherStudent.Run(d, m, k, lr, steps, seed, cancel: cancel);
        var al = r.Alignment();
        double? slope = steps >= 1000 ? TeacherStudent.Slope(r, steps * 3 / 10, steps).Estimate : null;
        var json = new JsonObject
        {
            ["d"] = d, ["m"] = m, ["k"] = k, ["steps"] = steps, ["lr"] = lr, ["seed"] = seed, ["final_loss"] = r.FinalLoss,
            ["slope_last_half_decade"] = slope, ["min_cosine"] = al.Min(a => a.Cosine),
            ["groups"] = new JsonArray(al.Select(a => (JsonNode)a.Teacher).ToArray()),
            ["curve"] = new JsonArray(r.Curve.Where((_, i) => i % 10 == 0 || i == r.Curve.Count - 1).Select(p => (JsonNode)new JsonObject { ["step"] = p.Step, ["loss"] = p.Loss }).ToArray()),
            ["seconds"] = Math.Round(r.Seconds, 3), ["device"] = "cpu",
        };
        Console.WriteLine(format == "json" ? json.ToJsonString(RunReport.JsonOptions)
            : $"teacher-student d={d} m={m} k={k}: L({steps}) = {r.FinalLoss:G4}{(slope is null ? "" : $", log-log slope over the last half-decade {slope:F3}")}; min cos to a teacher {al.Min(a => a.Cosine):F6}; {r.Seconds:F1} s");
        return Cli.Ok;
    });

    // Plain progress lines on stderr at most every `every`, and at the last epoch (stdout stays clean for JSON; safe when
    // not interactive): epoch, loss, elapsed time and the time left at the pace so far.
    static SyncProgress<EpochProgress> EpochLines(string prefix, TimeSpan every)
    {
        var clock = Stopwatch.StartNew();
        var throttle = new NetClaims.Claims.ProgressThrottle(every);
        return new SyncProgress<EpochProgress>(e =>
        {
            if (!throttle.Due(force: e.Epoch == e.Epochs)) return;
            double elapsed = clock.Elapsed.TotalSeconds, eta = elapsed * (e.Epochs - e.Epoch) / e.Epoch;
            Console.Error.WriteLine($"  {prefix}epoch {e.Epoch}/{e.Epochs}: loss {e.Loss.ToString("G4", CultureInfo.InvariantCulture)} ({elapsed:F1} s, about {eta:F0} s left)");
        });
    }

    static OptimizerKind ParseOptimizer(string s) => s switch
    {
        "gd" => OptimizerKind.Gd, "sgd" => OptimizerKind.Sgd, "adam" => OptimizerKind.Adam,
        _ => throw new UsageException($"--optimizer must be gd, sgd or adam, not '{s}'"),
    };

    static TrainDevice ParseDevice(string s) => s switch
    {
        "auto" => TrainDevice.Auto, "cpu" => TrainDevice.Cpu, "cpu-f64" => TrainDevice.CpuFloat64, "ilgpu-cpu" => TrainDevice.IlgpuCpu, "cuda" => TrainDevice.Cuda,
        _ => throw new UsageException($"--device must be auto, cpu, cpu-f64, ilgpu-cpu or cuda, not '{s}'"),
    };

    // Ctrl-C cancels the run (exit 130); a missing device is a one-line error (exit 2); a run whose loss stops being finite
    // diverged: it failed (exit 1, as README's exit-code table says), after whatever progress lines it printed.
    static int Cancellable(Func<CancellationToken, int> body)
    {
        using var interrupt = new Interrupt("stopping the training");
        try
        {
            return body(interrupt.Token);
        }
        catch (OperationCanceledException)
        {
            return Cli.Interrupted;
        }
        catch (DeviceUnavailableException e)
        {
            return Cli.Fail(e.Message);
        }
        catch (ArithmeticException e)
        {
            Console.Error.WriteLine($"netclaims: {e.Message.Split('\n')[0]}; try a smaller --lr");
            return Cli.ClaimFailed;
        }
    }

    static int Parity(int d, int width, TrainOptions options, TrainDevice device, string format) => Cancellable(cancel =>
    {
        var r = ParityTraining.Train(d, width, options, device, EpochLines("", TimeSpan.FromSeconds(2)), cancel);
        if (r.Diverged)
        {
            // Flagged in the output and the exit code; non-finite numbers are reported as null, never as ∞ or NaN.
            double? F(double x) => double.IsFinite(x) ? x : null;
            var flagged = new JsonObject { ["d"] = d, ["width"] = width, ["diverged"] = true, ["initial_loss"] = F(r.InitialLoss), ["final_loss"] = F(r.FinalLoss), ["epochs"] = r.Epochs, ["device"] = r.Device };
            Console.WriteLine(format == "json" ? flagged.ToJsonString(RunReport.JsonOptions) : $"parity d={d}, width {width}: DIVERGED after {r.Epochs} epochs (loss {r.InitialLoss:G4} → {r.FinalLoss:G4}); lower --lr");
            Console.Error.WriteLine($"netclaims: training diverged (loss {r.InitialLoss:G4} → {r.FinalLoss:G4}); try a smaller --lr");
            return Cli.ClaimFailed;
        }
        var json = new JsonObject
        {
            ["diverged"] = false,
            ["d"] = d, ["width"] = width, ["weight_decay"] = options.WeightDecay, ["optimizer"] = options.Optimizer.ToString().ToLowerInvariant(),
            ["epochs"] = r.Epochs, ["final_loss"] = r.FinalLoss, ["distance_to_parity"] = r.DistanceToParity, ["cost"] = r.Cost,
            ["stopped"] = r.Stopped, ["correlation"] = r.Correlation, ["rho_d"] = r.Rho, ["theorem6_bound"] = r.Close ? r.Theorem6Bound : null,
            ["theorem6_holds"] = r.Close ? r.Cost >= r.Theorem6Bound : null, ["seconds"] = Math.Round(r.Seconds, 3), ["device"] = r.Device,
        };
        string bound = r.Close ? $"Theorem 6 bound (1 − ‖g−χ‖)/ρ_d = {r.Theorem6Bound:G6} {(r.Cost >= r.Theorem6Bound ? "≤" : ">")} C(g)" : "‖g − χ‖₂ > 1/2: Theorem 6 does not apply";
        Console.WriteLine(format == "json" ? json.ToJsonString(RunReport.JsonOptions)
            : $"parity d={d}, width {width}, {r.Epochs} epochs{(r.Stopped ? $" (stopped by Ctrl-C; {options.Epochs} asked)" : "")} on {r.Device}: loss {r.FinalLoss:G4}, ‖g − χ‖₂ = {r.DistanceToParity:G4}, C(g) = {r.Cost:G6}; {bound}; {r.Seconds:F1} s");
        // A run stopped by Ctrl-C prints its partial result above and still exits 130.
        return r.Stopped ? Cli.Interrupted : Cli.Ok;
    });
}
