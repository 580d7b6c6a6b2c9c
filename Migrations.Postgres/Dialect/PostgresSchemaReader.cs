using System.Data.Common;
using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.Postgres.Dialect;

/// <summary>
/// Reads what the planner needs from pg_catalog (not information_schema, which hides objects the
/// role does not own): tables with their columns' exact types, and enum types with their values.
/// </summary>
internal static class PostgresSchemaReader
{
    private const string Columns = """
        SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull, pg_get_expr(d.adbin, d.adrelid)
          FROM pg_catalog.pg_attribute a
          JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
           AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
         ORDER BY n.nspname, c.relname, a.attnum
        """;

    private const string Enums = """
        SELECT n.nspname, t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[]
          FROM pg_catalog.pg_type t
          JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
          JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
         GROUP BY n.nspname, t.typname
        """;

    public static async Task<SchemaModel> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var columns = await QueryAsync(connection, Columns, r => (
            Table: new TableName(r.GetString(1), r.GetString(0)),
            Column: new ColumnModel(r.GetString(2), r.GetString(3), r.GetBoolean(4), r.IsDBNull(5) ? null : r.GetString(5))), cancellationToken).ConfigureAwait(false);
        var enums = await QueryAsync(connection, Enums, r => new EnumModel(new TableName(r.GetString(1), r.GetString(0)), r.GetFieldValue<string[]>(2)), cancellationToken).ConfigureAwait(false);
        var tables = columns.GroupBy(c => c.Table).Select(g => new TableModel(g.Key, g.Select(c => c.Column).ToArray())).ToArray();
        return new SchemaModel(tables, []) { Enums = enums };
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
