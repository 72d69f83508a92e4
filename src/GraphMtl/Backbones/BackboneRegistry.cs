using GraphMtl.Configuration;

namespace GraphMtl.Backbones;

/// <summary>Backbones by configuration name (<c>model.name</c>). One line per backbone.</summary>
public static class BackboneRegistry
{
    /// <summary>The registry.</summary>
    public static readonly Registry<BackboneOptions> Instance = new Registry<BackboneOptions>("backbone")
        .Add<MlpOptions>("mlp", "per-node-type MLP, no message passing (a feature-only reference)")
        .Add<RgcnOptions>("rgcn", "R-GCN (Schlichtkrull et al. 2018): relation weights, mean aggregation, self-connection", "r-gcn")
        .Add<SimpleHgnOptions>("simple-hgn", "Simple-HGN (Lv et al. 2021): GAT with edge-type embeddings, node and edge residuals", "simplehgn", "shgn")
        .Add<HgtOptions>("hgt", "HGT (Hu et al. 2020): type-specific Q/K/V, relation-specific attention and messages, gated skip");
}
