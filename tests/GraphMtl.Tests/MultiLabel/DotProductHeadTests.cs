using GraphMtl.MultiLabel;

namespace GraphMtl.Tests.MultiLabel;

[Collection(EngineCollection.Name)]
public sealed class DotProductHeadTests
{
    private static Tensor TaskVectors(DotProductHead head) => head.named_parameters().Single(p => p.name == "taskWeight").parameter;

    [Theory]
    [InlineData(TaskVectorInit.Glorot, 64, 20)]
    [InlineData(TaskVectorInit.Uniform, 64, 20)]
    public void Should_Start_The_Task_Vectors_Within_The_Bound_Of_Their_Initialisation(TaskVectorInit init, int dim, int tasks)
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        using var head = new DotProductHead("head", dim, tasks, layers: 0, concat: false, metaTest: null, init);

        var w = TaskVectors(head);

        double bound = init == TaskVectorInit.Glorot ? Math.Sqrt(2) * Math.Sqrt(6.0 / (dim + tasks)) : 1 / Math.Sqrt(dim);
        double max = w.abs().max().item<float>();
        Assert.True(max <= bound + 1e-6, $"max |w| {max} above {bound}");
        Assert.True(max > 0.8 * bound, $"max |w| {max} far below {bound}: not drawn over the whole range");
    }
}
