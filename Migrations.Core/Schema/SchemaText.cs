using System.Globalization;
using Migrations.Operations;

namespace Migrations.Schema;

/// <summary>
/// A schema as sorted lines of text, one per object (a table, a column with its type, nullability,
/// default, collation and comment, a key, a check, an index, a sequence, an enum type, a view), so
/// that two schemas compare line by line and a changed object shows as one changed line. Used for
/// schema snapshots and to name what a migration's Down leaves behind.
/// </summary>
public static class SchemaText
{
    /// <summary>The lines of a schema, sorted.</summary>
    /// <param name="model">The schema.</param>
    /// <param name="include">Which tables to include (for example all but the history table); all when null.</param>
    public static IReadOnlyList<string> Lines(SchemaModel model, Func<TableName, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var lines = new List<string>();
        foreach (var table in model.Tables.Where(t => include?.Invoke(t.Name) ?? true))
        {
            var name = table.Name.ToString();
            lines.Add($"table {name}{Comment(table.Comment)}");
            lines.AddRange(table.Columns.Select((c, i) => $"column {name}.{c.Name}: #{i + 1} {c.StoreType}" +
                (c.Collation is null ? "" : $" COLLATE {c.Collation}") +
                (c.GeneratedSql is null ? "" : $" GENERATED ALWAYS AS ({c.GeneratedSql})") +
                (c.IsNullable ? "" : " NOT NULL") +
                (c.DefaultSql is null ? "" : $" DEFAULT {c.DefaultSql}") + Comment(c.Comment)));
            if (table.PrimaryKey is { } pk)
            {
                lines.Add($"primary key {pk.Name} on {name} ({string.Join(", ", pk.Columns)})");
            }

            lines.AddRange(table.UniqueConstraints.Select(u => $"unique {u.Name} on {name} ({string.Join(", ", u.Columns)})"));
            lines.AddRange(table.ForeignKeys.Select(f => $"foreign key {f.Name} on {name} ({string.Join(", ", f.Columns)}) references {f.PrincipalTable} ({string.Join(", ", f.PrincipalColumns)})"));
            lines.AddRange(table.CheckConstraints.Select(c => $"check {c.Name} on {name}: {c.Expression}"));
            lines.AddRange(table.Indexes.Select(i => $"{(i.IsUnique ? "unique index" : "index")} {i.Name} on {name} ({string.Join(", ", i.Columns)}){Comment(i.Comment)}"));
        }

        // A sequence's next value moves with every insert: only its name and step are the schema.
        lines.AddRange(model.Sequences.Select(s => $"sequence {s.Name} increment {s.IncrementBy.ToString(CultureInfo.InvariantCulture)}"));
        lines.AddRange(model.Enums.Select(e => $"enum type {e.Name} ({string.Join(", ", e.Values.Select(v => $"'{v}'"))})"));
        lines.AddRange(model.Views.Select(v => $"view {v.Name}: {string.Join(" ", v.Sql.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries))}"));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>What one schema has that the other has not, line by line: "left behind" and "missing" from the second's point of view.</summary>
    /// <param name="expected">The schema there should be.</param>
    /// <param name="actual">The schema there is.</param>
    public static IReadOnlyList<string> Differences(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var missing = expected.Except(actual, StringComparer.Ordinal).Select(l => $"missing: {l}");
        var extra = actual.Except(expected, StringComparer.Ordinal).Select(l => $"left behind: {l}");
        return [.. extra, .. missing];
    }

    private static string Comment(string? comment) => comment is null ? "" : $" -- {comment}";
}
