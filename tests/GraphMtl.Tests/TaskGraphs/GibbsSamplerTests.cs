using GraphMtl.TaskGraphs;

namespace GraphMtl.Tests.TaskGraphs;

[Collection(EngineCollection.Name)]
public sealed class GibbsSamplerTests
{
    // A two-task model: both directions of one edge, as the task graphs store them.
    private static readonly TaskGraph Pair = TaskGraph.Undirected(2, [(0, 1, 1f)]);
    private static readonly double[] Phi0 = [0.3, 0.7], Phi1 = [0.6, 0.4];
    private static readonly double[] Phi01 = [0.4, 0.1, 0.1, 0.4], Phi10 = [0.3, 0.2, 0.2, 0.3]; // pair states 2c + c'
    private const double Lambda = 0.8;

    // Edge 0 is (0, 1) and edge 1 is (1, 0): TaskGraph sorts edges by (source, target).
    private static (Tensor Unary, Tensor Pair) LogPotentials(int batch)
    {
        var unary = tensor(new[] { Phi0[0], Phi0[1], Phi1[0], Phi1[1] }.Select(v => (float)Math.Log(v)).ToArray(), [1, 2, 2]).expand(batch, 2, 2).contiguous();
        var pair = tensor(Phi01.Concat(Phi10).Select(v => (float)Math.Log(v)).ToArray(), [1, 2, 4]).expand(batch, 2, 4).contiguous();
        return (unary, pair);
    }

    // The exact joint of p̃(y) ∝ φ0(y0) φ1(y1) [φ01(y0, y1) φ10(y1, y0)]^λ.
    private static double[] ExactJoint()
    {
        var joint = new double[4];
        for (int y0 = 0; y0 < 2; y0++)
            for (int y1 = 0; y1 < 2; y1++)
                joint[2 * y0 + y1] = Phi0[y0] * Phi1[y1] * Math.Pow(Phi01[2 * y0 + y1] * Phi10[2 * y1 + y0], Lambda);
        double z = joint.Sum();
        return joint.Select(v => v / z).ToArray();
    }

    public sealed class TheRunMethod
    {
        [Fact]
        public void Should_Give_The_Exact_Conditional_In_The_Log_Domain()
        {
            // Given chains with y1 = 0 and y1 = 1 held fixed
            var sampler = new GibbsSampler(Pair, Lambda, GibbsDomain.Log);
            using var scope = NewDisposeScope();
            var (unary, pair) = LogPotentials(2);
            var start = tensor(new long[] { 0, 0, 0, 1 }, [2, 2]);
            var clamp = tensor(new[] { false, true, false, true }, [2, 2]);

            // When one sweep runs
            var (_, conditionals) = sampler.Run(unary, pair, start, 1, new Random(1), new Generator(3), clamp: clamp);

            // Then p(y0 = 1 | y1) is the exact conditional of p̃
            var joint = ExactJoint();
            var p = conditionals.select(1, 0).select(1, 1).data<float>().ToArray();
            Assert.Equal(joint[2] / (joint[0] + joint[2]), p[0], 5);
            Assert.Equal(joint[3] / (joint[1] + joint[3]), p[1], 5);
        }

        [Fact]
        public void Should_Sample_The_Exact_Joint_Of_A_Two_Task_Model()
        {
            // Given 20,000 chains from all-zero labels
            var sampler = new GibbsSampler(Pair, Lambda, GibbsDomain.Log);
            using var scope = NewDisposeScope();
            const int chains = 20000;
            var (unary, pair) = LogPotentials(chains);

            // When 20 sweeps run
            var (labels, _) = sampler.Run(unary, pair, zeros(chains, 2, dtype: int64), 20, new Random(7), new Generator(11));

            // Then the empirical joint matches the normalised p̃ within 0.015 per state
            var states = (labels.select(1, 0) * 2 + labels.select(1, 1)).data<long>().ToArray();
            var exact = ExactJoint();
            for (int s = 0; s < 4; s++) Assert.InRange(states.Count(v => v == s) / (double)chains, exact[s] - 0.015, exact[s] + 0.015);
        }

        [Fact]
        public void Should_Add_Probabilities_Over_Outgoing_Edges_In_The_Reference_Domain()
        {
            // Given probability-domain potentials and y1 held at 1
            var sampler = new GibbsSampler(Pair, Lambda, GibbsDomain.Probability);
            using var scope = NewDisposeScope();
            var unary = tensor(new[] { Phi0[0], Phi0[1], Phi1[0], Phi1[1] }.Select(v => (float)v).ToArray(), [1, 2, 2]);
            var pair = tensor(Phi01.Concat(Phi10).Select(v => (float)v).ToArray(), [1, 2, 4]);
            var start = tensor(new long[] { 0, 1 }, [1, 2]);
            var clamp = tensor(new[] { false, true }, [1, 2]);

            var (_, conditionals) = sampler.Run(unary, pair, start, 1, new Random(1), new Generator(3), clamp: clamp);

            // Then s_0(c) = φ0(c) + λ φ01(c, y1 = 1) and p_0 = softmax(s_0)
            double s0 = Phi0[0] + Lambda * Phi01[1], s1 = Phi0[1] + Lambda * Phi01[3];
            Assert.Equal(Math.Exp(s1) / (Math.Exp(s0) + Math.Exp(s1)), conditionals[0, 0, 1].item<float>(), 5);
        }

        [Fact]
        public void Should_Tilt_The_Conditional_Without_Renormalising()
        {
            var sampler = new GibbsSampler(Pair, 0, GibbsDomain.Probability);
            using var scope = NewDisposeScope();
            var unary = tensor(new float[] { 0.5f, 0.5f, 0.5f, 0.5f }, [1, 2, 2]);
            var pair = full(1, 2, 4, 0.25f);
            var tilt = tensor(new float[] { 2f, -1f }, [1, 2]);

            var (_, conditionals) = sampler.Run(unary, pair, zeros(1, 2, dtype: int64), 1, new Random(1), new Generator(3), tilt);

            // Then p_i(1) = ½·σ(z_i) and p_i(0) = ½·σ(−z_i)
            Assert.Equal(0.5 / (1 + Math.Exp(-2)), conditionals[0, 0, 1].item<float>(), 5);
            Assert.Equal(0.5 / (1 + Math.Exp(-1)), conditionals[0, 1, 0].item<float>(), 5);
        }
    }
}
