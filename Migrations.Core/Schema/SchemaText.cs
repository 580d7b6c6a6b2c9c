using System.Globalization;
using Migrations.Operations;

namespace Migrations.Schema;

/// <summary>
/// A schema as sorted lines of text, one per object (a table, a column with its type, nullability,
/// default, collation and comment, a key, a check, an index, a sequence, an enum type, a view), so
/// that two schemas compare line by line and a changed object shows as one changed line. Used for
/// schema snapshots, to name what a migration's Down leaves behind, and to find drift.
/// </summary>
public static class SchemaText
{
    /// <summary>The lines of a schema, sorted.</summary>
    /// <param name="model">The schema.</param>
    /// <param name="include">Which tables to include (for example all but the history table); all when null.</param>
    public static IReadOnlyList<string> Lines(SchemaModel model, Func<TableName, bool>? include = null) =>
        Entries(model, include, columnPositions: true).Select(e => e.Line).Order(StringComparer.Ordinal).ToArray();

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

    /// <summary>
    /// One entry per object: its key (kind and name, the same whatever its definition) and its line.
    /// Without column positions, a column dropped by hand shows as one difference, not as every
    /// later column moving up.
    /// </summary>
    internal static IEnumerable<(string Key, string Line)> Entries(SchemaModel model, Func<TableName, bool>? include, bool columnPositions)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var table in model.Tables.Where(t => include?.Invoke(t.Name) ?? true))
        {
            var name = table.Name.ToString();
            yield return ($"table {name}", $"table {name}{Comment(table.Comment)}");
            var position = 0;
            foreach (var c in table.Columns)
            {
                position++;
                var key = $"column {name}.{c.Name}";
                yield return (key, $"{key}: " + (columnPositions ? $"#{position} " : "") + c.StoreType +
                    (c.Collation is null ? "" : $" COLLATE {c.Collation}") +
                    (c.GeneratedSql is null ? "" : $" GENERATED ALWAYS AS ({c.GeneratedSql})") +
                    (c.IsIdentity ? " IDENTITY" : "") +
                    (c.IsNullable ? "" : " NOT NULL") +
                    (c.DefaultSql is null ? "" : $" DEFAULT {c.DefaultSql}") + Comment(c.Comment));
            }

            if (table.PrimaryKey is { } pk)
            {
                yield return Entry("primary key", $"{pk.Name} on {name}", $" ({string.Join(", ", pk.Columns)})");
            }

            foreach (var u in table.UniqueConstraints)
            {
                yield return Entry("unique", $"{u.Name} on {name}", $" ({string.Join(", ", u.Columns)})");
            }

            foreach (var f in table.ForeignKeys)
            {
                yield return Entry("foreign key", $"{f.Name} on {name}", $" ({string.Join(", ", f.Columns)}) references {f.PrincipalTable} ({string.Join(", ", f.PrincipalColumns)}){Action("delete", f.OnDelete)}{Action("update", f.OnUpdate)}");
            }

            foreach (var c in table.CheckConstraints)
            {
                yield return Entry("check", $"{c.Name} on {name}", $": {c.Expression}");
            }

            foreach (var i in table.Indexes)
            {
                yield return ($"index {i.Name} on {name}", $"{(i.IsUnique ? "unique index" : "index")} {i.Name} on {name} ({string.Join(", ", i.Columns)}){Comment(i.Comment)}");
            }
        }

        // A sequence's next value moves with every insert: only its name and step are the schema.
        foreach (var s in model.Sequences)
        {
            yield return Entry("sequence", s.Name.ToString(), $" increment {s.IncrementBy.ToString(CultureInfo.InvariantCulture)}");
        }

        foreach (var e in model.Enums)
        {
            yield return Entry("enum type", e.Name.ToString(), $" ({string.Join(", ", e.Values.Select(v => $"'{v}'"))})");
        }

        foreach (var v in model.Views)
        {
            yield return Entry("view", v.Name.ToString(), $": {string.Join(" ", v.Sql.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries))}");
        }
    }

    private static (string Key, string Line) Entry(string kind, string name, string definition) => ($"{kind} {name}", $"{kind} {name}{definition}");

    private static string Action(string change, ReferentialAction action) => action == ReferentialAction.NoAction ? "" : $" on {change} {action}";

    private static string Comment(string? comment) => comment is null ? "" : $" -- {comment}";
}
