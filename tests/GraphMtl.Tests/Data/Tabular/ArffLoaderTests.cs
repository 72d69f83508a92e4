using GraphMtl.Data;
using GraphMtl.Data.Tabular;
using GraphMtl.Tests.Data.Molecules;
using Xunit.Abstractions;

namespace GraphMtl.Tests.Data.Tabular;

public sealed class ArffLoaderTests
{
    private const string Small = """
        % a comment
        @relation 'tiny set'

        @attribute 'feature one' numeric
        @attribute f2 REAL
        @attribute kind {a,b}
        @attribute L1 {0,1}
        @attribute L2 {0,1}

        @data
        1.5,-2,a,0,1
        % comment inside data
        0,3e-1,b,1,?
        """;

    public sealed class TheLoadMethod : IDisposable
    {
        private readonly ITestOutputHelper _output;
        private readonly string _dir = Directory.CreateTempSubdirectory("gmtl-arff-").FullName;

        public TheLoadMethod(ITestOutputHelper output) => _output = output;

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        private string Write(string name, string text)
        {
            var path = Path.Combine(_dir, name);
            File.WriteAllText(path, text);
            return path;
        }

        [Fact]
        public void Should_Read_Features_And_The_Last_Labels()
        {
            // Given a small dense ARFF file
            var path = Write("small.arff", Small);

            // When
            var data = ArffLoader.Load(path, labelCount: 2);

            // Then
            Assert.Equal("tiny set", data.Relation);
            Assert.Equal(2, data.Count);
            Assert.Equal(new[] { "feature one", "f2", "kind" }, data.FeatureNames);
            Assert.Equal(new[] { "L1", "L2" }, data.LabelNames);
            Assert.Equal(new float[] { 1.5f, -2f, 0f, 0f, 0.3f, 1f }, data.Features);
            Assert.Equal(new sbyte[] { 0, 1, 1, TabularMultiLabelDataset.Missing }, data.Labels);
        }

        [Fact]
        public void Should_Take_Labels_From_A_Mulan_Xml_File()
        {
            // Given label names in a CRLF MULAN file
            var arff = Write("small.arff", Small);
            var xml = Write("small.xml", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<labels xmlns=\"http://mulan.sourceforge.net/labels\">\r\n<label name=\"L1\"></label>\r\n<label name=\"L2\"></label>\r\n</labels>\r\n");

            // When
            var data = ArffLoader.Load(arff, xml);

            // Then
            Assert.Equal(new[] { "L1", "L2" }, data.LabelNames);
            Assert.Equal(3, data.FeatureCount);
        }

        [Fact]
        public void Should_Fail_On_A_Wrong_Value_Count()
        {
            // Given a row with 4 values for 5 attributes on line 12
            var path = Write("short.arff", Small.Replace("1.5,-2,a,0,1", "1.5,-2,a,0"));

            // When
            var e = Assert.Throws<DataFormatException>(() => ArffLoader.Load(path, 2));

            // Then
            Assert.Equal(11, e.Line);
            Assert.Contains("expected 5 comma-separated values", e.Message);
        }

        [Fact]
        public void Should_Fail_On_A_Bad_Label_Or_Number()
        {
            // Given
            var badLabel = Write("label.arff", Small.Replace("0,3e-1,b,1,?", "0,3e-1,b,2,?"));
            var badNumber = Write("number.arff", Small.Replace("1.5,-2,a,0,1", "1.5,x,a,0,1"));

            // When
            var e1 = Assert.Throws<DataFormatException>(() => ArffLoader.Load(badLabel, 2));
            var e2 = Assert.Throws<DataFormatException>(() => ArffLoader.Load(badNumber, 2));

            // Then
            Assert.Equal(13, e1.Line);
            Assert.Contains("label 'L1'", e1.Message);
            Assert.Equal(11, e2.Line);
            Assert.Contains("attribute 'f2'", e2.Message);
        }

        [Fact]
        public void Should_Fail_On_A_Label_Missing_From_The_Attributes()
        {
            // Given
            var arff = Write("small.arff", Small);
            var xml = Write("other.xml", "<labels><label name=\"Nope\"/></labels>");

            // When
            var e = Assert.Throws<DataFormatException>(() => ArffLoader.Load(arff, xml));

            // Then
            Assert.Contains("'Nope'", e.Message);
        }

        [Fact]
        public void Should_Reject_Sparse_Rows()
        {
            // Given
            var path = Write("sparse.arff", Small.Replace("1.5,-2,a,0,1", "{0 1.5, 3 1}"));

            // When / Then
            var e = Assert.Throws<DataFormatException>(() => ArffLoader.Load(path, 2));
            Assert.Contains("sparse", e.Message);
        }

        [Theory]
        [InlineData("mulan-yeast/yeast-train.arff", 1500)]
        [InlineData("mulan-yeast/yeast-test.arff", 917)]
        public void Should_Load_The_Shared_Yeast_Files(string relative, int rows)
        {
            // Given the real files when present
            var arff = TestData.File(_output, relative);
            var xml = TestData.File(_output, "mulan-yeast/yeast.xml");
            if (arff is null || xml is null) return;

            // When
            var data = ArffLoader.Load(arff, xml);

            // Then
            Assert.Equal(rows, data.Count);
            Assert.Equal(103, data.FeatureCount);
            Assert.Equal(14, data.LabelCount);
            Assert.Equal("Class1", data.LabelNames[0]);
            Assert.DoesNotContain(data.Labels, v => v is not (0 or 1));
            Assert.All(data.Features, f => Assert.True(float.IsFinite(f)));
        }
    }

    public sealed class TheReadMulanLabelsMethod
    {
        [Fact]
        public void Should_Fail_On_Malformed_Xml_With_The_Line()
        {
            // Given
            var path = Path.Combine(Directory.CreateTempSubdirectory("gmtl-xml-").FullName, "bad.xml");
            File.WriteAllText(path, "<labels>\n<label name=\"a\">\n</labels>\n");

            // When
            var e = Assert.Throws<DataFormatException>(() => ArffLoader.ReadMulanLabels(path));

            // Then
            Assert.True(e.Line > 0);
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
