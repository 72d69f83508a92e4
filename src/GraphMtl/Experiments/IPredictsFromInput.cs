using GraphMtl.Reports;

namespace GraphMtl.Experiments;

/// <summary>
/// An experiment that predicts new examples read from a file (<c>gmtl predict --input FILE</c>) rather than the
/// nodes of its own dataset: the <c>multilabel</c> kind, where new molecules or feature rows arrive with some labels
/// already known.
/// </summary>
public interface IPredictsFromInput
{
    /// <summary>What <c>--input</c> must hold, for help and error messages.</summary>
    string InputDescription { get; }

    /// <summary>Predicts the unknown cells of <paramref name="input"/> into <paramref name="output"/>; returns the files written and the rows skipped as unusable.</summary>
    (IReadOnlyList<string> Files, int InvalidRows) PredictFrom(RunFolder folder, string input, string output);
}
