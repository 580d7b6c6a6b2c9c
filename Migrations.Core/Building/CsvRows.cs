using System.Text;

namespace Migrations.Building;

/// <summary>Reads RFC 4180 CSV: a header row of column names, then rows of text values (an empty unquoted field is NULL).</summary>
internal static class CsvRows
{
    public static (string[] Columns, IReadOnlyList<object?>[] Rows) Read(string path)
    {
        var records = Parse(File.ReadAllText(path)).ToList();
        if (records.Count == 0)
        {
            throw new InvalidOperationException($"{path} is empty: the first row must name the columns.");
        }

        var columns = records[0].Select(f => f ?? "").ToArray();
        var rows = records.Skip(1).Select((r, i) => r.Count == columns.Length
            ? (IReadOnlyList<object?>)r.ToArray<object?>()
            : throw new InvalidOperationException($"{path}, row {i + 2}: {r.Count} fields, but the header names {columns.Length} columns.")).ToArray();
        return (columns, rows);
    }

    private static IEnumerable<List<string?>> Parse(string text)
    {
        var record = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = wasQuoted = true;
                    break;
                case ',':
                    record.Add(Field(field, wasQuoted));
                    wasQuoted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    record.Add(Field(field, wasQuoted));
                    wasQuoted = false;
                    yield return record;
                    record = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || record.Count > 0 || wasQuoted)
        {
            record.Add(Field(field, wasQuoted));
            yield return record;
        }
    }

    private static string? Field(StringBuilder field, bool quoted)
    {
        var value = field.ToString();
        field.Clear();
        return value.Length == 0 && !quoted ? null : value;
    }
}
