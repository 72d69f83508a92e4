using GraphMtl.TaskGraphs.Layers;

namespace GraphMtl.Tests.TaskGraphs;

[Collection(EngineCollection.Name)]
public sealed class CausalScmTests
{
    private static Tensor Exogenous(CausalScm scm) => scm.named_parameters().Single(p => p.name == "exogenous").parameter;

    [Fact]
    public void Should_Read_Only_The_Parents_Of_Each_Task()
    {
        // Given A with the single edge 0 → 2 and marginals z for three tasks
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var scm = new CausalScm("scm", 3);
        var a = zeros(3, 3);
        a[0, 2] = 1.5f;
        var z = tensor(new float[] { 0.9f, 0.1f, 0.2f, 0.8f, 0.6f, 0.4f }, [1, 3, 2]);

        // When task 1 (no edge) changes, and when task 0 (the parent of 2) changes
        var before = scm.call(z, a);
        var other = z.clone();
        other[0, 1] = tensor(new float[] { 0.5f, 0.5f });
        var parent = z.clone();
        parent[0, 0] = tensor(new float[] { 0.1f, 0.9f });

        // Then only task 2's output follows its parent; outputs are distributions over the two classes
        Assert.True(scm.call(other, a).sub(before).abs().max().item<float>() < 1e-6);
        Assert.True(scm.call(parent, a)[0, 2].sub(before[0, 2]).abs().max().item<float>() > 1e-4);
        Assert.True(before.sum(2).sub(1).abs().max().item<float>() < 1e-5);
    }

    [Fact]
    public void Should_Cancel_The_Reference_Scalar_Noise_But_Not_A_Per_Class_Intercept()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var a = rand(3, 3);
        var z = rand(2, 3, 2).softmax(2);
        using var reference = new CausalScm("scm", 3);
        using var intercept = new CausalScm("scm", 3, perClass: true);
        var r0 = reference.call(z, a);
        var i0 = intercept.call(z, a);

        using (no_grad())
        {
            Exogenous(reference).copy_(tensor(new float[] { 3f, -2f, 5f }));
            Exogenous(intercept).copy_(tensor(new float[] { 3f, 0f, -2f, 0f, 5f, 0f }, [3, 2]));
        }

        // ε_j on both classes is a no-op (defect 6); ε_j ∈ R² moves the class probabilities
        Assert.True(reference.call(z, a).sub(r0).abs().max().item<float>() < 1e-6);
        Assert.True(intercept.call(z, a).sub(i0).abs().max().item<float>() > 0.1);
    }
}
