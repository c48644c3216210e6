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
        var tokens = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 2) return Cli.Fail("--v needs at least 2 coordinates (d ≥ 2)");
        if (tokens.Length > 24) return Cli.Fail($"--v has {tokens.Length} coordinates: the ridge cost sorts all 2^d projections, refused above d = 24");
        var v = ParseNumbers(text, "--v", skipEmpty: true);
        var d = new Dimension(v.Length);
        // Integer coordinates are parsed exactly (beyond 2^53 too): the projections are then exact integers.
        var integers = tokens.Select(t => System.Numerics.BigInteger.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b) ? b : (System.Numerics.BigInteger?)null).ToArray();
        var r = integers.All(b => b is not null) ? Norms.RidgeCost.OfInteger(integers.Select(b => b!.Value).ToArray()) : Norms.RidgeCost.OfReal(v);
        var bound = 2 * (d.Value - 1) * Math.Sqrt(d.Value);
        if (format == "json")
        {
            Console.WriteLine(new JsonObject
            {
                ["direction"] = new JsonArray(integers.All(b => b is not null)
                    ? integers.Select(b => b!.Value >= long.MinValue && b.Value <= long.MaxValue ? (JsonNode)(long)b.Value : (JsonNode)b.Value.ToString(CultureInfo.InvariantCulture)).ToArray()
                    : v.Select(x => (JsonNode)x).ToArray()),
                ["d"] = d.Value,
                ["finite"] = r.IsFinite,
                ["cost"] = r.IsFinite ? r.Cost : null,
                ["cost_exact"] = r.Exact?.ToString() ?? r.ExactText,
                ["sharp_lower_bound"] = bound,
                ["witness"] = r.Witness is { } w ? new JsonArray(Vertex.Format(w.X, d), Vertex.Format(w.Y, d)) : null,
            }.ToJsonString(RunReport.JsonOptions));
        }
        else if (r.Witness is { } w)
            Console.WriteLine($"ridge cost +∞: x = {Vertex.Format(w.X, d)} and x' = {Vertex.Format(w.Y, d)} have ⟨v,x⟩ = ⟨v,x'⟩ but χ(x) ≠ χ(x')");
        else
            Console.WriteLine($"ridge cost {(r.Exact?.ToString() ?? r.ExactText ?? r.Cost.ToString("G12", CultureInfo.InvariantCulture))} ≈ {r.Cost:G12} (sharp lower bound 2(d−1)√d = {bound:G12})");
        return Cli.Ok;
    }

    public static int MinRNorm(int dValue, bool ridge, string format)
    {
        if (dValue < 2) return Cli.Fail($"min-rnorm is defined for d ≥ 2, not d={dValue}");
        // The LP has 2^d rows: GLOP solves the one-direction LP at d = 14 in seconds, not at d = 20 in minutes.
        if (ridge && dValue > 14) return Cli.Fail($"the one-direction LP at d={dValue} has 2^{dValue} rows; refused above d = 14");
        var d = new Dimension(dValue);
        var r = Solvers.MinRNormLp.Solve(d, ridge ? Solvers.NeuronDictionary.RidgeAlongOnes : Solvers.NeuronDictionary.SignDirections);
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
        if (dValue < 2 || dValue > 4096) return Cli.Fail($"--d must be between 2 and 4096, not {dValue}");
        if (n < 2 || n > 20_000) return Cli.Fail($"--n must be between 2 and 20000 (the memoriser compares every pair), not {n}");
        var s = Constructions.SampleSet.RandomDistinct(dValue, n, seed);
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
        if (!(q > 0)) return Cli.Fail($"--q must be positive (or inf), not {q.ToString(CultureInfo.InvariantCulture)}");
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
        }, $"‖W‖_S{q} = {norm:G12}; singular values ({string.Join(", ", s.Select(x => x.ToString("G8", CultureInfo.InvariantCulture)))}); rank {LinearLayers.Schatten.Rank(w)}", "schatten");
        return Cli.Ok;
    }

    public static int Factorization(string matrix, int l, string format)
    {
        if (l < 2 || l > 64) return Cli.Fail($"--L must be between 2 and 64 (p = L−1 factors of size ≤ rank × rank each), not {l}");
        var w = LinearLayers.Schatten.ParseMatrix(matrix);
        // Balanced factors are scale-covariant: W = s·W₁ has factors s^{1/p}·(factors of W₁), so large or tiny entries
        // never reach the SVD.
        double scale = LinearLayers.Schatten.Scale(w);
        var unit = scale == 0 ? w : w.Map(x => x / scale);
        var f1 = LinearLayers.BalancedFactorization.Build(unit, l - 1);
        var f = f1.Select(m => scale == 0 ? m : m * Math.Pow(scale, 1.0 / (l - 1))).ToList();
        double cost = LinearLayers.BalancedFactorization.Cost(f), target = LinearLayers.Schatten.Powered(w, 2.0 / (l - 1));
        Emit(format, new JsonObject
        {
            ["L"] = l,
            ["factors"] = l - 1,
            ["balanced_cost"] = cost,
            ["schatten_2_over_p_powered"] = target,
            ["factor_norms_squared"] = new JsonArray(f.Select(m => (JsonNode)Math.Pow(m.FrobeniusNorm(), 2)).ToArray()),
            ["imbalance"] = LinearLayers.BalancedFactorization.Imbalance(f),
            ["product_error"] = (LinearLayers.BalancedFactorization.Product(f1) - unit).FrobeniusNorm() * (scale == 0 ? 1 : scale),
        }, $"balanced factorisation into {l - 1} factors: cost {cost:G12} = ‖W‖_S(2/p)^(2/p) {target:G12}; factor norms² ({string.Join(", ", f.Select(m => Math.Pow(m.FrobeniusNorm(), 2).ToString("G8", CultureInfo.InvariantCulture)))})", "balanced_cost");
        return Cli.Ok;
    }

    public static int Phi(string matrix, string aText, int l, string format)
    {
        if (l < 2 || l > 1000) return Cli.Fail($"--L must be between 2 and 1000, not {l}");
        var w = LinearLayers.Schatten.ParseMatrix(matrix);
        if (w.RowCount > 200) return Cli.Fail($"Φ_L is minimised over one scale per row: {w.RowCount} rows refused (at most 200)");
        var a = ParseNumbers(aText, "--a");
        if (a.Length != w.RowCount) return Cli.Fail($"--a has {a.Length} entries but the matrix has {w.RowCount} rows");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Φ_L, its bounds and the scales are homogeneous of degree 2/L in W and in a: compute on unit-scale W and a.
        double sw = LinearLayers.Schatten.Scale(w), sa = a.Length == 0 ? 0 : a.Max(Math.Abs);
        double back = sw == 0 || sa == 0 ? 1 : Math.Pow(sw * sa, 2.0 / l);
        var (w1, a1) = (sw == 0 ? w : w.Map(x => x / sw), sa == 0 ? a : a.Select(x => x / sa).ToArray());
        var r0 = LinearLayers.PhiL.Minimize(w1, a1, l);
        var r = r0 with { Value = r0.Value * back, GradientNorm = r0.GradientNorm * back };
        var b0 = LinearLayers.PhiL.Bounds(w1, a1, l);
        var b = b0 with { LowerSchatten = b0.LowerSchatten * back, LowerPath = b0.LowerPath * back, Upper = b0.Upper * back };
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
        }, $"Φ_{l} = {r.Value:G12} (gradient {r.GradientNorm:G2}, {r.Iterations} iterations); lower {b.LowerSchatten:G10} and {b.LowerPath:G10}; upper {b.Upper:G10} (rank {b.Rank})", "phi");
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
            $"f(x) = Σ a_k σ(⟨w_k,x⟩ + b_k), {net.Width} units, d = {net.D}: ‖θ‖_P = Σ|a_k|‖(w_k,b_k)‖₁ = {l1:G10}; ℓ2 {l2:G10}; squared paths Σa_k²(‖w_k‖² + b_k²) = {sq:G10}; C = Σ|a_k|‖w_k‖₂ = {net.Cost:G10}", "path_norm_l1");
        return Cli.Ok;
    }

    public static int EgopOf(string matrix, string aText, string? bText, int samples, int seed, string format)
    {
        var w = LinearLayers.Schatten.ParseMatrix(matrix);
        var a = ParseNumbers(aText, "--a");
        var b = bText is null ? new double[w.RowCount] : ParseNumbers(bText, "--b");
        if (a.Length != w.RowCount || b.Length != w.RowCount) return Cli.Fail($"--a and --b need {w.RowCount} entries (one per matrix row)");
        if (samples < 2 || samples > 10_000_000) return Cli.Fail($"--samples must be between 2 and 10000000, not {samples}");
        if ((long)samples * w.RowCount * w.ColumnCount > 4_000_000_000L) return Cli.Fail($"{samples} samples of a {w.RowCount}×{w.ColumnCount} network is too much work here (samples·rows·columns ≤ 4e9)");
        // C_f(cW, a, cb) = c²·C_f(W, a, b) and C_f(W, ka, b) = k²·C_f(W, a, b): compute at unit scale, then scale back.
        double sw = Math.Max(LinearLayers.Schatten.Scale(w), b.Length == 0 ? 0 : b.Max(Math.Abs)), sa = a.Max(Math.Abs);
        if (sw == 0 || sa == 0) sw = sa = 1;
        var e0 = LinearLayers.Egop.Estimate(w.Map(x => x / sw), MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(a.Select(x => x / sa).ToArray()),
            MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(b.Select(x => x / sw).ToArray()), samples, seed);
        double k = sw * sw * sa * sa;
        var e = e0 with { C = e0.C * k, EigenValues = e0.EigenValues.Select(x => x * k).ToArray(), StandardError = e0.StandardError * k };
        Emit(format, new JsonObject
        {
            ["samples"] = samples,
            ["eigenvalues"] = new JsonArray(e.EigenValues.Select(x => (JsonNode)x).ToArray()),
            ["effective_rank_1e-9"] = e.EffectiveRank(1e-9),
            ["effective_rank_1e-2"] = e.EffectiveRank(1e-2),
            ["frobenius_standard_error"] = e.StandardError,
        }, $"EGOP over U[−1,1]^{w.ColumnCount} ({samples} samples): eigenvalues ({string.Join(", ", e.EigenValues.Select(x => x.ToString("G6", CultureInfo.InvariantCulture)))}); rank {e.EffectiveRank(1e-9)}; standard error (Frobenius) {e.StandardError:G3}", "eigenvalues");
        return Cli.Ok;
    }

    public static int Memorize(int n, int d, double theta, int features, int steps, int seed, string format)
    {
        if (n < 2 || n > 2000) return Cli.Fail($"--n must be between 2 and 2000, not {n}");
        if (d < 2 || d > 1000) return Cli.Fail($"--d must be between 2 and 1000, not {d}");
        if (features < 1 || features > 10_000_000) return Cli.Fail($"--features must be between 1 and 10000000 (≈ 20 s per step at 1e7), not {features}");
        if (steps < 1 || steps > 100) return Cli.Fail($"--steps must be between 1 and 100, not {steps}");
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
        }, $"n={n} on S^{d - 1} (θ = {data.Theta:G4}, σ = {sigma:G4}): ‖r_t‖²/‖y‖² = {string.Join(", ", run.Steps.Select(st => st.ResidualRatio.ToString("G4", CultureInfo.InvariantCulture)))}; {run.Neurons} ReLUs; {clock.Elapsed.TotalSeconds:F1} s", "steps");
        return Cli.Ok;
    }

    // A comma-separated list of finite numbers; anything else is a one-line FormatException naming the option.
    static double[] ParseNumbers(string text, string option, bool skipEmpty = false) =>
        text.Split(',', skipEmpty ? StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries : StringSplitOptions.TrimEntries)
            .Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)
                ? x : throw new FormatException($"{option}: '{p}' is not a finite number")).ToArray();

    // A number that left double range is not printed as ∞ or turned into a serializer error: the command refuses with
    // one line naming the field (the inputs are scaled wherever the mathematics allows, so this is a true overflow).
    static void Emit(string format, JsonObject json, string text, string? primary = null)
    {
        var bad = NonFinite(json).ToArray();
        if (bad.Length > 0 && (primary is null || bad.Any(b => b == primary || b.StartsWith(primary + "[", StringComparison.Ordinal))))
            throw new Reports.UsageException($"{bad[0]} cannot be represented in double precision for this input (it overflows)");
        // A secondary quantity that overflows is printed as null, with one warning line.
        foreach (var b in bad) SetNull(json, b);
        if (bad.Length > 0) Console.Error.WriteLine($"netclaims: warning: {string.Join(", ", bad)} {(bad.Length == 1 ? "overflows" : "overflow")} double precision for this input (printed as null)");
        Console.WriteLine(format == "json" ? json.ToJsonString(RunReport.JsonOptions) : text);
    }

    static void SetNull(JsonObject json, string path)
    {
        if (!path.Contains('.') && !path.Contains('[')) json[path] = null;
    }

    static IEnumerable<string> NonFinite(JsonNode? node, string path = "") => node switch
    {
        JsonObject o => o.SelectMany(p => NonFinite(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}")),
        JsonArray a => a.SelectMany((x, i) => NonFinite(x, $"{path}[{i}]")),
        JsonValue v when v.TryGetValue<double>(out var x) && !double.IsFinite(x) => [path],
        _ => [],
    };

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
