using GraphMtl.Backbones;
using GraphMtl.Configuration;
using GraphMtl.Training;

namespace GraphMtl.Tests.Configuration;

public sealed class ConfigBinderTests
{
    private sealed record Root
    {
        public BackboneOptions Model { get; init; } = new RgcnOptions();
        public TrainOptions Train { get; init; } = new();
        public IReadOnlyList<string> Tasks { get; init; } = [];
    }

    private static Root Bind(string yaml, params string[] overrides)
    {
        var node = ConfigBinder.Parse(yaml, "cfg.yaml");
        ConfigBinder.ApplyOverrides(node, overrides);
        return ConfigBinder.Bind<Root>(node, "cfg.yaml");
    }

    public sealed class TheBindMethod
    {
        [Fact]
        public void Should_Bind_Snake_Case_Keys_And_Families_By_Name()
        {
            var root = Bind("model:\n  name: R-GCN\n  hidden: 32\n  bases: 4\ntrain:\n  weight_decay: 0.001\n  selection: {metric: loss, mode: all_tasks}\ntasks: author\n");

            var rgcn = Assert.IsType<RgcnOptions>(root.Model);
            Assert.Equal(32, rgcn.Hidden);
            Assert.Equal(4, rgcn.Bases);
            Assert.Equal(2, rgcn.Layers); // default kept
            Assert.Equal(0.001, root.Train.WeightDecay);
            Assert.Equal(SelectionMode.AllTasks, root.Train.Selection.Mode);
            Assert.Equal(["author"], root.Tasks);
        }

        [Fact]
        public void Should_Name_File_Line_And_Key_Of_An_Unknown_Key()
        {
            var e = Assert.Throws<ConfigException>(() => Bind("train:\n  epochs: 3\n  wieght_decay: 0.1\n"));
            Assert.StartsWith("cfg.yaml:3: train.wieght_decay: unknown key (expected one of:", e.Message);
            Assert.Contains("weight_decay", e.Message);
        }

        [Fact]
        public void Should_Name_The_Key_Of_A_Value_Of_The_Wrong_Type()
        {
            var e = Assert.Throws<ConfigException>(() => Bind("train:\n  epochs: many\n"));
            Assert.Equal("cfg.yaml:2: train.epochs: expected an integer (got 'many')", e.Message);
        }

        [Fact]
        public void Should_Report_Invalid_Values_From_Validation()
        {
            var e = Assert.Throws<ConfigException>(() => Bind("train:\n  lr: -1\n"));
            Assert.Equal("cfg.yaml:2: train.lr: expected a positive learning rate (got -1)", e.Message);
        }

        [Fact]
        public void Should_List_The_Choices_For_An_Unknown_Component()
        {
            var e = Assert.Throws<ConfigException>(() => Bind("model: {name: gcnn}\n"));
            Assert.Contains("model.name: unknown backbone 'gcnn' (expected one of: mlp, rgcn", e.Message);
        }

        [Fact]
        public void Should_Apply_Overrides_And_Name_Them_In_Errors()
        {
            var root = Bind("train: {epochs: 3}\n", "train.epochs=7", "model.name=mlp", "tasks=[a, b]");
            Assert.Equal(7, root.Train.Epochs);
            Assert.IsType<MlpOptions>(root.Model);
            Assert.Equal(["a", "b"], root.Tasks);

            var e = Assert.Throws<ConfigException>(() => Bind("", "train.epochs=x"));
            Assert.Equal("--set train.epochs=x: train.epochs: expected an integer (got 'x')", e.Message);
        }

        [Fact]
        public void Should_Report_Yaml_Syntax_Errors_With_A_Line()
        {
            var e = Assert.Throws<ConfigException>(() => Bind("train:\n  epochs: [1, 2\n"));
            Assert.StartsWith("cfg.yaml:", e.Message);
            Assert.Contains("invalid YAML", e.Message);
        }
    }

    public sealed class TheToYamlMethod
    {
        [Fact]
        public void Should_Round_Trip_A_Resolved_Config()
        {
            var root = Bind("model: {name: rgcn, hidden: 16}\ntrain: {lr: 0.005}\ntasks: [x]\n");

            string yaml = ConfigBinder.ToYaml(root);
            var again = ConfigBinder.Bind<Root>(ConfigBinder.Parse(yaml, "resolved.yaml"), "resolved.yaml");

            Assert.Contains("name: rgcn", yaml);
            Assert.Equal(root.Model, again.Model);
            Assert.Equal(root.Train, again.Train);
            Assert.Equal(root.Tasks, again.Tasks);
        }
    }

    public sealed class TheSnakeCaseMethod
    {
        [Theory]
        [InlineData("WeightDecay", "weight_decay")]
        [InlineData("Lr", "lr")]
        [InlineData("MacroF1", "macro_f1")]
        [InlineData("EvalEvery", "eval_every")]
        [InlineData("HGTLayer", "hgt_layer")]
        public void Should_Convert_Property_Names(string name, string key) => Assert.Equal(key, ConfigBinder.SnakeCase(name));
    }
}
