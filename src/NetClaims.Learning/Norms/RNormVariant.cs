namespace NetClaims.Norms;

/// <summary>
/// The two R-norm variants of docs/ahs23.md §1.0 (which one each theorem uses is [UNSURE]; every parity number
/// in §1 coincides for both when the net linear part is zero, as for all the averaged constructions).
/// </summary>
public enum RNormVariant
{
    /// <summary>
    /// (A) Ongie–Willett–Soudry–Srebro 2020: free affine part. ‖g‖_R = inf |μ| over g = ∫σ(⟨w,x⟩+b)dμ + ⟨v,x⟩ + c,
    /// ‖w‖ = 1; for a finite net, the infimum of C(g) = Σ|u_i|·‖w_i‖₂ over its representations.
    /// </summary>
    FreeAffine,

    /// <summary>
    /// (B) Savarese–Evron–Soudry–Srebro 2019 R̄: free constant only, no free linear term ⟨v,x⟩.
    /// A network with linear part v is charged for writing it as σ(⟨v,x⟩) − σ(−⟨v,x⟩), i.e. C(g) + 2‖v‖₂;
    /// that is the cost of a valid B-representation (an upper bound on R̄), not R̄ itself.
    /// </summary>
    FreeConstant,
}
