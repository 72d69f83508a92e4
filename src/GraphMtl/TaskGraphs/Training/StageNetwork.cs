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

    /// <summary>
    /// The direct term d_t(g) = w_t·g + b_t <c>[B, T]</c>, a per-task linear function of the example embedding added to the
    /// stage's logit (BCE stages) or to the positive state's node potential (energy stages); null unless
    /// <see cref="TaskGraphHeadOptions.DirectTerm"/>. Why: the state MLP over [g(x) ‖ r_t] has to produce every task's own
    /// function of x from a small task embedding; the direct term gives each task that function as MTL's head does, and
    /// the structured part models what the task graph adds (see docs/gcnet.md).
    /// </summary>
    protected readonly Linear? direct;

    /// <summary>Creates the stage around its encoder, with a direct term over <paramref name="taskCount"/> tasks when
    /// <paramref name="directTerm"/>; the subclass calls <c>RegisterComponents()</c> last.</summary>
    protected StageNetwork(string name, ExampleEncoder encoder, int taskCount = 0, bool directTerm = false) : base(name)
    {
        this.encoder = encoder;
        if (directTerm) direct = nn.Linear(encoder.OutDim, taskCount);
    }

    /// <summary>The direct term's layer (null when off).</summary>
    public Linear? Direct => direct;

    /// <summary><paramref name="logits"/> <c>[B, T]</c> plus the direct term of <paramref name="g"/> when it is on.</summary>
    protected Tensor WithDirect(Tensor logits, Tensor g) => direct is null ? logits : logits + direct.call(g);

    /// <summary>
    /// Node potentials f_i(c) <c>[B, T, 2]</c> with the direct term added to the positive state (a shift of the
    /// log-odds log φ_i(1) − log φ_i(0) by d_t(g)) when it is on.
    /// </summary>
    protected Tensor WithDirectPotential(Tensor nodePotentials, Tensor g)
    {
        if (direct is null) return nodePotentials;
        var d = direct.call(g);
        return nodePotentials + stack([zeros_like(d), d], 2);
    }

    /// <summary>The stage's example encoder.</summary>
    public ExampleEncoder Encoder => encoder;

    /// <summary>The stage name in logs and progress (e.g. <c>stage1</c>).</summary>
    public abstract string StageName { get; }

    /// <summary>True when the stage reads the previous stage's logits (<see cref="StageBatch.Prior"/>).</summary>
    public virtual bool NeedsPrior => false;

    /// <summary>Called before each training epoch (0-based) of this stage, for schedules over epochs.</summary>
    public virtual void BeginEpoch(int epoch) { }

    /// <summary>Per-task training losses (task order) for one batch; the module is in training mode.</summary>
    public abstract Tensor[] Losses(StageBatch batch);

    /// <summary>P(y = 1) per example and task <c>[B, T]</c>; called in eval mode without gradients.</summary>
    public abstract Tensor Probabilities(StageBatch batch);

    /// <summary>Parameters all tasks share (for gradient-based weightings): by default everything but the task embeddings.</summary>
    public virtual IEnumerable<Parameter> SharedParameters() => parameters();
}
