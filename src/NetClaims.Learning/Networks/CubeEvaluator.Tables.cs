using System.Numerics;
using Fractions;
using NetClaims.Cube;

namespace NetClaims.Networks;

public sealed partial class CubeEvaluator
{
    // Builds, for each sign-vector group, its exact table T[k] = Σ_i U_i·σ(D_b(d−2k) + B_i) (k = popcount(s ⊕ x)),
    // factored as coef·base with base shared between groups, and its float table Σ_i u_i·σ((d−2k) + b_i) in double.
    (ulong[], long[], int[], int[], long[], double[]) Tabulate(Dictionary<ulong, List<ReluUnit>> groups, BigInteger dOut, BigInteger dBias)
    {
        int width = d + 1;
        SizeGuard.EnsureFits($"evaluation tables for {groups.Count} weight groups", groups.Count, 32.0);
        var exactIndex = new Dictionary<string, int>();
        var floatIndex = new Dictionary<string, int>();
        var exactFlat = new List<long>();
        var floatFlat = new List<double>();
        var m = new List<ulong>(groups.Count);
        var c = new List<long>(groups.Count);
        var eo = new List<int>(groups.Count);
        var fo = new List<int>(groups.Count);
        var table = new BigInteger[width];
        var ftable = new double[width];
        foreach (var (mask, units) in groups)
        {
            Array.Clear(table);
            Array.Clear(ftable);
            foreach (var u in units)
            {
                var U = (u.Out * new Fraction(dOut)).Numerator;
                var B = (u.Bias * new Fraction(dBias)).Numerator;
                double uf = u.Out.ToDouble(), bf = u.Bias.ToDouble();
                for (int k = 0; k < width; k++)
                {
                    var pre = dBias * (d - 2 * k) + B;
                    if (pre.Sign > 0) table[k] += U * pre;
                    ftable[k] += uf * Math.Max(0, (d - 2 * k) + bf);
                }
            }
            // Factor the exact table as coef·base with gcd(base) = 1 and the first non-zero entry of base positive.
            var g = BigInteger.Zero;
            int firstSign = 0;
            foreach (var t in table)
            {
                g = BigInteger.GreatestCommonDivisor(g, t);
                if (firstSign == 0 && !t.IsZero) firstSign = t.Sign;
            }
            if (g.IsZero) continue;
            var coef = g * firstSign;
            var key = string.Join(",", table.Select(t => (t / coef).ToString()));
            if (!exactIndex.TryGetValue(key, out int eOff))
            {
                eOff = exactFlat.Count;
                exactIndex[key] = eOff;
                exactFlat.AddRange(table.Select(t => CheckedLong(t / coef)));
            }
            var fkey = string.Join(",", ftable.Select(BitConverter.DoubleToInt64Bits));
            if (!floatIndex.TryGetValue(fkey, out int fOff))
            {
                fOff = floatFlat.Count;
                floatIndex[fkey] = fOff;
                floatFlat.AddRange(ftable);
            }
            m.Add(mask);
            c.Add(CheckedLong(coef));
            eo.Add(eOff);
            fo.Add(fOff);
        }
        return (m.ToArray(), c.ToArray(), eo.ToArray(), fo.ToArray(), exactFlat.ToArray(), floatFlat.ToArray());
    }

    static long CheckedLong(BigInteger v) =>
        BigInteger.Abs(v) <= long.MaxValue >> 8 ? (long)v
            : throw new SizeRefusedException($"an exact activation table entry ({v}) is too large for 64-bit evaluation");

    // Refuses the network unless |every partial sum| < 2^62 on every vertex (a crude but sufficient bound).
    void EnsureNoOverflow(List<ReluUnit> dense)
    {
        BigInteger bound = BigInteger.Abs(linC);
        foreach (var v in linV) bound += BigInteger.Abs(v);
        for (int g = 0; g < masks.Length; g++)
        {
            long maxAbs = 0;
            for (int k = 0; k <= d; k++) maxAbs = Math.Max(maxAbs, Math.Abs(exactTables[exactOffsets[g] + k]));
            bound += BigInteger.Abs(coefs[g]) * maxAbs;
        }
        for (int i = 0; i < dense.Count; i++)
        {
            var maxDot = Enumerable.Range(0, d).Aggregate(BigInteger.Zero, (s, j) => s + Math.Abs((long)denseW[i][j]));
            bound += BigInteger.Abs(denseU[i]) * (dB * maxDot + BigInteger.Abs(denseB[i]));
        }
        bound += scale;
        if (bound >= BigInteger.One << 62)
            throw new SizeRefusedException($"exact sums may reach {bound}, beyond 64-bit; this network cannot be checked exactly here");
    }
}
