using GraphMtl.Configuration;
using GraphMtl.Data;

namespace GraphMtl.Tests.Data;

public sealed class DatasetOptionsTests
{
    public sealed class TheBinding
    {
        [Fact]
        public void Should_Bind_Snake_Case_Keys_With_Defaults()
        {
            var yaml = """
                spec: dblp-mtl
                hgb: {val_fraction: 0.25, multilabel: true}
                synthetic: {conflict: 0.9}
                drop_node_types: [venue]
                self_loops: [author, paper]
                tasks: author
                """;

            var options = ConfigBinder.Bind<DatasetOptions>(ConfigBinder.Parse(yaml, "c.yaml"), "c.yaml");

            Assert.Equal("dblp-mtl", options.Spec);
            Assert.Equal((0.25, true, 0, "label.dat.test"), (options.Hgb.ValFraction, options.Hgb.Multilabel, options.Hgb.SplitSeed, options.Hgb.TestFile));
            Assert.Equal((0.9, 2000), (options.Synthetic.Conflict, options.Synthetic.Authors));
            Assert.True(options.AddReverse);
            Assert.Equal(["author"], options.Tasks!);
        }

        [Fact]
        public void Should_Name_File_Line_And_Key_Of_A_Bad_Value()
        {
            var e = Assert.Throws<ConfigException>(() =>
                ConfigBinder.Bind<DatasetOptions>(ConfigBinder.Parse("spec: synthetic\nhgb:\n  val_fraction: 1.5\n", "c.yaml"), "c.yaml"));

            Assert.Equal("c.yaml:3: hgb.val_fraction: expected a fraction in [0, 1) (got 1.5)", e.Message);
        }

        [Fact]
        public void Should_Round_Trip_Through_Yaml()
        {
            var text = ConfigBinder.ToYaml(new DatasetOptions());

            var back = ConfigBinder.Bind<DatasetOptions>(ConfigBinder.Parse(text, "resolved.yaml"), "resolved.yaml");

            Assert.Equal(new DatasetOptions().Synthetic, back.Synthetic);
            Assert.Equal(new DatasetOptions().Hgb, back.Hgb);
        }
    }
}
