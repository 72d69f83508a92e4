using GraphMtl.Relational;

namespace GraphMtl.Tests.Relational;

[Collection(EngineCollection.Name)]
public sealed class KgHeteroConvTests
{
    private static KnowledgeGraph Graph(long[] data, long[] task, float[] y, int dataCount, int taskCount) =>
        new(dataCount, taskCount, tensor(data), tensor(task), tensor(y).unsqueeze(1));

    public sealed class TheForwardMethod
    {
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Should_Equal_The_Per_Node_Equations(bool last)
        {
            // Given 4 data nodes, 3 task nodes, a task without edges and a data node without edges
            manual_seed(6);
            const int d = 5;
            using var conv = new KgHeteroConv("kg", d, last);
            using var scope = NewDisposeScope();
            using (no_grad())
                foreach (var parameter in conv.parameters()) parameter.normal_(0, 0.5); // non-zero biases too
            var data = randn(4, d);
            var task = randn(3, d);
            long[] dn = [0, 1, 1, 2];
            long[] tn = [0, 0, 1, 1];
            float[] y = [1, 0, 1, 1];
            var graph = Graph(dn, tn, y, 4, 3);
            var p = conv.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter);

            // When
            var (newData, newTask) = conv.call(data, task, graph);

            // Then, node by node
            Tensor Message(int type, Tensor h, float e)
            {
                var a = p[$"nodeMaps.{type}.weight"].matmul(h) + p[$"nodeMaps.{type}.bias"] + p[$"edgeMaps.{type}.weight"].squeeze(1) * e + p[$"edgeMaps.{type}.bias"];
                return sigmoid(a.narrow(0, 0, d)) * a.narrow(0, d, d);
            }
            Tensor Update(int nodeType, int messageType, Tensor h, List<Tensor> messages)
            {
                var aggregated = (messages.Count == 0 ? zeros(d) : stack(messages).sum(0, false, null) / messages.Count) + p[$"aggregateBias.{messageType}"];
                var z = aggregated + sigmoid(p[$"selfGates.{nodeType}.weight"].matmul(h) + p[$"selfGates.{nodeType}.bias"]) * h;
                if (!last) z = nn.functional.prelu(z, p[$"activations.{nodeType}.weight"]);
                return h + z;
            }
            for (int t = 0; t < 3; t++)
            {
                var incoming = Enumerable.Range(0, dn.Length).Where(e => tn[e] == t).Select(e => Message(0, data[dn[e]], y[e])).ToList();
                Assert.True(newTask[t].allclose(Update(0, 0, task[t], incoming), rtol: 1e-4, atol: 1e-5), $"task {t}");
            }
            for (int i = 0; i < 4; i++)
            {
                var incoming = Enumerable.Range(0, dn.Length).Where(e => dn[e] == i).Select(e => Message(1, task[tn[e]], y[e])).ToList();
                Assert.True(newData[i].allclose(Update(1, 1, data[i], incoming), rtol: 1e-4, atol: 1e-5), $"data {i}");
            }
        }

        [Fact]
        public void Should_Update_Every_Node_Through_Its_Self_Gate_When_There_Are_No_Edges()
        {
            manual_seed(7);
            using var conv = new KgHeteroConv("kg", 4, last: true);
            using var scope = NewDisposeScope();
            var data = randn(2, 4);
            var task = randn(3, 4);

            var (newData, newTask) = conv.call(data, task, Graph([], [], [], 2, 3));

            Assert.Equal([2L, 4L], newData.shape);
            Assert.Equal([3L, 4L], newTask.shape);
            Assert.False(newTask.allclose(task));
            Assert.False(newData.isnan().any().item<bool>());
        }

        [Fact]
        public void Should_Give_Gradients_To_Every_Parameter()
        {
            manual_seed(8);
            using var conv = new KgHeteroConv("kg", 4, last: false);
            using var scope = NewDisposeScope();

            var (newData, newTask) = conv.call(randn(3, 4), randn(2, 4), Graph([0, 1, 2, 2], [0, 1, 0, 1], [1, 0, 0, 1], 3, 2));
            ((newData * randn(3, 4)).sum() + (newTask * randn(2, 4)).sum()).backward();

            foreach (var (name, p) in conv.named_parameters())
                Assert.True(p.grad is not null && p.grad.abs().sum().item<float>() > 0, $"{name} has no gradient");
        }
    }
}
