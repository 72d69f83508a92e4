namespace GraphMtl.Bench;

/// <summary>
/// The peer's figures from issue 4 (PyTorch Geometric 2.4 on PyTorch 1.13 CPU, 2 cores, full-batch DBLP author task,
/// hidden 64, 2 layers): what each backbone's epoch time and peak memory are compared with.
/// </summary>
internal static class PeerFigures
{
    /// <summary>Median epoch seconds and peak RSS (MiB) per peer model, keyed by our backbone name where we have one.</summary>
    public static IReadOnlyDictionary<string, (string Model, double EpochSeconds, double PeakRssMiB)> ByBackbone { get; } =
        new Dictionary<string, (string, double, double)>
        {
            ["rgcn"] = ("RGCN (RGCNConv)", 0.454, 1058),
            ["hgt"] = ("HGT (HGTConv, 8 heads)", 0.528, 1332),
            ["simple-hgn"] = ("Simple-HGN (on PyG utilities)", 0.581, 1156),
        };

    /// <summary>The goal: at most this fraction of the peer's epoch time (and no more memory).</summary>
    public const double TimeGoal = 0.8;

    /// <summary>Ours divided by the peer's, or NaN when there is no peer figure.</summary>
    public static double Ratio(double ours, double peer) => peer > 0 && !double.IsNaN(ours) ? ours / peer : double.NaN;
}
