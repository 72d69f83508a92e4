using GraphMtl.Data;
using GraphMtl.Data.MultiLabel;
using GraphMtl.MultiLabel;
using GraphMtl.Testing;

namespace GraphMtl.Tests.MultiLabel;

public sealed class PredictionTableTests
{
    public sealed class TheReadMoleculesMethod
    {
        [Fact]
        public void Should_Read_Known_Labels_And_Report_Invalid_Smiles_Per_Row()
        {
            using var folder = new TempFolder();
            string path = folder.Write("in.csv", "id,smiles,b\nm1,CCO,1\nm2,C1CC,\nm3,c1ccccc1,\n");

            var table = PredictionTable.ReadMolecules(path, ["a", "b"], smilesColumn: null);

            Assert.Equal(3, table.Count);
            Assert.Equal([0, 2], table.ValidRows);
            Assert.Equal(new sbyte[] { -1, 1, -1, -1 }, table.Labels);
            Assert.Null(table.Errors[0]);
            Assert.Contains("invalid SMILES 'C1CC'", table.Errors[1]);
            Assert.Equal(2, table.Inputs.Count);
        }

        [Fact]
        public void Should_Name_File_Line_And_Column_Of_A_Bad_Label()
        {
            using var folder = new TempFolder();
            string path = folder.Write("in.csv", "smiles,a\nCCO,1\nCCN,yes\n");

            var error = Assert.Throws<DataFormatException>(() => PredictionTable.ReadMolecules(path, ["a"], null));

            Assert.Equal($"{path}:3: expected a known label 0 or 1, or an empty cell to predict, in column 'a' (got 'yes')", error.Message);
        }

        [Fact]
        public void Should_Name_A_Missing_Smiles_Column()
        {
            using var folder = new TempFolder();
            string path = folder.Write("in.csv", "mol,a\nCCO,1\n");

            var error = Assert.Throws<DataFormatException>(() => PredictionTable.ReadMolecules(path, ["a"], "SMILES"));

            Assert.Contains("expected a column named 'SMILES' (got columns 'mol', 'a')", error.Message);
        }
    }

    public sealed class TheWriteMethod
    {
        [Fact]
        public void Should_Fill_Only_Unknown_Cells_Append_Missing_Tasks_And_Keep_Other_Columns()
        {
            using var folder = new TempFolder();
            string path = folder.Write("in.csv", "id,smiles,b\n\"x,1\",CCO,1\nm2,C1CC,\nm3,c1ccccc1,\n");
            var table = PredictionTable.ReadMolecules(path, ["a", "b"], null);

            table.Write(Path.Combine(folder.Path, "out.csv"), [0.25f, float.NaN, 0.5f, 0.75f]);

            var lines = File.ReadAllLines(Path.Combine(folder.Path, "out.csv"));
            Assert.Equal("id,smiles,b,a,error", lines[0]);
            Assert.Equal("\"x,1\",CCO,1,0.25,", lines[1]);
            Assert.StartsWith("m2,C1CC,,,invalid SMILES", lines[2]);
            Assert.Equal("m3,c1ccccc1,0.75,0.5,", lines[3]);
        }
    }

    public sealed class TheReadTabularMethod
    {
        [Fact]
        public void Should_Need_Every_Feature_Column_And_Read_Missing_Values()
        {
            using var folder = new TempFolder();
            string path = folder.Write("in.csv", "x0,x1,t0\n1.5,?,0\n2,3,\n");

            var table = PredictionTable.ReadTabular(path, ["t0"], ["x0", "x1"]);
            var missing = Assert.Throws<DataFormatException>(() => PredictionTable.ReadTabular(path, ["t0"], ["x0", "x2"]));

            var features = ((TabularInputs)table.Inputs).Features;
            Assert.Equal(1.5f, features[0]);
            Assert.True(float.IsNaN(features[1]));
            Assert.Equal(new sbyte[] { 0, -1 }, table.Labels);
            Assert.Contains("'x2'", missing.Message);
        }
    }
}
