using GraphMtl.Backbones.Tabular;
using GraphMtl.Data.MultiLabel;
using GraphMtl.Testing;

namespace GraphMtl.Tests.Backbones.Tabular;

[Collection(EngineCollection.Name)]
public sealed class MlpEncoderTests
{
    public sealed class TheStatisticsMethod
    {
        [Fact]
        public void Should_Use_Only_The_Given_Rows_And_Skip_Missing_Values()
        {
            var inputs = new TabularInputs([1, 10, 3, float.NaN, 100, 100], ["a", "b"]);

            var (mean, std) = MlpEncoder.Statistics(inputs, [0, 1]);

            Assert.Equal([2f, 10f], mean);
            Assert.Equal([1f, 1f], std); // b has one value: std 0 → 1
        }
    }

    public sealed class TheForwardMethod
    {
        [Fact]
        public void Should_Encode_Rows_With_Missing_Values_And_Carry_Statistics_In_Its_State()
        {
            manual_seed(5);
            var data = MultiLabelToys.RandomLabels(20, 2, 0, features: 3);
            var inputs = (TabularInputs)data.Inputs;
            inputs.Features[4] = float.NaN;
            var options = new MlpEncoderOptions { Hidden = 8 };
            using var store = options.CreateStore(inputs, CPU);
            using var encoder = options.Create("m", inputs, Enumerable.Range(0, 20).ToList());
            using var scope = NewDisposeScope();

            var embedding = encoder.call(store.Collate([0, 1, 2, 3]));

            Assert.Equal([4L, 8L], embedding.shape);
            Assert.False(embedding.isnan().any().item<bool>());
            Assert.Contains("mean", encoder.state_dict().Keys);
        }

        [Fact]
        public void Should_Reject_Molecule_Data_With_A_Message_Naming_The_Encoder()
        {
            var data = new MultiLabelDataset("m", "memory", new MoleculeInputs(Molecular.Molecules.Graphs()), ["t"], new sbyte[6]);

            var error = Assert.Throws<GraphMtlException>(() => new MlpEncoderOptions().CreateStore(data.Inputs, CPU));

            Assert.Contains("encoder.name: 'mlp' reads tabular features (got a dataset of molecules)", error.Message);
        }
    }
}
