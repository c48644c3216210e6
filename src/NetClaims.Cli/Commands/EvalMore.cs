using NetClaims.Networks;
using System.Globalization;
using System.Text.Json.Nodes;
using NetClaims.Cube;
using NetClaims.Norms;
using NetClaims.Reports;

namespace NetClaims.Cli.Commands;

/// <summary>The non-construction objects of <c>netclaims eval</c>: ridge-cost of a direction, and ρ_d.</summary>
internal static class EvalMore
{
    public static int RidgeCost(string text, string format)
    {
        var v = ParseNumbers(text, "--v", skipEmpty: true);
        if (v.Length < 2) return Cli.Fail("--v needs at least 2 coordinates (d ≥ 2)");
        var d = new Dimension(v.Length);
        bool integer = v.All(x => x == Math.Round(x) && Math.Abs(x) < 1e6);
        var r = integer ? Norms.RidgeCost.OfInteger(v.Select(x => (int)x).ToArray()) : Norms.RidgeCost.OfReal(v);
        var bound = 2 * (d.Value - 1) * Math.Sqrt(d.Value);
        if (format == "json")
        {
            Console.WriteLine(new JsonObject
            {
                ["direction"] = new JsonArray(v.Select(x => (JsonNode)x).ToArray()),
                ["d"] = d.Value,
                ["finite"] = r.IsFinite,
                ["cost"] = r.IsFinite ? r.Cost : null,
                ["cost_exact"] = r.Exact?.ToString(),
                ["sharp_lower_bound"] = bound,
                ["witness"] = r.Witness is { } w ? new JsonArray(Vertex.Format(w.X, d), Vertex.Format(w.Y, d)) : null,
            }.ToJsonString(RunReport.JsonOptions));
        }
        else if (r.Witness is { } w)
            Console.WriteLine($"ridge cost +∞: x = {Vertex.Format(w.X, d)} and x' = {Vertex.Format(w.Y, d)} have ⟨v,x⟩ = ⟨v,x'⟩ but χ(x) ≠ χ(x')");
        else
            Console.WriteLine($"ridge cost {(r.Exact?.ToString() ?? r.Cost.ToString("G12", CultureInfo.InvariantCulture))} ≈ {r.Cost:G12} (sharp lower bound 2(d−1)√d = {bound:G12})");
        return Cli.Ok;
    }

    public static int MinRNorm(int dValue, bool ridge, string format)
    {
        if (dValue < 2) return Cli.Fail($"min-rnorm is defined for d ≥ 2, not d={dValue}");
        var d = new Dimension(dValue);
        var r = Solvers.MinRNormLp.Solve(d, ridge ? Solvers.Dictionary.RidgeAlongOnes : Solvers.Dictionary.SignDirections);
        double inv = 1 / NeuronCorrelation.Rho(d).ToDouble();
        if (format == "json")
        {
            Console.WriteLine(new JsonObject
            {
                ["d"] = dValue,
                ["dictionary"] = ridge ? "ridge (w = 1)" : "sign directions",
                ["optimum"] = r.Optimum,
                ["status"] = r.Status,
                ["one_over_rho"] = inv,
                ["sharp_ridge"] = 2 * (dValue - 1) * Math.Sqrt(dValue),
                ["rows"] = r.Rows,
                ["columns"] = r.Columns,
                ["nonzeros"] = r.NonZeros,
                ["seconds"] = Math.Round(r.Seconds, 3),
            }.ToJsonString(RunReport.JsonOptions));
        }
        else
            Console.WriteLine($"LP ({(ridge ? "ridge, w = 1" : "sign directions")}) at d={dValue}: {r.Optimum:G12} ({r.Status}); 1/ρ_d = {inv:G12}; {r.Rows} rows × {r.Columns} columns, {r.NonZeros} nonzeros; {r.Seconds:F2} s");
        return r.Status == "OPTIMAL" ? Cli.Ok : Cli.ClaimFailed;
    }

    public static int Memorizer(int dValue, int n, int seed, bool grouped, string format)
    {
        var s = Constructions.SampleSet.Random(dValue, n, seed);
        var h = grouped ? Constructions.Memorizers.BestGrouped(s) : Constructions.Memorizers.OnePerSample(s);
        double err = Constructions.Memorizers.MaxInterpolationError(h, s);
        if (format == "json")
        {
            Console.WriteLine(new JsonObject
            {
                ["d"] = dValue,
                ["n"] = n,
                ["seed"] = seed,
                ["kind"] = h.Kind,
                ["group_size"] = h.GroupSize,
                ["width"] = h.Width,
                ["cost"] = h.Cost,
                ["cost_per_n_over_d"] = h.Cost * dValue / n,
                ["max_interpolation_error"] = err,
            }.ToJsonString(RunReport.JsonOptions));
        }
        else
            Console.WriteLine($"{h.Kind}: width {h.Width}, cost {h.Cost:G10} (= {h.Cost * dValue / n:G6}·n/d), max interpolation error {err:G3} on {n} random samples of {{±1}}^{dValue} (seed {seed})");
        return err <= 1e-9 ? Cli.Ok : Cli.ClaimFailed;
    }

