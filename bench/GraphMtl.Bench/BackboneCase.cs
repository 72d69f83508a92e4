namespace GraphMtl.Bench;

/// <summary>One model configuration to time: a label, our backbone name (for the peer lookup) and config overrides.</summary>
internal sealed record BackboneCase(string Label, string Backbone, IReadOnlyList<string> Sets)
{
    /// <summary>
    /// The peer's setting on DBLP: full-batch author task, hidden 64, 2 layers, dropout 0.5, Adam lr 1e-3. Simple-HGN's
    /// <c>hidden</c> is per head, so 8 heads × 8 give the same 64-d layer width as HGT's 64 split over 8 heads.
    /// </summary>
    public static IReadOnlyList<BackboneCase> Dblp(string spec = "dblp-hgb") =>
    [
        new("RGCN", "rgcn", Common(spec, "rgcn", "model.hidden=64")),
        new("HGT (8 heads, 64-d)", "hgt", Common(spec, "hgt", "model.hidden=64", "model.heads=8")),
        new("Simple-HGN (8 heads × 8, 64-d)", "simple-hgn", Common(spec, "simple-hgn", "model.hidden=8", "model.heads=8")),
    ];

    /// <summary>Simple-HGN with HGB's own width (8 heads × 64 = 512-d), for the accuracy recipe's cost.</summary>
    public static BackboneCase SimpleHgnHgbWidth(string spec = "dblp-hgb") =>
        new("Simple-HGN (HGB width 8 × 64, 512-d)", "", Common(spec, "simple-hgn", "model.hidden=64", "model.heads=8"));

    private static string[] Common(string spec, string name, params string[] extra) =>
        [$"dataset.spec={spec}", $"model.name={name}", "model.layers=2", "model.dropout=0.5", .. extra];
}
