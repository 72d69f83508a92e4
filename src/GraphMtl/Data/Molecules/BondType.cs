namespace GraphMtl.Data.Molecules;

/// <summary>Bond order as written or perceived; <see cref="Aromatic"/> after aromaticity perception.</summary>
public enum BondType
{
    /// <summary>Single bond (<c>-</c>, <c>/</c>, <c>\</c> or implicit).</summary>
    Single = 0,

    /// <summary>Double bond (<c>=</c>).</summary>
    Double = 1,

    /// <summary>Triple bond (<c>#</c>).</summary>
    Triple = 2,

    /// <summary>Aromatic bond (<c>:</c>, implicit between aromatic ring atoms, or perceived).</summary>
    Aromatic = 3,

    /// <summary>Quadruple bond (<c>$</c>).</summary>
    Quadruple = 4,
}
