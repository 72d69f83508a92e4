using GraphMtl.Backbones;
using GraphMtl.Relational;

namespace GraphMtl.MultiLabel;

/// <summary>
/// An example encoder and a multi-label head: <c>[queries; supports]</c> are encoded in one pass (one BatchNorm batch,
/// as the reference encodes query and support together), split, and handed to the head with the episode.
/// </summary>
public sealed class MultiLabelModel : nn.Module<ExampleBatch, EpisodeTensors, EpisodePhase, Tensor>
{
    private readonly ExampleEncoder encoder;
    private readonly MultiLabelHead head;

    /// <summary>Creates the model from its parts (it owns them).</summary>
    public MultiLabelModel(string name, ExampleEncoder encoder, MultiLabelHead head) : base(name)
    {
        this.encoder = encoder;
        this.head = head;
        RegisterComponents();
    }

    /// <summary>The encoder.</summary>
    public ExampleEncoder Encoder => encoder;

    /// <summary>The head.</summary>
    public MultiLabelHead Head => head;

    /// <summary>Encoder parameters and the head's shared parameters (what every task depends on).</summary>
    public IEnumerable<Parameter> SharedParameters() => encoder.parameters().Concat(head.SharedParameters());

    /// <summary>Logits <c>[P]</c> of the episode's targets; <paramref name="examples"/> holds the queries, then the supports.</summary>
    public override Tensor forward(ExampleBatch examples, EpisodeTensors episode, EpisodePhase phase)
    {
        if (examples.Size != episode.DataNodeCount)
            throw new ArgumentException($"Expected {episode.DataNodeCount} examples (queries then supports; got {examples.Size}).", nameof(examples));
        var embedding = encoder.call(examples);
        var query = episode.SupportCount > 0 ? embedding.narrow(0, 0, episode.QueryCount) : embedding;
        var support = episode.SupportCount > 0 ? embedding.narrow(0, episode.QueryCount, episode.SupportCount) : null;
        return head.call(new HeadInput(query, support, episode, phase));
    }

    /// <summary>Logits from embeddings computed separately (prediction: new queries and training supports come from different stores).</summary>
    public Tensor Logits(Tensor query, Tensor? support, EpisodeTensors episode, EpisodePhase phase) =>
        head.call(new HeadInput(query, support, episode, phase));
}
