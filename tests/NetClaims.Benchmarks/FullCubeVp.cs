using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using NetClaims.Cube;
using NetClaims.Norms;
using NetClaims.Solvers;

namespace NetClaims.Benchmarks;

/// <summary>
/// <c>--full-cube-vp 10 12 14</c>: the whole-cube VP of χ by flip symmetry (one exact pricing round) at each d — time, peak
/// working set, the value against 1/ρ_d — and the full-dictionary LP solved by HiGHS (peers/full_cube_lp_highs.py) at
/// the same d up to <see cref="PeerMaxD"/> (d = 10 takes ~15 s and 1.6 GB there), with the ratio of times.
/// </summary>
internal static class FullCubeVp
{
    /// <summary>The largest d the dense-LP peer is asked to solve (its LP has 2^d rows and 2^{d+1}(d − 1) columns).</summary>
    public const int PeerMaxD = 10;

    public static int Run(IReadOnlyList<int> ds)
    {
        VpFullCube.Solve(8); // warm-up (JIT)
        foreach (var d in ds)
        {
            var clock = Stopwatch.StartNew();
            var r = VpFullCube.Solve(d);
            double seconds = clock.Elapsed.TotalSeconds;
            long peak = Process.GetCurrentProcess().PeakWorkingSet64;
            double rho = NeuronCorrelation.Rho(new Dimension(d)).ToDouble();
            bool agrees = Math.Abs(r.Cost - 1 / rho) <= 1e-9 * r.Cost;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"whole-cube VP d={d}: {r.Cost:G12} ({(agrees ? "= 1/ρ_d" : "≠ 1/ρ_d: FAILS")}), {seconds:F3} s, peak working set {peak >> 20} MiB"));
            if (!agrees) return 1;
            if (d > PeerMaxD) continue;
            var output = Peers.Run("full_cube_lp_highs.py", d.ToString(CultureInfo.InvariantCulture));
            if (output is null) { Console.WriteLine("HiGHS peer: not run (needs python3 with NumPy and SciPy: apt-get install python3-numpy python3-scipy)"); continue; }
            var json = JsonNode.Parse(output)!;
            double peerSeconds = (double)json["seconds"]!, value = (double?)json["value"] ?? double.NaN;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"HiGHS peer (full-dictionary LP, scipy linprog) d={d}: {value:G12} in {peerSeconds:F2} s (LP build excluded); ratio {peerSeconds / seconds:F0}×, values differ by {Math.Abs(value - r.Cost):G3}"));
        }
        return 0;
    }
}
