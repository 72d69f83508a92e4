namespace GraphMtl.Data.Molecules;

/// <summary>A data row left out by a loader.</summary>
/// <param name="Line">1-based line number in the file.</param>
/// <param name="Smiles">The row's SMILES.</param>
/// <param name="Reason">Why it was left out (the parser's message, "duplicate of line N", "at most one heavy atom"...).</param>
public sealed record SkippedRow(int Line, string Smiles, string Reason);
