using GraphMtl.Data.Molecules;
using Xunit.Abstractions;

namespace GraphMtl.Tests.Data.Molecules;

public sealed class MoleculeSplitsTests
{
    private static readonly string[] Library =
    [
        "c1ccccc1C", "c1ccccc1CC", "c1ccccc1O", "c1ccccc1N", "c1ccccc1Cl", "c1ccccc1CCC", "c1ccccc1F", "c1ccccc1Br",
        "C1CCCCC1C", "C1CCCCC1O", "C1CCCCC1N", "C1CCCCC1CC", "c1ccncc1C", "c1ccncc1O", "c1ccncc1N",
        "c1ccc2ccccc2c1C", "c1ccc2ccccc2c1O", "CCO", "CCCO", "CCN", "CC(=O)O", "CCCC", "c1ccoc1C", "c1ccsc1C",
        "C1CC1C", "C1CC1O", "C1CCC1C", "C1CCNC1C", "C1CCOC1C", "c1ccccc1-c1ccccc1", "c1ccccc1Cc1ccccc1",
        "O=C1CCCCC1", "C1CCNCC1C", "C1COCCN1C", "c1cnccn1C", "c1ncncn1C", "c1ccc2[nH]ccc2c1", "c1ccc2occc2c1C",
        "c1ccc2sccc2c1", "CC(C)C",
    ];

    public sealed class TheScaffoldMethod
    {
        [Fact]
        public void Should_Put_Each_Scaffold_In_Exactly_One_Part()
        {
            // Given 40 molecules in about 25 scaffold sets
            var mols = Library.Select(SmilesParser.Parse).ToList();
            var keys = mols.Select(MurckoScaffold.ScaffoldKey).ToList();

            // When
            var split = MoleculeSplits.Scaffold(mols, seed: 0);

            // Then every row is used once and no scaffold is shared between parts
            var all = split.Train.Concat(split.Valid).Concat(split.Test).OrderBy(i => i).ToArray();
            Assert.Equal(Enumerable.Range(0, mols.Count), all);
            var part = new Dictionary<string, string>();
            foreach (var (name, rows) in new[] { ("train", split.Train), ("valid", split.Valid), ("test", split.Test) })
                foreach (int r in rows)
                    Assert.Equal(name, part.TryAdd(keys[r], name) ? name : part[keys[r]]);
            Assert.True(split.Train.Length <= 32);
            Assert.True(split.Valid.Length <= 4);
        }

        [Fact]
        public void Should_Be_Deterministic_For_A_Seed_And_Vary_With_It()
        {
            // Given
            var mols = Library.Select(SmilesParser.Parse).ToList();

            // When
            var a = MoleculeSplits.Scaffold(mols, seed: 3);
            var b = MoleculeSplits.Scaffold(mols, seed: 3);
            var c = Enumerable.Range(0, 10).Select(s => MoleculeSplits.Scaffold(mols, s)).ToList();

            // Then
            Assert.Equal(a.Train, b.Train);
            Assert.Equal(a.Test, b.Test);
            Assert.True(c.Select(s => string.Join(',', s.Test.Order())).Distinct().Count() > 1);
        }

        [Fact]
        public void Should_Split_Tox21_About_80_10_10()
        {
            // Given the real Tox21 file when present
            var path = TestData.File(Output, "moleculenet/tox21.csv");
            if (path is null) return;
            var data = MoleculeNetCsv.Load(path);
            var keys = data.ScaffoldKeys();

            // When
            var split = MoleculeSplits.ScaffoldFromKeys(keys, seed: 0);

            // Then sizes are close to 80/10/10 and scaffolds do not cross parts
            double n = data.Count;
            Assert.InRange(split.Train.Length / n, 0.79, 0.80);
            Assert.InRange(split.Valid.Length / n, 0.09, 0.10);
            Assert.InRange(split.Test.Length / n, 0.10, 0.12);
            var trainKeys = split.Train.Select(i => keys[i]).ToHashSet();
            Assert.DoesNotContain(split.Valid.Concat(split.Test), i => trainKeys.Contains(keys[i]));
            Output.WriteLine($"tox21 scaffold split seed 0: {split.Train.Length}/{split.Valid.Length}/{split.Test.Length}, {keys.Distinct().Count()} scaffolds");
        }

        public TheScaffoldMethod(ITestOutputHelper output) => Output = output;

        private ITestOutputHelper Output { get; }
    }

    public sealed class TheRandomMethod
    {
        [Fact]
        public void Should_Split_80_10_10_Deterministically()
        {
            // Given / When
            var a = MoleculeSplits.Random(1000, seed: 1);
            var b = MoleculeSplits.Random(1000, seed: 1);

            // Then
            Assert.Equal(800, a.Train.Length);
            Assert.Equal(100, a.Valid.Length);
            Assert.Equal(100, a.Test.Length);
            Assert.Equal(a.Valid, b.Valid);
            Assert.Equal(Enumerable.Range(0, 1000), a.Train.Concat(a.Valid).Concat(a.Test).Order());
        }
    }

    public sealed class TheRandomFilteredMethod
    {
        [Fact]
        public void Should_Give_Every_Task_Both_Classes_In_Every_Part()
        {
            // Given 200 rows, 3 tasks; task 2 has only 12 positives
            const int n = 200, t = 3;
            var labels = new sbyte[n * t];
            for (int i = 0; i < n; i++)
            {
                labels[i * t] = (sbyte)(i % 2);
                labels[i * t + 1] = (sbyte)(i % 3 == 0 ? 1 : i % 7 == 0 ? -1 : 0);
                labels[i * t + 2] = (sbyte)(i % 17 == 0 ? 1 : 0);
            }

            // When
            var split = MoleculeSplits.RandomFiltered(labels, t, seed: 0);

            // Then
            Assert.False(split.UsedFallback);
            Assert.True(MoleculeSplits.BothClasses(labels, t, split.Train));
            Assert.True(MoleculeSplits.BothClasses(labels, t, split.Valid));
            Assert.True(MoleculeSplits.BothClasses(labels, t, split.Test));
        }

        [Fact]
        public void Should_Fall_Back_To_A_Random_Split_When_Impossible()
        {
            // Given a task with a single positive, which cannot be in all three parts
            var labels = new sbyte[100];
            labels[0] = 1;

            // When
            var split = MoleculeSplits.RandomFiltered(labels, 1, seed: 0);

            // Then
            Assert.True(split.UsedFallback);
            Assert.Equal(80, split.Train.Length);
        }
    }
}
