using GraphMtl.Configuration;
using GraphMtl.Relational;

namespace GraphMtl.MultiLabel;

/// <summary>
/// The head of the <c>multilabel</c> experiment (config section <c>head:</c>, chosen by <c>name</c>): <c>direct</c>
/// (the standard multi-task head), <c>concat</c> (known labels as inputs) and <c>metalink</c> (the data–task knowledge
/// graph). Later methods (GCNet, SGNN-EBM) add theirs here.
/// </summary>
[ComponentFamily(typeof(HeadRegistry))]
public abstract record HeadOptions : IValidatableOptions
{
    /// <summary>Builds the head for embeddings of width <paramref name="embeddingDim"/> and the tasks of <paramref name="setting"/>.</summary>
    public abstract MultiLabelHead Create(string name, int embeddingDim, int taskCount, RelationalSetting setting);

    /// <inheritdoc/>
    public virtual IEnumerable<(string Property, string Message)> Validate() => [];
}

/// <summary>Heads by configuration name (<c>head.name</c>). One line per head.</summary>
public static class HeadRegistry
{
    /// <summary>The registry.</summary>
    public static readonly Registry<HeadOptions> Instance = new Registry<HeadOptions>("head")
        .Add<DirectHeadOptions>("direct", "MLP then a dot product with learned per-task vectors (standard multi-task head)", "mtl")
        .Add<ConcatHeadOptions>("concat", "known labels (value and mask, length T) concatenated to the embedding, then the direct head", "label-concat")
        .Add<MetaLinkHeadOptions>("metalink", "MetaLink: gated heterogeneous GNN on the data–task knowledge graph (Cao, You and Leskovec, ICLR 2022)", "meta-link", "kg")
        .Add<TaskGraphs.SingleTaskHeadOptions>("single-task", "one direct model (encoder + head) per task, each selected on its own validation score", "stl", "single")
        .Add<TaskGraphs.SgnnHeadOptions>("sgnn", "SGNN: state GNN over a task-relation graph (Liu et al., AISTATS 2022)")
        .Add<TaskGraphs.SgnnEbmHeadOptions>("sgnn-ebm", "SGNN-EBM: SGNN, then an energy-based model over task labels trained by NCE with Gibbs noise (Liu et al., AISTATS 2022)", "sgnnebm")
        .Add<TaskGraphs.GcNetHeadOptions>("gcnet", "GCNet: learned causal task graph, structure prior then causal EBM with intervention contrastive estimation (Lin et al., IEEE TPAMI 2025)", "gc-net");
}
