using System.Diagnostics;
using GraphMtl.Data;
using GraphMtl.Data.Molecules;
using Xunit.Abstractions;

namespace GraphMtl.Tests.Data.Molecules;

public sealed class MoleculeNetCsvTests
{
    public sealed class TheLoadMethod : IDisposable
    {
        private readonly ITestOutputHelper _output;
        private readonly string _dir = Directory.CreateTempSubdirectory("gmtl-csv-").FullName;

        public TheLoadMethod(ITestOutputHelper output) => _output = output;

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        private string Write(string name, string text)
        {
            var path = Path.Combine(_dir, name);
            File.WriteAllText(path, text);
            return path;
        }

        [Fact]
        public void Should_Read_Smiles_Tasks_And_Missing_Labels()
        {
            // Given a small chemprop-style file with a quoted header and quoted SMILES, CRLF line ends
            var path = Write("small.csv", "smiles,A,\"B, with comma\"\r\nCCO,1,\r\n\"c1ccccc1\",0.0,1.0\r\n");

            // When
            var data = MoleculeNetCsv.Load(path);

            // Then
            Assert.Equal(2, data.Count);
            Assert.Equal(new[] { "A", "B, with comma" }, data.TaskNames);
            Assert.Equal(new sbyte[] { 1, -1, 0, 1 }, data.Labels);
            Assert.Equal("c1ccccc1", data.Smiles[1]);
            Assert.Equal(new[] { 2, 3 }, data.Lines);
            Assert.Equal(0.75, data.LabelledFraction);
        }

        [Fact]
        public void Should_Use_Named_Smiles_And_Task_Columns()
        {
            // Given SMILES last, as in DeepChem's files
            var path = Write("named.csv", "id,T1,T2,smiles\nm1,1,0,CC\nm2,0,,CCC\n");

            // When
            var data = MoleculeNetCsv.Load(path, new MoleculeNetCsvOptions { SmilesColumn = "smiles", TaskColumns = ["T2"] });

            // Then
            Assert.Equal(new[] { "T2" }, data.TaskNames);
            Assert.Equal(new sbyte[] { 0, -1 }, data.Labels);
            Assert.Equal("CCC", data.Smiles[1]);
        }

        [Fact]
        public void Should_Skip_And_Report_Invalid_Smiles()
        {
            // Given an unclosed ring on line 3
            var path = Write("bad-smiles.csv", "smiles,A\nCCO,1\nC1CC,0\nCC,1\n");

            // When
            var data = MoleculeNetCsv.Load(path);

            // Then
            Assert.Equal(2, data.Count);
            var skipped = Assert.Single(data.Skipped);
            Assert.Equal(3, skipped.Line);
            Assert.Contains("unclosed ring closure", skipped.Reason);
        }

        [Fact]
        public void Should_Fail_On_Invalid_Smiles_When_Asked()
        {
            // Given
            var path = Write("bad-smiles.csv", "smiles,A\nCCO,1\nC1CC,0\n");

            // When
            var e = Assert.Throws<DataFormatException>(() => MoleculeNetCsv.Load(path, new MoleculeNetCsvOptions { InvalidSmiles = InvalidSmilesPolicy.Fail }));

            // Then
            Assert.Equal(3, e.Line);
            Assert.StartsWith($"{path}:3:", e.Message);
        }

        [Fact]
        public void Should_Fail_On_A_Bad_Label_Naming_The_Column()
        {
            // Given
            var path = Write("bad-label.csv", "smiles,NR-AR,SR-p53\nCCO,1,0\nCC,0,yes\n");

            // When
            var e = Assert.Throws<DataFormatException>(() => MoleculeNetCsv.Load(path));

            // Then
            Assert.Equal(3, e.Line);
            Assert.Contains("'SR-p53'", e.Message);
            Assert.Contains("'yes'", e.Message);
        }

        [Fact]
        public void Should_Fail_On_A_Wrong_Field_Count()
        {
            // Given
            var path = Write("short.csv", "smiles,A,B\nCCO,1,0\nCC,0\n");

            // When
            var e = Assert.Throws<DataFormatException>(() => MoleculeNetCsv.Load(path));

            // Then
            Assert.Equal(3, e.Line);
            Assert.Contains("expected 3 comma-separated fields", e.Message);
        }

        [Fact]
        public void Should_Fail_On_An_Unknown_Column()
        {
            // Given
            var path = Write("cols.csv", "smiles,A\nCCO,1\n");

            // When
            var e = Assert.Throws<DataFormatException>(() => MoleculeNetCsv.Load(path, new MoleculeNetCsvOptions { TaskColumns = ["B"] }));

            // Then
            Assert.Equal(1, e.Line);
            Assert.Contains("'B'", e.Message);
        }

        [Fact]
        public void Should_Drop_Trivial_Molecules_And_Duplicates_When_Asked()
        {
            // Given a single atom, a salt without bonds, and ethanol twice in different atom orders
            var path = Write("dups.csv", "smiles,A\nC,1\n[Na+].[Cl-],0\nCCO,1\nOCC,0\nCCN,1\n");

            // When
            var kept = MoleculeNetCsv.Load(path);
            var dropped = MoleculeNetCsv.Load(path, new MoleculeNetCsvOptions { DropTrivialMolecules = true, DropDuplicates = true });

            // Then
            Assert.Equal(5, kept.Count);
            Assert.Equal(new[] { "CCO", "CCN" }, dropped.Smiles);
            Assert.Equal(new[] { 2, 3, 5 }, dropped.Skipped.Select(s => s.Line));
            Assert.Equal("duplicate of line 4", dropped.Skipped[2].Reason);
        }

        [Theory]
        [InlineData("moleculenet/tox21.csv", 7831, 12, 0.829)]
        [InlineData("moleculenet/sider.csv", 1427, 27, 1.0)]
        [InlineData("moleculenet/muv.csv.gz", 93087, 17, 0.158)]
        public void Should_Load_The_Shared_MoleculeNet_Files(string relative, int rows, int tasks, double labelled)
        {
            // Given the real file when present
            var path = TestData.File(_output, relative);
            if (path is null) return;

            // When
            var sw = Stopwatch.StartNew();
            var data = MoleculeNetCsv.Load(path);
            var graphs = data.Featurize();
            sw.Stop();

            // Then every row parses and the counts match the MoleculeNet paper
            Assert.Empty(data.Skipped);
            Assert.Equal(rows, data.Count);
            Assert.Equal(tasks, data.TaskCount);
            Assert.Equal(labelled, data.LabelledFraction, 3);
            Assert.Equal(rows, graphs.Length);
            Assert.All(graphs, g => Assert.Equal(g.NumAtoms * MoleculeFeaturizer.AtomFeatureDim, g.AtomFeatures.Length));
            _output.WriteLine($"{relative}: {data.Count} molecules, {data.Skipped.Count} skipped, parsed and featurised in {sw.ElapsedMilliseconds} ms");
        }
    }
}
