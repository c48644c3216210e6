using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using NetClaims.Cube;
using NetClaims.Norms;
using NetClaims.Reports;
using NetClaims.Solvers;

namespace NetClaims.Cli.Commands.Eval;

/// <summary>
/// <c>netclaims eval vp (--d D --n N [--seed S] | --d D --all | --samples FILE)</c>: the minimum-R-norm interpolant of
/// χ-labelled samples over a neuron dictionary, with its optimality certificate and what it does on the cube.
/// </summary>
internal static class VpEval
{
    public static Command Create()
    {
        var d = new Option<int?>("--d") { Description = "Dimension d (2 … 22)" };
        var n = new Option<int?>("--n") { Description = "Number of distinct random samples, labelled by χ" };
        var all = new Option<bool>("--all") { Description = "Every vertex of the cube, 2 ≤ d ≤ 24: solved exactly by the flip symmetry (one pricing round with λ = χ); its optimum is 1/ρ_d" };
        var seed = new Option<int>("--seed") { Description = "Sample seed", DefaultValueFactory = _ => 1 };
        var samples = new Option<string?>("--samples") { Description = "A file of samples: one vertex per line as d entries ±1 (space or comma separated), optionally followed by its label ±1 (default χ)" };
        var dictionary = new Option<string?>("--dictionary") { Description = "sign ({±1}^d), ternary ({−1,0,1}^d, d ≤ 14) or search (ternary, then a local search over continuous directions); default search on samples, sign with --all (where it attains the VP)" };
        dictionary.AcceptOnlyFromAmong("sign", "ternary", "search");
        var format = Cli.Format();
        var cmd = new Command("vp", "The VP solution (minimum R-norm interpolant over a neuron dictionary, by column generation) of χ-labelled samples, with its dual certificate and its error on the whole cube")
        {
            d, n, all, seed, samples, dictionary, format,
        };
        cmd.SetAction(p => Cli.WithUserValues(() => Run(p.GetValue(d), p.GetValue(n), p.GetValue(all), p.GetValue(seed), p.GetValue(samples), p.GetValue(dictionary), p.GetValue(format)!)));
        return cmd;
    }

    static int Run(int? dOpt, int? nOpt, bool all, int seed, string? file, string? dictionaryName, string format)
    {
        int d;
        ulong[] x;
        int[] y;
        string source;
        if (file is not null)
        {
            if (nOpt is not null || all) return Cli.Fail("--samples replaces --n and --all");
            (d, x, y) = ReadSamples(file, dOpt);
            source = file;
        }
        else
        {
            d = dOpt ?? throw new UsageException("eval vp needs --d (with --n or --all) or --samples FILE");
            if (all == (nOpt is not null)) return Cli.Fail("eval vp needs exactly one of --n N and --all");
            if (all) return dictionaryName is null or "sign" ? FullCube(d, format)
                : Cli.Fail("--all solves the whole cube by symmetry over sign directions; --dictionary ternary|search applies to samples");
            if (d < 2 || d > VpSolver.MaxD) return Cli.Fail($"--d must be between 2 and {VpSolver.MaxD}, not {d}");
            int count = nOpt!.Value;
            if (count < 1 || count > VpSolver.MaxSamples || (ulong)count > 1UL << d)
                return Cli.Fail($"--n must be between 1 and min(2^d, {VpSolver.MaxSamples}) = {Math.Min(1L << d, VpSolver.MaxSamples)}, not {count}");
            (x, y) = VpSolver.ParitySamples(d, count, seed);
            source = $"{count} random vertices (seed {seed})";
        }
        var dictionary = Dictionary(dictionaryName ?? "search");
        if (dictionary == VpDictionary.Ternary && d > VpSolver.MaxTernaryD) return Cli.Fail(TernaryTooLarge);
        var throttle = new NetClaims.Claims.ProgressThrottle(TimeSpan.FromSeconds(5));
        var r = VpSolver.Solve(d, x, y, log: line => { if (throttle.Due()) Console.Error.WriteLine("  " + line); }, dictionary: dictionary, faceRange: true);
        var range = r.CorrelationRange;
        if (r.Status != "OPTIMAL") return Cli.Fail($"the master LP ended {r.Status}");
        var cube = VpOnCube.Of(r);
        double rho = NeuronCorrelation.Rho(new Dimension(d)).ToDouble();
        EvalOutput.Emit(format, new JsonObject
        {
            ["d"] = d,
            ["n"] = x.Length,
            ["samples"] = source,
            ["dictionary"] = r.Dictionary.ToString().ToLowerInvariant(),
            ["exact_dictionary"] = r.ExactDictionary,
            ["searched_violation"] = double.IsNaN(r.SearchedViolation) ? null : r.SearchedViolation,
            ["lower_bound"] = r.LowerBound,
            ["cost"] = r.Cost,
            ["dual_objective"] = r.DualObjective,
            ["duality_gap"] = r.DualityGap,
            ["max_dual_violation"] = r.MaxDualViolation,
            ["certified"] = r.Certified(),
            ["width"] = r.Neurons.Count,
            ["rounds"] = r.Rounds,
            ["columns"] = r.Columns,
            ["correlation"] = cube.Correlation,
            ["correlation_face_min"] = range?.Lo,
            ["correlation_face_max"] = range?.Hi,
            ["correlation_bound"] = r.Cost * rho,
            ["squared_distance"] = cube.SquaredDistance,
            ["clipped_error"] = cube.ClippedError,
            ["sign_error"] = cube.SignError,
            ["one_over_rho"] = 1 / rho,
            ["seconds"] = Math.Round(r.Seconds, 3),
        }, Text(r, d, x.Length, source, cube, rho), "cost");
        return r.Certified() ? Cli.Ok : Cli.ClaimFailed;
    }

