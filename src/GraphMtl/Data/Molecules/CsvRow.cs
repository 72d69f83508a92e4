using System.Text;

namespace GraphMtl.Data.Molecules;

/// <summary>Splits one CSV line into fields, RFC 4180 style: commas inside double quotes, <c>""</c> for a quote.</summary>
internal static class CsvRow
{
    public static List<string> Split(string line, string path, int lineNumber)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        int i = 0;
        while (true)
        {
            sb.Clear();
            if (i < line.Length && line[i] == '"')
            {
                int quoteStart = i;
                i++;
                while (true)
                {
                    if (i >= line.Length)
                        throw new DataFormatException(path, lineNumber, $"expected a closing quote for the field opened at column {quoteStart + 1} (got the end of the line)");
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            sb.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    sb.Append(line[i++]);
                }
                if (i < line.Length && line[i] != ',')
                    throw new DataFormatException(path, lineNumber, $"expected ',' after a quoted field (got '{line[i]}' at column {i + 1})");
            }
            else
            {
                int start = i;
                while (i < line.Length && line[i] != ',') i++;
                sb.Append(line, start, i - start);
            }
            fields.Add(sb.ToString());
            if (i >= line.Length) break;
            i++; // the comma
        }
        return fields;
    }
}
