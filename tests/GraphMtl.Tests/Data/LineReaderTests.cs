using GraphMtl.Data;
using GraphMtl.Testing;

namespace GraphMtl.Tests.Data;

public sealed class LineReaderTests
{
    private static List<(int, string)> ReadAll(string path, bool dataOnly = false)
    {
        var result = new List<(int, string)>();
        using var reader = new LineReader(path);
        while (dataOnly ? reader.TryReadDataLine(out var line) : reader.TryReadLine(out line)) result.Add((reader.LineNumber, line.ToString()));
        return result;
    }

    public sealed class TheTryReadLineMethod
    {
        [Fact]
        public void Should_Strip_Cr_And_Keep_A_Last_Line_Without_Newline()
        {
            using var folder = new TempFolder();

            var lines = ReadAll(folder.Write("f.txt", "a\r\n\r\nb\tc\r\nlast"));

            Assert.Equal([(1, "a"), (2, ""), (3, "b\tc"), (4, "last")], lines);
        }

        [Fact]
        public void Should_Read_Gzip_And_Lines_Longer_Than_The_Buffer()
        {
            using var folder = new TempFolder();
            string longLine = new('x', 200_000);

            var lines = ReadAll(folder.Write("f.txt.gz", $"1\n{longLine}\n2\n"));

            Assert.Equal([(1, "1"), (2, longLine), (3, "2")], lines);
        }

        [Fact]
        public void Should_Skip_Blank_And_Comment_Lines_For_Data()
        {
            using var folder = new TempFolder();

            var lines = ReadAll(folder.Write("f.txt", "# header\n\n  \n1\n#x\n2\n"), dataOnly: true);

            Assert.Equal([(4, "1"), (6, "2")], lines);
        }

        [Fact]
        public void Should_Report_A_Missing_File()
        {
            var e = Assert.Throws<DataFormatException>(() => new LineReader("/no/such/file.txt"));

            Assert.Equal("/no/such/file.txt: file not found", e.Message);
        }
    }

    public sealed class TheSplitFieldsMethod
    {
        [Fact]
        public void Should_Keep_Empty_Fields_And_Count_Extra_Ones()
        {
            using var folder = new TempFolder();
            using var reader = new LineReader(folder.Write("f.txt", "1\t\t0\t2\t9\n"));
            reader.TryReadLine(out var line);
            Span<Range> fields = stackalloc Range[5];

            var e = Assert.Throws<DataFormatException>(() =>
            {
                Span<Range> f = stackalloc Range[5];
                reader.SplitFields("1\t\t0\t2\t9", f, 4, 4);
            });

            Assert.Equal(5, reader.SplitFields(line, fields, 4, 5));
            Assert.Equal("", line[fields[1]].ToString());
            Assert.EndsWith(":1: expected 4 tab-separated fields (got 5)", e.Message);
        }
    }
}
