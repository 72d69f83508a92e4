using GraphMtl.Data;
using GraphMtl.Data.Molecules;
using GraphMtl.Data.MultiLabel;
using GraphMtl.Testing;

namespace GraphMtl.Tests.Data.MultiLabel;

public sealed class MultiLabelDataLoaderTests
{
    private const string Arff = """
        @relation toy
        @attribute f1 numeric
        @attribute f2 numeric
        @attribute L1 {0,1}
        @attribute L2 {0,1}
        @data
        1.0,2.0,1,0
        3.0,?,0,1
        """;

    public sealed class TheLoadMethod
    {
        [Fact]
        public void Should_Load_Clean_And_Featurise_A_MoleculeNet_Csv()
        {
            using var folder = new TempFolder();
            folder.Write("m.csv", MultiLabelToys.MoleculeCsv() + "not-a-smiles,1,1,1\nC,0,0,0\nOc1ccccc1,1,0,0\n");

            var data = MultiLabelDataLoader.Load(new MultiLabelDatasetOptions { Path = "m.csv" }, p => Path.Combine(folder.Path, p), out var skipped);

            // skipped: the Kekulé pyridine (a duplicate of c1ccncc1), the invalid SMILES, methane (one heavy atom), the phenol duplicate
            Assert.Equal(23, data.Count);
            Assert.Equal(4, skipped.Count);
            Assert.Equal(["a", "b", "c"], data.TaskNames);
            Assert.Equal("m", data.Name);
            Assert.IsType<MoleculeInputs>(data.Inputs);
            Assert.NotNull(data.ScaffoldKeys);
            Assert.Equal(MultiLabelDataset.Missing, data.Label(0, 2));
        }

        [Fact]
        public void Should_Append_Arff_Files_And_Select_Labels()
        {
            using var folder = new TempFolder();
            folder.Write("a.arff", Arff);
            folder.Write("b.arff", Arff);

            var data = MultiLabelDataLoader.Load(new MultiLabelDatasetOptions { Path = "a.arff", ExtraPaths = ["b.arff"], LabelCount = 2, Tasks = ["L2"] },
                p => Path.Combine(folder.Path, p), out _);

            Assert.Equal(4, data.Count);
            Assert.Equal(["L2"], data.TaskNames);
            Assert.Equal(new sbyte[] { 0, 1, 0, 1 }, data.Labels);
            Assert.True(float.IsNaN(((TabularInputs)data.Inputs).Features[3]));
        }

        [Fact]
        public void Should_Name_An_Unknown_Label_Attribute()
        {
            using var folder = new TempFolder();
            folder.Write("a.arff", Arff);

            var error = Assert.Throws<DataFormatException>(() =>
                MultiLabelDataLoader.Load(new MultiLabelDatasetOptions { Path = "a.arff", LabelCount = 2, Tasks = ["L9"] }, p => Path.Combine(folder.Path, p), out _));

            Assert.Contains("expected a label attribute named 'L9' (got labels L1, L2)", error.Message);
        }

        [SharedDataFact]
        public void Should_Load_Mulan_Yeast_From_Its_Two_Files()
        {
            var options = new MultiLabelDatasetOptions { Path = "mulan-yeast/yeast-train.arff", ExtraPaths = ["mulan-yeast/yeast-test.arff"], LabelsXml = "mulan-yeast/yeast.xml" };

            var data = MultiLabelDataLoader.Load(options, SharedData.DataRoot.Resolve, out _);

            Assert.Equal((2417, 14, 103), (data.Count, data.TaskCount, ((TabularInputs)data.Inputs).FeatureCount));
        }
    }

    public sealed class TheSplitMethod
    {
        [Fact]
        public void Should_Follow_The_Run_Seed_Unless_The_Split_Has_Its_Own()
        {
            var data = MultiLabelToys.RandomLabels(50, 2, 0);
            var random = new MultiLabelSplitOptions { Kind = MultiLabelSplitKind.Random };

            var a = MultiLabelDataLoader.Split(data, random, 1);
            var b = MultiLabelDataLoader.Split(data, random, 2);
            var fixedA = MultiLabelDataLoader.Split(data, random with { Seed = 9 }, 1);
            var fixedB = MultiLabelDataLoader.Split(data, random with { Seed = 9 }, 2);

            Assert.NotEqual(a.Train, b.Train);
            Assert.Equal(fixedA.Train, fixedB.Train);
            Assert.Equal(50, a.Train.Length + a.Valid.Length + a.Test.Length);
        }

        [Fact]
        public void Should_Refuse_A_Scaffold_Split_Of_Tabular_Data()
        {
            var error = Assert.Throws<GraphMtlException>(() => MultiLabelDataLoader.Split(MultiLabelToys.RandomLabels(10, 2, 0), new MultiLabelSplitOptions(), 0));

            Assert.StartsWith("dataset.split.kind: a scaffold split needs molecules (got tabular features)", error.Message);
        }

        [Fact]
        public void Should_Keep_Each_Scaffold_In_One_Part()
        {
            using var folder = new TempFolder();
            folder.Write("m.csv", MultiLabelToys.MoleculeCsv());
            var data = MultiLabelDataLoader.Load(new MultiLabelDatasetOptions { Path = "m.csv" }, p => Path.Combine(folder.Path, p), out _);

            var split = MultiLabelDataLoader.Split(data, new MultiLabelSplitOptions { Train = 0.6, Valid = 0.2 }, 3);

            var part = new Dictionary<string, int>();
            foreach (var (rows, k) in new[] { (split.Train, 0), (split.Valid, 1), (split.Test, 2) })
                foreach (int r in rows)
                    Assert.Equal(k, part.TryAdd(data.ScaffoldKeys![r], k) ? k : part[data.ScaffoldKeys![r]]);
        }
    }
}
