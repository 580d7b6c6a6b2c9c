using System.Data.Common;

namespace Migrations.Tests.Support;

/// <summary>Reads every row of a command's result, NULL as null.</summary>
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
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
