using Hedgehog.Linq;
using NetClaims.Networks;
using Gen = Hedgehog.Linq.Gen;
using Range = Hedgehog.Linq.Range;

namespace NetClaims.Properties;

/// <summary>A generated float two-layer net with points to evaluate it at and per-unit scales.</summary>
internal sealed record FloatNetCase(DenseTwoLayerRelu Net, double[][] Points, double[] Scales)
{
    public override string ToString() =>
        $"width {Net.Width}, d {Net.D}: W = [{string.Join("; ", Net.W.Select(w => string.Join(", ", w)))}], b = ({string.Join(", ", Net.B)}), a = ({string.Join(", ", Net.A)}), t = ({string.Join(", ", Scales)}), x = [{string.Join("; ", Points.Select(p => string.Join(", ", p)))}]";
}

/// <summary>
/// Hedgehog generators of small float two-layer nets (width 1…6, d 1…5, entries on a 0.1 grid in [−2, 2], shrinking
/// toward 0), points with ‖x‖_∞ ≤ 1 and per-unit scales t ∈ [0.1, 10] (or [−10, −0.1] when asked).
/// </summary>
internal static class NetGen
{
    static Hedgehog.Gen<double> Entry => from i in Gen.Int32(Range.Constant(0, -20, 20)) select i / 10.0;

    public static Hedgehog.Gen<FloatNetCase> Cases(bool biases, bool negativeScale = false) =>
        from d in Gen.Int32(Range.Constant(1, 5))
        from m in Gen.Int32(Range.Constant(1, 6))
        from w in Entry.Array(Range.Singleton(d)).Array(Range.Singleton(m))
        from b in Entry.Array(Range.Singleton(m))
        from a in Entry.Array(Range.Singleton(m))
        from pts in Gen.Int32(Range.Constant(0, -10, 10)).Array(Range.Singleton(d)).Array(Range.Singleton(3))
        from t in Gen.Int32(Range.Constant(1, 100)).Array(Range.Singleton(m))
        select new FloatNetCase(new DenseTwoLayerRelu(w, biases ? b : new double[m], a),
            pts.Select(p => p.Select(v => v / 10.0).ToArray()).ToArray(),
            t.Select((v, k) => (negativeScale && k == 0 ? -1 : 1) * v / 10.0).ToArray());
}
