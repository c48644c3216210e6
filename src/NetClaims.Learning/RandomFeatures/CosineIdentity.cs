using MathNet.Numerics.Integration;

namespace NetClaims.RandomFeatures;

/// <summary>
/// The cosine-as-ReLU-integral identity behind the corrective view's random-feature estimator (docs/bn20.md §2.1 b,
/// [DER]: Taylor's formula with integral remainder at −2): for ω₀ &gt; 0, any φ and u ∈ [−2, 2],
/// cos(ω₀u + φ) = cos(φ − 2ω₀) − ω₀ sin(φ − 2ω₀)·σ(u + 2) − 4ω₀²·E_{T~U[−2,2]}[cos(ω₀T + φ)·σ(u − T)].
/// </summary>
public static class CosineIdentity
{
    /// <summary>The right-hand side; the expectation is ∫_{−2}^{u} cos(ω₀T + φ)(u − T)dT/4, computed by Gauss–Legendre.</summary>
    /// <param name="boundaryAtom">Include the boundary ReLU atom −ω₀ sin(φ − 2ω₀)σ(u + 2) (false: a negative control).</param>
    /// <param name="order">Gauss–Legendre nodes on [−2, u] (the integrand is smooth there: the kink of σ sits at the end).</param>
    public static double RightHandSide(double omega0, double phi, double u, bool boundaryAtom = true, int order = 96)
    {
        if (!(omega0 > 0)) throw new ArgumentOutOfRangeException(nameof(omega0), "ω₀ > 0");
        if (u < -2 || u > 2) throw new ArgumentOutOfRangeException(nameof(u), "the identity holds for u in [−2, 2]");
        double integral = u <= -2 ? 0 : GaussLegendreRule.Integrate(t => Math.Cos(omega0 * t + phi) * (u - t), -2, u, order);
        double atom = boundaryAtom ? -omega0 * Math.Sin(phi - 2 * omega0) * Math.Max(0, u + 2) : 0;
        return Math.Cos(phi - 2 * omega0) + atom - omega0 * omega0 * integral;
    }
}