    /// <summary>The dictionary named by a <c>--dictionary</c> value (the option accepts only sign, ternary and search).</summary>
    internal static VpDictionary Dictionary(string name) => name switch
    {
        "sign" => VpDictionary.Sign,
        "ternary" => VpDictionary.Ternary,
        _ => VpDictionary.Search,
    };

    /// <summary>The one-line refusal of <c>--dictionary ternary</c> beyond the d it is priced exactly at.</summary>
    internal static string TernaryTooLarge => $"--dictionary ternary is priced exactly up to d = {VpSolver.MaxTernaryD}; use search beyond";

    // The whole cube: one exact pricing round with λ = χ (VpFullCube), the optimum 2^d√d/M with its dual certificate.
    static int FullCube(int d, string format)
    {
        if (d < 2 || d > VpFullCube.MaxD) return Cli.Fail($"--d must be between 2 and {VpFullCube.MaxD} with --all, not {d}");
        var r = VpFullCube.Solve(d);
        double rho = NeuronCorrelation.Rho(new Dimension(d)).ToDouble();
        EvalOutput.Emit(format, new JsonObject
        {
            ["d"] = d, ["n"] = 1L << d, ["samples"] = "every vertex", ["dictionary"] = "sign", ["method"] = "flip symmetry: one exact pricing round with λ = χ",
            ["cost"] = r.Cost, ["max_correlation"] = (long)r.MaxCorrelation, ["certified"] = true, ["one_over_rho"] = 1 / rho,
            ["attained_at_bias"] = r.B, ["seconds"] = Math.Round(r.Seconds, 3),
        }, string.Create(CultureInfo.InvariantCulture,
            $"VP of χ on the whole cube {{±1}}^{d} (sign directions, by flip symmetry): cost 2^d·√d/M = {r.Cost:G12} with M = max|Σχσ| = {r.MaxCorrelation} (bias {r.B}); certified by the dual λ = χ·√d/M; 1/ρ_d = {1 / rho:G12}; {r.Seconds:F3} s"), "cost");
        return Cli.Ok;
    }

    static string Text(VpResult r, int d, int n, string source, VpOnCube cube, double rho)
    {
        string face = r.CorrelationRange is { } rg ? string.Create(CultureInfo.InvariantCulture, $" (over the optimal face of the final master: [{rg.Lo:G4}, {rg.Hi:G4}])") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"VP ({r.Dictionary.ToString().ToLowerInvariant()} dictionary), d={d}, n={n} ({source}): cost {r.Cost:G10}, {r.Statement}; width {r.Neurons.Count}; " +
            $"on the cube E[ĝχ] = {cube.Correlation:G4}{face} (≤ C·ρ_d = {r.Cost * rho:G4}), ‖ĝ − χ‖² = {cube.SquaredDistance:G4}, clipped error {cube.ClippedError:G4}, sign error {cube.SignError:G4}; {r.Rounds} rounds, {r.Seconds:F2} s");
    }

    // One vertex per line: d entries ±1, then optionally its label; '#' starts a comment. d is --d when given; else the
    // lines' entry counts decide: all equal means coordinates only, two counts c and c + 1 mean d = c with labels.
    static (int D, ulong[] X, int[] Y) ReadSamples(string file, int? dOpt)
    {
        if (!File.Exists(file)) throw new UsageException($"--samples: no file {file}");
        if (new FileInfo(file).Length > 64L << 20) throw new UsageException($"--samples: {file} is larger than 64 MiB");
        var lines = new List<(int No, int[] Values)>();
        int lineNo = 0;
        foreach (var raw in File.ReadLines(file))
        {
            lineNo++;
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0) continue;
            var tokens = line.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
            lines.Add((lineNo, tokens.Select(t => t is "1" or "+1" ? 1 : t == "-1" ? -1 : throw new UsageException($"{file}:{lineNo}: '{t}' is not ±1")).ToArray()));
            if (lines.Count > VpSolver.MaxSamples) throw new UsageException($"--samples: more than {VpSolver.MaxSamples} samples");
        }
        if (lines.Count == 0) throw new UsageException($"--samples: {file} holds no samples");
        var counts = lines.Select(l => l.Values.Length).Distinct().Order().ToArray();
        int d = dOpt ?? (counts.Length == 1 ? counts[0] : counts.Length == 2 && counts[1] == counts[0] + 1 ? counts[0]
            : throw new UsageException($"--samples: lines of {string.Join(", ", counts)} entries; expected d coordinates and an optional label"));
        if (d < 2 || d > VpSolver.MaxD) throw new UsageException($"--samples: d = {d}; the VP solver takes 2 ≤ d ≤ {VpSolver.MaxD}");
        var xs = new List<ulong>();
        var ys = new List<int>();
        foreach (var (no, values) in lines)
        {
            if (values.Length != d && values.Length != d + 1)
                throw new UsageException($"{file}:{no}: {values.Length} entries, expected d = {d} coordinates and an optional label");
            ulong mask = 0;
            for (int k = 0; k < d; k++) if (values[k] == -1) mask |= 1UL << k;
            xs.Add(mask);
            ys.Add(values.Length == d + 1 ? values[d] : Parity.Sign(mask));
        }
        var dup = xs.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new UsageException($"--samples: vertex {Vertex.Format(dup.Key, new Dimension(d))} appears more than once");
        return (d, xs.ToArray(), ys.ToArray());
    }
}
