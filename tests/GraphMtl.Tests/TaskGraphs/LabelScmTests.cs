using GraphMtl.TaskGraphs.Layers;

namespace GraphMtl.Tests.TaskGraphs;

[Collection(EngineCollection.Name)]
public sealed class LabelScmTests
{
    private static Tensor Param(LabelScm scm, string name) => scm.named_parameters().Single(p => p.name == name).parameter;

    // The reconstruction loss computed by hand: mean BCE of the structural logits over the scored cells.
    private static float ExpectedLoss(LabelScm scm, Tensor g, Tensor signed, Tensor a, Tensor labels, Tensor scored)
    {
        var bce = nn.functional.binary_cross_entropy_with_logits(scm.call(g, signed, a), labels.to(float32), reduction: nn.Reduction.None);
        return (bce * scored).sum().item<float>() / scored.sum().item<float>();
    }

    [Fact]
    public void Should_Sign_Observed_Labels_And_Use_The_Expectation_Where_Missing()
    {
        using var scope = NewDisposeScope();
        var labels = tensor(new long[] { 1, 0, 0 }, [1, 3]);
        var valid = tensor(new float[] { 1, 1, 0 }, [1, 3]);
        var prior = tensor(new float[] { -5f, 5f, 0.4054651f }, [1, 3]); // σ = 0.6 on the missing entry

        var signed = LabelScm.Signed(labels, valid, prior).data<float>().ToArray();

        Assert.Equal([1f, -1f], signed[..2]);
        Assert.Equal(0.2f, signed[2], 4);
    }

    [Fact]
    public void Should_Leave_Intervened_Labels_Out_Of_The_Reconstruction_Loss()
    {
        // Given A = 0, so the structural logits are u(g) alone
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var scm = new LabelScm("scm", 4, 3);
        var g = randn(6, 4);
        var labels = randint(0, 2, [6, 3]).to(int64);
        var valid = tensor(new float[] { 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1 }, [6, 3]);
        var intervened = tensor(new float[] { 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0 }, [6, 3]);
        var a = zeros(3, 3);

        var loss = scm.Loss(g, labels, valid, zeros(6, 3), a, intervened).item<float>();

        // Then it is the mean BCE over the observed cells that were not intervened on
        Assert.Equal(ExpectedLoss(scm, g, zeros(6, 3), a, labels, valid * (1 - intervened)), loss, 5);
        Assert.NotEqual(scm.Loss(g, labels, valid, zeros(6, 3), a).item<float>(), loss, 5);
        Assert.Equal(scm.Loss(g, labels, valid, zeros(6, 3), a).item<float>(), scm.Loss(g, labels, valid, zeros(6, 3), a, zeros(6, 3)).item<float>(), 6);
    }

    [Fact]
    public void Should_Propagate_An_Intervention_To_The_Children_And_Keep_The_Do_Set()
    {
        // Given u = 0 and the single edge 0 → 1 with weight 2
        using var scope = NewDisposeScope();
        using var scm = new LabelScm("scm", 2, 3);
        using (no_grad()) { Param(scm, "intercept.weight").zero_(); Param(scm, "intercept.bias").zero_(); }
        var a = zeros(3, 3);
        a[0, 1] = 2f;
        var nu = tensor(new float[] { 1f, 0.3f, 0.5f, 0.5f, 0.5f, 0.5f }, [1, 3, 2]); // task 0 intervened to ν(1) = 0.3
        var mask = tensor(new float[] { 1, 0, 0 });

        var p = scm.Propagate(zeros(1, 2), nu, a, mask);

        // Then task 0 keeps its entries, task 1 = σ(2 · (2·0.3 − 1)) = σ(−0.8), task 2 (no parent) = σ(0) = ½
        Assert.Equal([1f, 0.3f], p[0, 0].data<float>().ToArray());
        Assert.Equal((float)(1 / (1 + Math.Exp(0.8))), p[0, 1, 1].item<float>(), 5);
        Assert.Equal(0.5f, p[0, 2, 1].item<float>(), 5);
        Assert.Equal(1f, p[0, 1].sum().item<float>(), 5);
    }

    [Fact]
    public void Should_Learn_A_Label_Dependence_That_X_Does_Not_Explain_And_No_Edge_To_An_Independent_Task()
    {
        // Given y0 ~ σ(x0), y1 ~ σ(x1 + 2.5·(2y0 − 1)), y2 ~ σ(x2) and a third of the labels missing
        using var scope = NewDisposeScope();
        manual_seed(3);
        const int n = 3000;
        var x = randn(n, 3);
        var y0 = bernoulli(x[.., 0].sigmoid());
        var y1 = bernoulli((x[.., 1] + 2.5f * (2 * y0 - 1)).sigmoid());
        var y2 = bernoulli(x[.., 2].sigmoid());
        var labels = stack([y0, y1, y2], 1).to(int64);
        var valid = rand(n, 3).gt(1.0 / 3).to(float32);
        var prior = zeros(n, 3); // an uninformative previous stage: missing labels enter as 0
        using var scm = new LabelScm("scm", 3, 3);
        var a = new TorchSharp.Modules.Parameter(zeros(3, 3));
        var offDiagonal = ones(3, 3) - eye(3);
        using var optimizer = optim.Adam(scm.parameters().Append(a).ToList(), lr: 0.05);

        // When the SCM is fitted by its reconstruction loss
        for (int step = 0; step < 300; step++)
        {
            using var inner = NewDisposeScope();
            optimizer.zero_grad();
            scm.Loss(x, labels, valid, prior, a * offDiagonal).backward();
            optimizer.step();
        }

        // Then the 0–1 pair carries a large weight (either direction) and task 2 none
        var w = (a * offDiagonal).abs().detach();
        float pair01 = (w[0, 1] + w[1, 0]).item<float>();
        float pairs2 = (w[0, 2] + w[2, 0] + w[1, 2] + w[2, 1]).item<float>();
        Assert.True(pair01 > 1.5f, $"0–1 weight {pair01}");
        Assert.True(pairs2 < 0.3f, $"weights to task 2: {pairs2}");
    }

