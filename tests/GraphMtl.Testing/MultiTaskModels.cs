using GraphMtl.Backbones;
using GraphMtl.Graphs;
using GraphMtl.MultiTask;
using TorchSharp;
using static TorchSharp.torch;

namespace GraphMtl.Testing;

/// <summary>Small settings and helpers for multi-task architecture tests.</summary>
public static class MultiTaskModels
{
    /// <summary>InLINE's Simple-HGN layer settings at a tiny width, dropout off by default (deterministic).</summary>
    public static SimpleHgnOptions InlineLayer(int hidden = 8, double dropout = 0, int layers = 2) => new()
    {
        Hidden = hidden, Layers = layers, Heads = 1, NegativeSlope = 0.2, EdgeDim = 4, EdgeResidual = 0, Dropout = 0, AttentionDropout = 0,
        LogitDropout = dropout, FeatureDropout = dropout, Residual = NodeResidual.Linear, PerTypeWeights = true, L2NormOutput = false,
        Init = SimpleHgnInit.Inline,
    };

    /// <summary>
    /// Copies every parameter of <paramref name="source"/> into <paramref name="target"/>, mapping names by the first
    /// matching prefix rewrite (<c>from → to</c>); parameters of the source without a counterpart are an error.
    /// </summary>
    public static void CopyParameters(nn.Module source, nn.Module target, params (string From, string To)[] rewrites)
    {
        var targets = target.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        using var _ = no_grad();
        foreach (var (name, p) in source.named_parameters())
        {
            string mapped = name;
            foreach (var (from, to) in rewrites)
                if (name.StartsWith(from, StringComparison.Ordinal))
                {
                    mapped = to + name[from.Length..];
                    break;
                }
            if (!targets.TryGetValue(mapped, out var t))
                throw new InvalidOperationException($"No parameter '{mapped}' (from '{name}') in the target; it has {string.Join(", ", targets.Keys)}.");
            t.copy_(p);
        }
    }

    /// <summary>Every task's logits, detached and concatenated per task name.</summary>
    public static Dictionary<string, Tensor> Logits(MultiTaskModel model, GraphTensors graph)
    {
        using var _ = no_grad();
        model.eval();
        return model.call(graph).ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
    }
}
