using GraphMtl.Backbones;

namespace GraphMtl.TaskGraphs.Training;

/// <summary>
/// The reference's MTL pre-training of a stage's example encoder (gcnet.md §2.3): encoder + Linear(D, T) trained with
/// the masked BCE averaged per task, then over tasks (<see cref="StageLosses.PerTask"/>). It wraps the first stage's
/// encoder itself, so training it warms that encoder up in place; the linear head is discarded afterwards, or starts the
/// stage's direct term (<see cref="TaskGraphHeadOptions.DirectTerm"/>).
/// </summary>
internal sealed class EncoderPretrainNetwork : StageNetwork
{
    private readonly Linear head;

    /// <summary>Wraps <paramref name="encoder"/> (not owned: <see cref="DisposeHead"/> frees only the head).</summary>
    public EncoderPretrainNetwork(ExampleEncoder encoder, int taskCount) : base("pretrain", encoder)
    {
        head = nn.Linear(encoder.OutDim, taskCount);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override string StageName => "pretrain";

    private Tensor Logits(StageBatch batch) => head.call(encoder.call(batch.Examples));

    /// <inheritdoc/>
    public override Tensor[] Losses(StageBatch batch) => StageLosses.Split(StageLosses.PerTask(Logits(batch), batch.Labels, batch.Valid));

    /// <inheritdoc/>
    public override Tensor Probabilities(StageBatch batch) => Logits(batch).sigmoid();

    /// <summary>The trained linear head Linear(D, T).</summary>
    public Linear Head => head;

    /// <summary>Frees the discarded head; the encoder belongs to the stage it warms up.</summary>
    public void DisposeHead() => head.Dispose();
}
