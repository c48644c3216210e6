using System.Globalization;
using System.Text;
using MathNet.Numerics.Distributions;
using NetClaims.Claims;

namespace NetClaims.Sweeps;

/// <summary>Mean, standard deviation and range of one measurement over the seeds of a sweep.</summary>
internal sealed record MeasureDistribution(string Name, int Count, double Mean, double StdDev, double Min, double Max);

/// <summary>
/// One claim over a sweep: check failures (fails, errors and incomplete runs) out of the seeds run, the one-sided 95%
/// Clopper–Pearson upper bound on its false-failure rate, negative-control refutations, time, and the distribution of
/// each measurement.
/// </summary>
internal sealed record SweepSummary(string Claim, string Tier, bool SeedDependent, int Runs, int Failures, double UpperBound95,
    int Refutations, double MeanSeconds, IReadOnlyList<MeasureDistribution> Measures, IReadOnlyList<string> Examples)
{
    /// <summary>One-sided upper confidence bound on a rate with k events in n trials (Clopper–Pearson).</summary>
    public static double UpperBound(int k, int n, double confidence = 0.95) =>
        n == 0 ? 1 : k >= n ? 1 : Beta.InvCDF(k + 1, n - k, confidence);

    public static IReadOnlyList<SweepSummary> Of(IReadOnlyList<Claim> claims, IReadOnlyList<SweepRecord> records) =>
        claims.Select(c =>
        {
            var rs = records.Where(r => r.Claim == c.Id.Value).ToArray();
            int failures = rs.Count(r => r.CheckFailed);
            var measures = rs.SelectMany(r => r.Measures).GroupBy(m => m.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var v = g.Select(m => m.Value).ToArray();
                double mean = v.Average();
                double sd = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : 0;
                return new MeasureDistribution(g.Key, v.Length, mean, sd, v.Min(), v.Max());
            }).ToArray();
            var examples = rs.Where(r => r.CheckFailed || !r.Refuted).Take(3).Select(r => $"seed {r.Seed}: {r.Verdict.Word()}, negative {r.Negative.Word()}: {r.Counterexample}").ToArray();
            return new SweepSummary(c.Id.Value, c.Tier.ToString(), rs.Any(r => r.UsesSeed), rs.Length, failures, UpperBound(failures, rs.Length),
                rs.Count(r => r.Refuted), rs.Length == 0 ? 0 : rs.Average(r => r.Seconds), measures, examples);
        }).ToArray();

    /// <summary>The sweep table in Markdown (the form the README quotes).</summary>
    public static string Markdown(IReadOnlyList<SweepSummary> rows, IReadOnlyList<ulong> seeds, string profile, bool pilot)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"Sweep of {seeds.Count} run seeds ({(pilot ? "pilot range " : "")}{seeds[0]}…{seeds[^1]}, profile {profile}). Seed-independent claims run once.\n\n");
        sb.Append("| claim | tier | seeds | check failures | 95% upper bound | negative refuted | mean s |\n|---|---|---|---|---|---|---|\n");
        foreach (var r in rows)
            sb.Append(inv, $"| `{r.Claim}` | {r.Tier} | {(r.SeedDependent ? r.Runs.ToString(inv) : "1 (seed-independent)")} | {r.Failures}/{r.Runs} | {(r.SeedDependent ? r.UpperBound95.ToString("0.###", inv) : "—")} | {r.Refutations}/{r.Runs} | {r.MeanSeconds:0.00} |\n");
        var measured = rows.Where(r => r.Measures.Count > 0).ToArray();
        if (measured.Length > 0)
        {
            sb.Append("\n| claim | measurement | n | mean | sd | min | max |\n|---|---|---|---|---|---|---|\n");
            foreach (var r in measured)
                foreach (var m in r.Measures)
                    sb.Append(inv, $"| `{r.Claim}` | {m.Name} | {m.Count} | {m.Mean:G6} | {m.StdDev:G4} | {m.Min:G6} | {m.Max:G6} |\n");
        }
        foreach (var r in rows.Where(r => r.Examples.Count > 0))
            foreach (var e in r.Examples) sb.Append(inv, $"\n- `{r.Claim}` {e.Replace("\n", " ")}");
        return sb.ToString() + "\n";
    }
}
