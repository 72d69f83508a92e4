using GraphMtl.Data.MultiLabel;
using GraphMtl.TaskGraphs;
using GraphMtl.TaskGraphs.SyntheticDag;

namespace GraphMtl.Tests.TaskGraphs.SyntheticDag;

public sealed class SyntheticDagGeneratorTests
{
    private static readonly SyntheticDagOptions Small = new() { Seed = 3, Tasks = 12, Examples = 600, Features = 8 };

    public sealed class TheGenerateMethod
    {
        [Fact]
        public void Should_Be_Deterministic_Per_Seed()
        {
            var a = SyntheticDagGenerator.Generate(Small);
            var b = SyntheticDagGenerator.Generate(Small);
            var c = SyntheticDagGenerator.Generate(Small with { Seed = 4 });

            Assert.Equal(a.Labels, b.Labels);
            Assert.Equal(((TabularInputs)a.Inputs).Features, ((TabularInputs)b.Inputs).Features);
            Assert.Equal(a.Structure!.TrueDag!.Dense(), b.Structure!.TrueDag!.Dense());
            Assert.Equal(a.Structure.Heuristic!.Dense(), b.Structure.Heuristic!.Dense());
            Assert.NotEqual(a.Labels, c.Labels);
        }

        [Fact]
        public void Should_Attach_An_Acyclic_Truth_And_A_Heuristic_Graph_With_Deleted_And_Spurious_Edges()
        {
            var options = Small with { Deleted = 0.25, Spurious = 0.5 };

            var data = SyntheticDagGenerator.Generate(options);

            var truth = data.Structure!.TrueDag!;
            var heuristic = data.Structure.Heuristic!;
            Assert.True(truth.IsAcyclic());
            Assert.True(heuristic.IsSymmetric);
            int edges = truth.EdgeCount;
            Assert.True(edges > 0);
            int kept = Enumerable.Range(0, edges).Count(e => heuristic.HasEdge(truth.Source[e], truth.Target[e]));
            Assert.Equal(edges - (int)Math.Round(0.25 * edges), kept);
            Assert.Equal((int)Math.Round(0.5 * edges), heuristic.PairCount - kept);
            Assert.All(Enumerable.Range(0, truth.TaskCount), c =>
                Assert.True(Enumerable.Range(0, edges).Count(e => truth.Target[e] == c) <= options.MaxParents));
        }

        [Fact]
        public void Should_Flag_About_The_Intervention_Rate_And_Keep_Observational_Cells_Of_Root_Tasks()
        {
            var observational = SyntheticDagGenerator.Generate(Small with { MissingRate = 0 });
            var interventional = SyntheticDagGenerator.Generate(Small with { MissingRate = 0, Interventions = 0.3 });

            Assert.Null(observational.Interventions);
            var flags = interventional.Interventions!;
            Assert.InRange(flags.Count(f => f) / (double)flags.Length, 0.27, 0.33);
            // a task without parents is drawn from the same stream: only its intervened cells can differ
            var truth = interventional.Structure!.TrueDag!;
            var roots = Enumerable.Range(0, truth.TaskCount).Where(c => Enumerable.Range(0, truth.EdgeCount).All(e => truth.Target[e] != c)).ToList();
            Assert.NotEmpty(roots);
            foreach (int r in roots)
                for (int i = 0; i < interventional.Count; i++)
                    if (!flags[i * interventional.TaskCount + r]) Assert.Equal(observational.Label(i, r), interventional.Label(i, r));
        }

        [Fact]
        public void Should_Cut_An_Intervened_Child_Loose_From_Its_Parent()
        {
            // Given two tasks, the edge 0 → 1 or 1 → 0 for sure (p = 1), no feature effect, a strong label effect
            var options = new SyntheticDagOptions
            {
                Seed = 5, Tasks = 2, ExpectedParents = 0.5, Features = 1, FeatureScale = 0, EffectMin = 3, EffectMax = 3,
                Examples = 4000, MissingRate = 0, Interventions = 0.3, Deleted = 0, Spurious = 0,
            };

            var data = SyntheticDagGenerator.Generate(options);

            var truth = data.Structure!.TrueDag!;
            Assert.Equal(1, truth.EdgeCount);
            int parent = truth.Source[0], child = truth.Target[0];
            double Phi(Func<int, bool> keep)
            {
                var rows = Enumerable.Range(0, data.Count).Where(keep).ToList();
                double[] a = rows.Select(i => (double)data.Label(i, parent)).ToArray(), b = rows.Select(i => (double)data.Label(i, child)).ToArray();
                double ma = a.Average(), mb = b.Average();
                double cov = a.Zip(b, (u, v) => (u - ma) * (v - mb)).Sum();
                return cov / Math.Sqrt(a.Sum(u => (u - ma) * (u - ma)) * b.Sum(v => (v - mb) * (v - mb)));
            }
            bool Set(int i, int task) => data.Interventions![i * 2 + task];
            // Then the child follows its parent where it was not intervened (also where the parent was set) ...
            Assert.True(Math.Abs(Phi(i => !Set(i, child))) > 0.6);
            Assert.True(Math.Abs(Phi(i => !Set(i, child) && Set(i, parent))) > 0.6);
            // ... and is independent of it where it was
            Assert.InRange(Phi(i => Set(i, child)), -0.1, 0.1);
        }

        [Fact]
        public void Should_Hide_About_Rho_Of_The_Labels_And_Keep_Both_Classes_Per_Task()
        {
            var data = SyntheticDagGenerator.Generate(Small with { MissingRate = 0.5 });

            Assert.InRange(data.LabelledFraction, 0.45, 0.55);
            for (int t = 0; t < data.TaskCount; t++)
            {
                var observed = Enumerable.Range(0, data.Count).Select(i => data.Label(i, t)).Where(y => y >= 0).ToList();
                Assert.True(observed.Count(y => y == 1) >= 2 && observed.Count(y => y == 0) >= 2);
            }
        }

        [Fact]
        public void Should_Solve_Offsets_For_Prevalence_In_Range()
        {
            var data = SyntheticDagGenerator.Generate(Small with { Examples = 4000, MissingRate = 0, PrevalenceMin = 0.2, PrevalenceMax = 0.3 });

            for (int t = 0; t < data.TaskCount; t++)
            {
                double prevalence = Enumerable.Range(0, data.Count).Average(i => (double)data.Label(i, t));
                Assert.InRange(prevalence, 0.15, 0.35);
            }
        }

        [Fact]
        public void Should_Load_Through_The_Multilabel_Dataset_Spec()
        {
            var options = new MultiLabelDatasetOptions { Spec = "synthetic_dag", SyntheticDag = Small };

            var data = MultiLabelDataLoader.Load(options, _ => throw new InvalidOperationException("no file is read"), out var skipped);

            Assert.Empty(skipped);
            Assert.Equal("synthetic-dag", data.Name);
            Assert.Equal(12, data.TaskCount);
            Assert.NotNull(data.Structure?.TrueDag);
        }
    }
}
