using Google.OrTools.LinearSolver;
using NetClaims.Cube;

namespace NetClaims.Solvers;

/// <summary>A neuron column of the VP master: its direction, bias and a key that identifies lattice neurons (support
/// mask, sign mask on it, bias; continuous neurons get a serial number instead).</summary>
internal sealed record VpColumn(double[] W, double B, (ulong Support, ulong Signs, int B, int Serial) Key)
{
    /// <summary>The column's neuron with output weight 1.</summary>
    public VpNeuron Unit { get; } = new(W, B, 1);

    public double Norm => Unit.Norm;

    /// <summary>The lattice neuron with sign vector <paramref name="signs"/> on <paramref name="support"/>.</summary>
    public static VpColumn Lattice(int d, ulong support, ulong signs, int b)
    {
        var w = new double[d];
        for (int i = 0; i < d; i++) if ((support >> i & 1) != 0) w[i] = (signs >> i & 1) != 0 ? -1 : 1;
        return new VpColumn(w, b, (support, signs & support, b, 0));
    }

    public double Activation(ulong x) => Unit.Activation(x);
}

/// <summary>The restricted master LP of the VP: one equality row per sample, a free affine part, neuron columns p − q at
/// cost ‖w‖ each.</summary>
internal sealed class VpMaster : IDisposable
{
    readonly Solver solver;
    readonly Constraint[] rows;
    readonly Variable c;
    readonly Variable[] v;
    readonly Objective objective;
    readonly IReadOnlyList<ulong> points;
    readonly Dictionary<(ulong, ulong, int, int), (VpColumn Column, Variable P, Variable Q)> columns = [];
    readonly List<VpColumn> order = [];

    public VpMaster(string engine, int d, IReadOnlyList<ulong> points, IReadOnlyList<int> labels)
    {
        Engine = engine;
        this.points = points;
        solver = Solver.CreateSolver(engine) ?? throw new InvalidOperationException($"OR-Tools {engine} is not available");
        // GLOP was seen to stall (100% of a core for minutes) on one degenerate master; a time limit turns that into
        // a non-optimal status, and the caller rebuilds the same master with CLP.
        if (engine == "GLOP") solver.SetTimeLimit(GlopSeconds * 1000L);
        int n = points.Count;
        rows = new Constraint[n];
        for (int i = 0; i < n; i++) rows[i] = solver.MakeConstraint(labels[i], labels[i], $"s{i}");
        c = solver.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, "c");
        foreach (var r in rows) r.SetCoefficient(c, 1);
        v = new Variable[d];
        for (int k = 0; k < d; k++)
        {
            v[k] = solver.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, $"v{k}");
            for (int i = 0; i < n; i++) rows[i].SetCoefficient(v[k], Vertex.Coordinate(points[i], k));
        }
        objective = solver.Objective();
        objective.SetMinimization();
    }

    /// <summary>The time limit of one GLOP solve, in seconds.</summary>
    public const int GlopSeconds = 30;

    public string Engine { get; }

    public IReadOnlyList<VpColumn> Columns => order;

    public bool Contains(VpColumn col) => columns.ContainsKey(col.Key);

    public void Add(VpColumn col)
    {
        if (columns.ContainsKey(col.Key)) return;
        var p = solver.MakeNumVar(0, double.PositiveInfinity, "");
        var q = solver.MakeNumVar(0, double.PositiveInfinity, "");
        objective.SetCoefficient(p, col.Norm);
        objective.SetCoefficient(q, col.Norm);
        for (int i = 0; i < points.Count; i++)
        {
            double t = col.Activation(points[i]);
            if (t <= 0) continue;
            rows[i].SetCoefficient(p, t);
            rows[i].SetCoefficient(q, -t);
        }
        columns[col.Key] = (col, p, q);
        order.Add(col);
    }

    public Solver.ResultStatus Solve() => solver.Solve();

    public double Dual(int row) => rows[row].DualValue();

    public double Cost => objective.Value();

    public double Constant => c.SolutionValue();

    public double[] Affine() => v.Select(x => x.SolutionValue()).ToArray();

    public VpNeuron[] Neurons() => order.Select(k => (k, u: columns[k.Key].P.SolutionValue() - columns[k.Key].Q.SolutionValue()))
        .Where(t => t.u != 0).Select(t => new VpNeuron(t.k.W, t.k.B, t.u)).ToArray();

    /// <summary>
    /// The range of the linear functional Σ_j e_j·u_j (e_j = <paramref name="value"/> of column j; the affine part has
    /// value 0) over the master's optimal face: cost ≤ <paramref name="optimum"/>·(1 + slack) + slack, minimised and
    /// maximised, on a fresh LP over the same columns (each solve limited to <paramref name="seconds"/>; NaN when it
    /// does not end optimal).
    /// </summary>
    public (double Lo, double Hi) FaceRange(double optimum, Func<VpColumn, double> value, IReadOnlyList<int> labels, double slack = 1e-9, double seconds = 60)
    {
        // GLOP first, CLP when GLOP does not end optimal (seen once on a face LP at d = 10).
        (double Lo, double Hi) range = (double.NaN, double.NaN);
        foreach (var engine in new[] { "GLOP", "CLP" })
        {
            using var fresh = new VpMaster(engine, v.Length, points, labels);
            foreach (var col in order) fresh.Add(col);
            range = fresh.RangeOnFace(optimum, value, slack, seconds);
            if (!double.IsNaN(range.Lo) && !double.IsNaN(range.Hi)) break;
        }
        return range;
    }

    (double Lo, double Hi) RangeOnFace(double optimum, Func<VpColumn, double> value, double slack, double seconds)
    {
        solver.SetTimeLimit((long)(seconds * 1000));
        var face = solver.MakeConstraint(double.NegativeInfinity, optimum * (1 + slack) + slack, "face");
        foreach (var (col, p, q) in columns.Values)
        {
            face.SetCoefficient(p, col.Norm);
            face.SetCoefficient(q, col.Norm);
        }
        var f = solver.Objective();
        f.Clear();
        foreach (var (col, p, q) in columns.Values)
        {
            double e = value(col);
            f.SetCoefficient(p, e);
            f.SetCoefficient(q, -e);
        }
        f.SetMinimization();
        double lo = solver.Solve() == Solver.ResultStatus.OPTIMAL ? f.Value() : double.NaN;
        f.SetMaximization();
        double hi = solver.Solve() == Solver.ResultStatus.OPTIMAL ? f.Value() : double.NaN;
        return (lo, hi);
    }

    public void Dispose() => solver.Dispose();
}
