using System.Data.Common;

namespace Migrations.Tests.Support;

/// <summary>Reads every row of a command's result, NULL as null, BLOBs (which DuckDB.NET returns as streams) as byte arrays.</summary>
internal static class DbRows
{
    public static List<object?[]> Read(DbCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i) is Stream blob ? Bytes(blob) : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static byte[] Bytes(Stream blob)
    {
        using var copy = new MemoryStream();
        blob.CopyTo(copy);
        return copy.ToArray();
    }
}