    // Two tasks with u = (u0, u1) (bias only) and the edge 0 → 1 of weight w: p(y0, y1) = σ(±u0) σ(±(u1 + w ỹ0)).
    private static LabelScm TwoTaskScm(float u0, float u1)
    {
        var scm = new LabelScm("scm", 1, 2);
        using (no_grad())
        {
            Param(scm, "intercept.weight").zero_();
            Param(scm, "intercept.bias").copy_(tensor(new[] { u0, u1 }));
        }
        return scm;
    }

    private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

    // A = the single edge 0 → 1 with weight w.
    private static Tensor EdgeZeroToOne(float w)
    {
        var a = zeros(2, 2);
        a[0, 1] = w;
        return a;
    }

    [Fact]
    public void Should_Infer_A_Parent_From_A_Known_Child_By_The_Exact_Conditional()
    {
        // Given the two-task SCM and the child's label known (clamped) to be 1
        using var scope = NewDisposeScope();
        const float u0 = 0.3f, u1 = -0.5f, w = 2f;
        using var scm = TwoTaskScm(u0, u1);
        var a = EdgeZeroToOne(w);
        var start = tensor(new long[] { 0, 1 }, [1, 2]);
        var clamp = tensor(new[] { false, true }, [1, 2]);

        var p = scm.Infer(zeros(1, 1), a, start, clamp, sweeps: 3, chains: 4, new Random(1), new Generator(5));

        // Then P(y0 = 1 | y1 = 1) = σ(u0)σ(u1 + w) / [σ(u0)σ(u1 + w) + σ(−u0)σ(u1 − w)] — Bayes' rule, not the prior σ(u0)
        double num = Sigmoid(u0) * Sigmoid(u1 + w), den = num + Sigmoid(-u0) * Sigmoid(u1 - w);
        Assert.Equal(num / den, p[0, 0].item<float>(), 5);
        Assert.NotEqual(Sigmoid(u0), p[0, 0].item<float>(), 2);
    }

    [Fact]
    public void Should_Sample_The_Marginals_Of_The_Label_Model_Without_Known_Labels()
    {
        // Given the two-task SCM and no label known
        using var scope = NewDisposeScope();
        const float u0 = 0.3f, u1 = -0.5f, w = 2f;
        using var scm = TwoTaskScm(u0, u1);
        var a = EdgeZeroToOne(w);

        var p = scm.Infer(zeros(1, 1), a, zeros(1, 2, int64), null, sweeps: 40, chains: 1000, new Random(2), new Generator(9));

        // Then the Gibbs averages match the exact marginals: P(y0 = 1) = σ(u0), P(y1 = 1) = σ(u0)σ(u1 + w) + σ(−u0)σ(u1 − w)
        Assert.Equal(Sigmoid(u0), p[0, 0].item<float>(), 0.01);
        Assert.Equal(Sigmoid(u0) * Sigmoid(u1 + w) + Sigmoid(-u0) * Sigmoid(u1 - w), p[0, 1].item<float>(), 0.01);
    }

    [Fact]
    public void Should_Impute_A_Missing_Parent_From_Its_Observed_Child_And_Keep_Observed_Labels()
    {
        // Given the edge 0 → 1 with a strong weight, u = 0, and rows whose parent is missing and child observed
        using var scope = NewDisposeScope();
        using var scm = TwoTaskScm(0f, 0f);
        var a = EdgeZeroToOne(6f);
        const int n = 200;
        var child = cat([ones(n / 2, dtype: int64), zeros(n / 2, dtype: int64)]);
        var labels = stack([zeros(n, dtype: int64), child], 1);
        var valid = stack([zeros(n), ones(n)], 1);
        var prior = zeros(n, 2); // an uninformative previous stage

        var imputed = scm.Impute(zeros(n, 1), labels, valid, prior, a, sweeps: 1, new Random(4), new Generator(8));

        // Then the observed child is unchanged and the parent follows it: P(y0 = 1 | y1) = σ(±6)-weighted, ≈ 0.998 or 0.002
        Assert.Equal(child.data<long>().ToArray(), imputed[.., 1].data<long>().ToArray());
        Assert.True(imputed[..(n / 2), 0].to(float32).mean().item<float>() > 0.95f);
        Assert.True(imputed[(n / 2).., 0].to(float32).mean().item<float>() < 0.05f);
    }

    [Fact]
    public void Should_Read_Imputed_Parents_In_The_Reconstruction_Loss()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        using var scm = new LabelScm("scm", 3, 3);
        var g = randn(5, 3);
        var labels = randint(0, 2, [5, 3]).to(int64);
        var valid = tensor(new float[] { 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 0, 1 }, [5, 3]);
        var imputed = where(valid.gt(0), labels, ones_like(labels)); // missing labels imputed as 1
        var a = randn(3, 3) * (ones(3, 3) - eye(3));

        var loss = scm.Loss(g, labels, valid, zeros(5, 3), a, imputed: imputed).item<float>();

        // Then the parents read ±1 from the imputed labels (not the expectation 0 that a zero prior gives)
        Assert.Equal(ExpectedLoss(scm, g, imputed.to(float32) * 2 - 1, a, labels, valid), loss, 5);
        Assert.NotEqual(scm.Loss(g, labels, valid, zeros(5, 3), a).item<float>(), loss, 3);
    }
}
