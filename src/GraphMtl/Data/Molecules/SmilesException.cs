namespace GraphMtl.Data.Molecules;

/// <summary>An invalid SMILES string; the message names the 0-based character position.</summary>
public sealed class SmilesException : GraphMtlException
{
    /// <summary>The SMILES that failed to parse.</summary>
    public string Smiles { get; }

    /// <summary>0-based character position of the problem.</summary>
    public int Position { get; }

    /// <summary>The problem, without the position and the SMILES.</summary>
    public string Reason { get; }

    /// <summary>Creates the exception; the message reads "invalid SMILES 'X' at position N: reason".</summary>
    public SmilesException(string smiles, int position, string reason)
        : base($"invalid SMILES '{TextLines.Shorten(smiles)}' at position {position}: {reason}")
    {
        Smiles = smiles;
        Position = position;
        Reason = reason;
    }
}
