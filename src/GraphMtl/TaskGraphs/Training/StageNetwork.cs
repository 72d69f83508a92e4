using GraphMtl.Backbones;

namespace GraphMtl.TaskGraphs.Training;

/// <summary>
/// One trainable stage of a task-graph method (SGNN; SGNN-EBM's SGNN and EBM; GCNet's feature-level and output-level
/// networks): its own example encoder and task embeddings plus a head, trained by the shared <see cref="GraphMtl.Training.Trainer"/>
/// through a <see cref="TaskGraphProblem"/>. Subclasses give the per-task training losses and the evaluation scores.
/// </summary>
internal abstract class StageNetwork : nn.Module
{
    /// <summary>The stage's example encoder (a protected field so the subclass's <c>RegisterComponents</c> finds it).</summary>
    protected readonly ExampleEncoder encoder;

    /// <summary>Creates the stage around its encoder; the subclass calls <c>RegisterComponents()</c> last.</summary>
    protected StageNetwork(string name, ExampleEncoder encoder) : base(name) => this.encoder = encoder;

    /// <summary>The stage's example encoder.</summary>
    public ExampleEncoder Encoder => encoder;

    /// <summary>The stage name in logs and progress (e.g. <c>stage1</c>).</summary>
    public abstract string StageName { get; }

    /// <summary>True when the stage reads the previous stage's logits (<see cref="StageBatch.Prior"/>).</summary>
    public virtual bool NeedsPrior => false;

    /// <summary>Per-task training losses (task order) for one batch; the module is in training mode.</summary>
    public abstract Tensor[] Losses(StageBatch batch);

    /// <summary>P(y = 1) per example and task <c>[B, T]</c>; called in eval mode without gradients.</summary>
    public abstract Tensor Probabilities(StageBatch batch);

    /// <summary>Parameters all tasks share (for gradient-based weightings): by default everything but the task embeddings.</summary>
    public virtual IEnumerable<Parameter> SharedParameters() => parameters();
}
