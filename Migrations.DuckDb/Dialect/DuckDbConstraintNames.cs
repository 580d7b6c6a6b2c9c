using Migrations.Dialects;
using Migrations.Operations;
using Migrations.Schema;
using static Migrations.DuckDb.Dialect.DuckDbSql;

namespace Migrations.DuckDb.Dialect;

/// <summary>
/// DuckDB throws constraint names away (a foreign key is always called <c>t_col_id_fkey</c>), yet
/// users drop constraints by the names they gave. This table keeps those names, matched to
/// DuckDB's constraints by kind and position, and is rewritten in the same transaction as
/// every change to a table's constraints.
/// </summary>
internal static class DuckDbConstraintNames
{
    public const string TableName = "__migrations_constraint_names";

    private static readonly string Quoted = Quote(new TableName(TableName));

    public static string Select => $"SELECT schema_name, table_name, constraint_type, ordinal, constraint_name FROM {Quoted}";

    public static SqlStep CreateIfMissing() => new(
        $"CREATE TABLE IF NOT EXISTS {Quoted} (schema_name VARCHAR NOT NULL, table_name VARCHAR NOT NULL, constraint_type VARCHAR NOT NULL, ordinal INTEGER NOT NULL, constraint_name VARCHAR NOT NULL)");

    /// <summary>Statements that make the map say what the model says for these tables.</summary>
    public static IEnumerable<SqlStep> Rewrite(SchemaModel model, IEnumerable<TableName> tables, NameResolver names)
    {
        foreach (var table in tables)
        {
            var resolved = names.Resolve(table);
            yield return new SqlStep($"DELETE FROM {Quoted} WHERE schema_name = $1 AND table_name = $2", [resolved.Schema, resolved.Name]);
            if (names.FindTable(model, resolved) is not { } current)
            {
                continue;
            }

            var rows = Entries(current).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var values = new List<object?>();
            var tuples = rows.Select(r =>
            {
                values.AddRange([current.Name.Schema, current.Name.Name, r.Type, r.Ordinal, r.Name]);
                var n = values.Count;
                return $"(${n - 4}, ${n - 3}, ${n - 2}, ${n - 1}, ${n})";
            });
            yield return new SqlStep($"INSERT INTO {Quoted} VALUES {string.Join(", ", tuples)}", values);
        }
    }

    /// <summary>The constraints of a table as (kind, position within kind, name), in the order the table is created with.</summary>
    public static IEnumerable<(string Type, int Ordinal, string Name)> Entries(TableModel table)
    {
        if (table.PrimaryKey is { } pk)
        {
            yield return ("PRIMARY KEY", 0, pk.Name);
        }

        foreach (var (u, i) in table.UniqueConstraints.Select((u, i) => (u, i)))
        {
            yield return ("UNIQUE", i, u.Name);
        }

        foreach (var (f, i) in table.ForeignKeys.Select((f, i) => (f, i)))
        {
            yield return ("FOREIGN KEY", i, f.Name);
        }

        foreach (var (c, i) in table.CheckConstraints.Select((c, i) => (c, i)))
        {
            yield return ("CHECK", i, c.Name);
        }
    }
}