    public static int Schatten(string matrix, double q, string format)
    {
        var w = LinearLayers.Schatten.ParseMatrix(matrix);
        var s = LinearLayers.Schatten.SingularValues(w);
        double norm = LinearLayers.Schatten.Norm(w, q);
        Emit(format, new JsonObject
        {
            ["rows"] = w.RowCount,
            ["columns"] = w.ColumnCount,
            ["q"] = q,
            ["singular_values"] = new JsonArray(s.Select(x => (JsonNode)x).ToArray()),
            ["schatten"] = norm,
            ["schatten_powered"] = double.IsInfinity(q) ? null : LinearLayers.Schatten.Powered(w, q),
            ["rank"] = LinearLayers.Schatten.Rank(w),
        }, $"‖W‖_S{q} = {norm:G12}; singular values ({string.Join(", ", s.Select(x => x.ToString("G8", CultureInfo.InvariantCulture)))}); rank {LinearLayers.Schatten.Rank(w)}");
        return Cli.Ok;
    }

    public static int Factorization(string matrix, int l, string format)
    {
        if (l < 2) return Cli.Fail($"--L must be at least 2 (p = L−1 factors), not {l}");
        var w = LinearLayers.Schatten.ParseMatrix(matrix);
        var f = LinearLayers.BalancedFactorization.Build(w, l - 1);
        double cost = LinearLayers.BalancedFactorization.Cost(f), target = LinearLayers.Schatten.Powered(w, 2.0 / (l - 1));
        Emit(format, new JsonObject
        {
            ["L"] = l,
            ["factors"] = l - 1,
            ["balanced_cost"] = cost,
            ["schatten_2_over_p_powered"] = target,
            ["factor_norms_squared"] = new JsonArray(f.Select(m => (JsonNode)Math.Pow(m.FrobeniusNorm(), 2)).ToArray()),
            ["imbalance"] = LinearLayers.BalancedFactorization.Imbalance(f),
            ["product_error"] = (LinearLayers.BalancedFactorization.Product(f) - w).FrobeniusNorm(),
        }, $"balanced factorisation into {l - 1} factors: cost {cost:G12} = ‖W‖_S(2/p)^(2/p) {target:G12}; factor norms² ({string.Join(", ", f.Select(m => Math.Pow(m.FrobeniusNorm(), 2).ToString("G8", CultureInfo.InvariantCulture)))})");
        return Cli.Ok;
    }

