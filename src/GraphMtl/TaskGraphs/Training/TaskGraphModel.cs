using GraphMtl.TaskGraphs.Layers;

namespace GraphMtl.TaskGraphs.Training;

/// <summary>One stage of a method: its network, the task embeddings it pre-trains, its options and whether it is energy-based.</summary>
internal sealed record TaskGraphStage(StageNetwork Network, TaskEmbedding Tasks, StageOptions Options)
{
    /// <summary>True for NCE-trained stages (their loss is one objective, combined with equal weighting).</summary>
    public bool IsEnergy => Options is EnergyStageOptions;
}

/// <summary>What a graph-learning method learned about the task structure.</summary>
/// <param name="Prior">The structure prior per directed edge of the heuristic graph (GCNet's a_causal), or null.</param>
/// <param name="Learned">The learned dense graph |A| (row-major T × T), or null.</param>
internal sealed record LearnedStructure(float[]? Prior, float[]? Learned);

/// <summary>
/// A task-graph method's whole model (all stages as submodules, so one state dict holds it) and its stage hooks.
/// </summary>
internal abstract class TaskGraphModel(string name) : nn.Module(name)
{
    /// <summary>The stages in training order.</summary>
    public abstract IReadOnlyList<TaskGraphStage> Stages { get; }

    /// <summary>Called before stage <paramref name="index"/> trains (earlier stages hold their best weights).</summary>
    public virtual void BeforeStage(int index) { }

    /// <summary>The learned structure after training (null for methods that learn none).</summary>
    public virtual LearnedStructure? Structure() => null;

    /// <summary>True when the reported structure is the last epoch's rather than the selected epoch's (<see cref="StructureEpoch"/>).</summary>
    public virtual bool StructureFromLastEpoch => false;

    /// <summary>Copies the trained encoder of <paramref name="from"/> into <paramref name="to"/>, with its direct term when both have one (warm start).</summary>
    protected static void CopyEncoder(StageNetwork from, StageNetwork to)
    {
        CopyWeights(from.Encoder, to.Encoder);
        if (from.Direct is not null && to.Direct is not null) CopyWeights(from.Direct, to.Direct);
    }

    /// <summary>Copies the parameters and buffers of <paramref name="from"/> into <paramref name="to"/> (same structure).</summary>
    internal static void CopyWeights(nn.Module from, nn.Module to)
    {
        using var snapshot = GraphMtl.Training.StateSnapshot.Capture(from);
        snapshot.Restore(to);
    }
}

/// <summary>SGNN: one stage.</summary>
internal sealed class SgnnModel : TaskGraphModel
{
    private readonly SgnnNetwork sgnn;
    private readonly TaskGraphStage[] _stages;

    public SgnnModel(SgnnNetwork sgnn, SgnnStageOptions options) : base("model")
    {
        this.sgnn = sgnn;
        _stages = [new TaskGraphStage(sgnn, sgnn.Tasks, options)];
        RegisterComponents();
    }

    public override IReadOnlyList<TaskGraphStage> Stages => _stages;
}

/// <summary>SGNN-EBM: SGNN, then the EBM (encoder copied from SGNN's by default).</summary>
internal sealed class SgnnEbmModel : TaskGraphModel
{
    private readonly SgnnNetwork sgnn;
    private readonly SgnnEbmNetwork ebm;
    private readonly TaskGraphStage[] _stages;
    private readonly SgnnEbmStageOptions _ebmOptions;

    public SgnnEbmModel(SgnnNetwork sgnn, SgnnStageOptions sgnnOptions, SgnnEbmNetwork ebm, SgnnEbmStageOptions ebmOptions) : base("model")
    {
        this.sgnn = sgnn;
        this.ebm = ebm;
        _ebmOptions = ebmOptions;
        _stages = [new TaskGraphStage(sgnn, sgnn.Tasks, sgnnOptions), new TaskGraphStage(ebm, ebm.Tasks, ebmOptions)];
        RegisterComponents();
    }

    public override IReadOnlyList<TaskGraphStage> Stages => _stages;

    public override void BeforeStage(int index)
    {
        if (index == 1 && _ebmOptions.Encoder == EncoderStart.Copy) CopyEncoder(sgnn, ebm);
    }
}

/// <summary>GCNet: stage 1 (structure prior), then stage 2 with A initialised from the prior (encoder copied by default).</summary>
internal sealed class GcNetModel : TaskGraphModel
{
    private readonly GcNetFeatureNetwork stage1;
    private readonly GcNetOutputNetwork stage2;
    private readonly TaskGraphStage[] _stages;
    private readonly GcNetOutputStageOptions _stage2Options;
    private float[]? _prior;

    public GcNetModel(GcNetFeatureNetwork stage1, GcNetFeatureStageOptions stage1Options, GcNetOutputNetwork stage2, GcNetOutputStageOptions stage2Options) : base("model")
    {
        this.stage1 = stage1;
        this.stage2 = stage2;
        _stage2Options = stage2Options;
        _stages = [new TaskGraphStage(stage1, stage1.Tasks, stage1Options), new TaskGraphStage(stage2, stage2.Tasks, stage2Options)];
        RegisterComponents();
    }

    public override IReadOnlyList<TaskGraphStage> Stages => _stages;

    public override void BeforeStage(int index)
    {
        if (index != 1) return;
        _prior = stage1.StructurePrior();
        stage2.InitialiseAdjacency(_prior);
        if (_stage2Options.Encoder == EncoderStart.Copy) CopyEncoder(stage1, stage2);
    }

    public override LearnedStructure? Structure() => new(_prior ?? stage1.StructurePrior(), stage2.LearnedGraph());

    public override bool StructureFromLastEpoch => _stage2Options.StructureEpoch == StructureEpoch.Last;
}
