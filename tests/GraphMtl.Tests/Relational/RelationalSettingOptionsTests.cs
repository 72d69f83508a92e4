using GraphMtl.Relational;

namespace GraphMtl.Tests.Relational;

public sealed class RelationalSettingOptionsTests
{
    private static readonly string[] Tox21 =
        ["NR-AR", "NR-AR-LBD", "NR-AhR", "NR-Aromatase", "NR-ER", "NR-ER-LBD", "NR-PPAR-gamma", "SR-ARE", "SR-ATAD5", "SR-HSE", "SR-MMP", "SR-p53"];

    public sealed class TheResolveMethod
    {
        [Fact]
        public void Should_Hold_Out_The_Last_Floor_Of_A_Fifth_Of_The_Tasks()
        {
            var port = new RelationalSettingOptions { Meta = true }.Resolve(Tox21);
            var reference = new RelationalSettingOptions { Meta = true, MetaCount = MetaCountRule.Reference }.Resolve(Tox21);
            var sider = new RelationalSettingOptions { Meta = true, MetaCount = MetaCountRule.Reference }.Resolve(Enumerable.Range(0, 27).Select(i => $"t{i}").ToList());

            Assert.Equal(["SR-MMP", "SR-p53"], Tox21.Where((_, k) => port.MetaTest![k]));        // ⌊0.2·12⌋ = 2
            Assert.Equal(["SR-MMP", "SR-p53"], Tox21.Where((_, k) => reference.MetaTest![k]));   // ⌊0.2·14⌋ = 2
            Assert.Equal(5, sider.MetaTest!.Count(h => h));                                        // ⌊0.2·29⌋ = 5
        }

        [Fact]
        public void Should_Activate_Only_Held_Out_Tasks_At_Evaluation_And_The_Others_In_Training()
        {
            var setting = new RelationalSettingOptions { Meta = true, MetaTasks = ["NR-AR"] }.Resolve(Tox21);

            Assert.Equal([true, .. Enumerable.Repeat(false, 11)], setting.ActiveTasks(EpisodePhase.Eval, 12));
            Assert.Equal([false, .. Enumerable.Repeat(true, 11)], setting.ActiveTasks(EpisodePhase.Train, 12));
            Assert.Equal([0], setting.EvaluatedTasks(12));
            Assert.All(new RelationalSettingOptions { Reveal = 0.5 }.Resolve(Tox21).ActiveTasks(EpisodePhase.Eval, 12), Assert.True);
        }

        [Fact]
        public void Should_Name_The_Key_Of_An_Unknown_Held_Out_Task()
        {
            var error = Assert.Throws<GraphMtlException>(() => new RelationalSettingOptions { Meta = true, MetaTasks = ["nope"] }.Resolve(Tox21));

            Assert.StartsWith("setting.meta_tasks: unknown task 'nope'", error.Message);
        }

        [Fact]
        public void Should_Refuse_A_Fraction_That_Holds_Out_No_Task()
        {
            var error = Assert.Throws<GraphMtlException>(() => new RelationalSettingOptions { Meta = true, MetaFraction = 0.1 }.Resolve(["a", "b", "c"]));

            Assert.Contains("setting.meta_fraction", error.Message);
        }
    }
}