    public static int Phi(string matrix, string aText, int l, string format)
    {
        if (l < 2) return Cli.Fail($"--L must be at least 2, not {l}");
        var w = LinearLayers.Schatten.ParseMatrix(matrix);
        var a = ParseNumbers(aText, "--a");
        if (a.Length != w.RowCount) return Cli.Fail($"--a has {a.Length} entries but the matrix has {w.RowCount} rows");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var r = LinearLayers.PhiL.Minimize(w, a, l);
        var b = LinearLayers.PhiL.Bounds(w, a, l);
        Emit(format, new JsonObject
        {
            ["L"] = l,
            ["phi"] = r.Value,
            ["lower_schatten"] = b.LowerSchatten,
            ["lower_path"] = b.LowerPath,
            ["upper"] = b.Upper,
            ["rank"] = b.Rank,
            ["gradient_norm"] = r.GradientNorm,
            ["iterations"] = r.Iterations,
            ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 3),
        }, $"Φ_{l} = {r.Value:G12} (gradient {r.GradientNorm:G2}, {r.Iterations} iterations); lower {b.LowerSchatten:G10} and {b.LowerPath:G10}; upper {b.Upper:G10} (rank {b.Rank})");
        return Cli.Ok;
    }

    public static int PathNormOf(string matrix, string aText, string? bText, string format)
    {
        var w = LinearLayers.Schatten.ParseMatrix(matrix);
        var a = ParseNumbers(aText, "--a");
        var b = bText is null ? new double[w.RowCount] : ParseNumbers(bText, "--b");
        if (a.Length != w.RowCount || b.Length != w.RowCount) return Cli.Fail($"--a and --b need {w.RowCount} entries (one per matrix row)");
        var net = new DenseTwoLayerRelu(Enumerable.Range(0, w.RowCount).Select(k => w.Row(k).ToArray()).ToArray(), b, a);
        double l1 = Norms.PathNorm.L1(net), l2 = Norms.PathNorm.L2(net), sq = Norms.PathNorm.Squared(net);
        Emit(format, new JsonObject { ["width"] = net.Width, ["d"] = net.D, ["path_norm_l1"] = l1, ["path_norm_l2"] = l2, ["path_norm_squared"] = sq, ["cost"] = net.Cost },
            $"f(x) = Σ a_k σ(⟨w_k,x⟩ + b_k), {net.Width} units, d = {net.D}: ‖θ‖_P = Σ|a_k|‖(w_k,b_k)‖₁ = {l1:G10}; ℓ2 {l2:G10}; squared paths Σa_k²(‖w_k‖² + b_k²) = {sq:G10}; C = Σ|a_k|‖w_k‖₂ = {net.Cost:G10}");
        return Cli.Ok;
    }

    public static int EgopOf(string matrix, string aText, string? bText, int samples, int seed, string format)
    {
        var w = LinearLayers.Schatten.ParseMatrix(matrix);
        var a = ParseNumbers(aText, "--a");
        var b = bText is null ? new double[w.RowCount] : ParseNumbers(bText, "--b");
        if (a.Length != w.RowCount || b.Length != w.RowCount) return Cli.Fail($"--a and --b need {w.RowCount} entries (one per matrix row)");
        if (samples < 2 || samples > 10_000_000) return Cli.Fail($"--samples must be between 2 and 10000000, not {samples}");
        var e = LinearLayers.Egop.Estimate(w, MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(a), MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(b), samples, seed);
        Emit(format, new JsonObject
        {
            ["samples"] = samples,
            ["eigenvalues"] = new JsonArray(e.EigenValues.Select(x => (JsonNode)x).ToArray()),
            ["effective_rank_1e-9"] = e.EffectiveRank(1e-9),
            ["effective_rank_1e-2"] = e.EffectiveRank(1e-2),
            ["frobenius_standard_error"] = e.StandardError,
        }, $"EGOP over U[−1,1]^{w.ColumnCount} ({samples} samples): eigenvalues ({string.Join(", ", e.EigenValues.Select(x => x.ToString("G6", CultureInfo.InvariantCulture)))}); rank {e.EffectiveRank(1e-9)}; standard error (Frobenius) {e.StandardError:G3}");
        return Cli.Ok;
    }

    public static int Memorize(int n, int d, double theta, int features, int steps, int seed, string format)
    {
        var data = RandomFeatures.SphereData.Sample(n, d, theta, seed);
        double sigma = data.Bandwidth(2);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = RandomFeatures.CorrectiveMemorizer.Run(data, sigma, sigma, features, steps, seed,
            new Progress<RandomFeatures.CorrectiveStep>(st => Console.Error.WriteLine($"  step {st.Step}: ‖r‖²/‖y‖² = {st.ResidualRatio:G4} ({st.Seconds:F1} s)")));
        Emit(format, new JsonObject
        {
            ["n"] = n,
            ["d"] = d,
            ["theta_requested"] = theta,
            ["theta_measured"] = data.Theta,
            ["sigma"] = sigma,
            ["features_per_step"] = features,
            ["steps"] = new JsonArray(run.Steps.Select(st => (JsonNode)new JsonObject
            {
                ["step"] = st.Step, ["residual_ratio"] = st.ResidualRatio, ["variance_ratio"] = st.VarianceRatio, ["neurons"] = st.Neurons, ["seconds"] = Math.Round(st.Seconds, 3),
            }).ToArray()),
            ["neurons"] = run.Neurons,
            ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 3),
        }, $"n={n} on S^{d - 1} (θ = {data.Theta:G4}, σ = {sigma:G4}): ‖r_t‖²/‖y‖² = {string.Join(", ", run.Steps.Select(st => st.ResidualRatio.ToString("G4", CultureInfo.InvariantCulture)))}; {run.Neurons} ReLUs; {clock.Elapsed.TotalSeconds:F1} s");
        return Cli.Ok;
    }

    // A comma-separated list of finite numbers; anything else is a one-line FormatException naming the option.
    static double[] ParseNumbers(string text, string option, bool skipEmpty = false) =>
        text.Split(',', skipEmpty ? StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries : StringSplitOptions.TrimEntries)
            .Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)
                ? x : throw new FormatException($"{option}: '{p}' is not a finite number")).ToArray();

    static void Emit(string format, JsonObject json, string text) =>
        Console.WriteLine(format == "json" ? json.ToJsonString(RunReport.JsonOptions) : text);

    public static int Rho(int dValue, string format)
    {
        if (dValue < 2) return Cli.Fail($"rho is defined for d ≥ 2, not d={dValue}");
        var d = new Dimension(dValue);
        var rho = NeuronCorrelation.Rho(d);
        double? atOnes = dValue <= 20 ? NeuronCorrelation.MaxOverBias(Enumerable.Repeat(1 / Math.Sqrt(dValue), dValue).ToArray()).Correlation : null;
        if (format == "json")
        {
            Console.WriteLine(new JsonObject
            {
                ["d"] = dValue,
                ["rho"] = rho.ToDouble(),
                ["rho_exact"] = rho.ToString(),
                ["min_rnorm"] = 1 / rho.ToDouble(),
                ["d_rho"] = dValue * rho.ToDouble(),
                ["at_ones"] = atOnes,
            }.ToJsonString(RunReport.JsonOptions));
        }
        else
        {
            Console.WriteLine($"ρ_{dValue} = {rho} ≈ {rho.ToDouble():G12}; 1/ρ_d = {1 / rho.ToDouble():G12} (minimum R-norm of a parity interpolant); d·ρ_d = {dValue * rho.ToDouble():G6}");
            if (atOnes is { } a) Console.WriteLine($"exhaustive max_b |E[χσ(⟨1,x⟩/√d + b)]| = {a:G12}");
        }
        return Cli.Ok;
    }
}
