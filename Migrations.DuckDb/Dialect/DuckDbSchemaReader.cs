using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Migrations.Dialects;
using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.DuckDb.Dialect;

/// <summary>Reads the schema of a DuckDB database from its catalog functions (duckdb_tables(), duckdb_columns(), ...).</summary>
internal static partial class DuckDbSchemaReader
{
    private const string Tables = "SELECT schema_name, table_name, comment, sql FROM duckdb_tables() WHERE NOT internal AND NOT temporary";

    private const string Columns = """
        SELECT c.schema_name, c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default, c.comment
          FROM duckdb_columns() c JOIN duckdb_tables() t ON t.table_oid = c.table_oid
         WHERE NOT t.internal AND NOT t.temporary
         ORDER BY c.schema_name, c.table_name, c.column_index
        """;

    // Lists travel as JSON text so that any column name survives, whatever ADO.NET client reads them.
    private const string Constraints = """
        SELECT schema_name, table_name, constraint_type, constraint_name,
               to_json(constraint_column_names)::VARCHAR, expression, referenced_table, to_json(referenced_column_names)::VARCHAR
          FROM duckdb_constraints()
         WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY', 'CHECK')
         ORDER BY schema_name, table_name, constraint_index
        """;

    private const string Indexes = "SELECT schema_name, table_name, index_name, is_unique, expressions, comment FROM duckdb_indexes()";

    private const string Enums = "SELECT schema_name, type_name, to_json(labels)::VARCHAR FROM duckdb_types() WHERE NOT internal AND logical_type = 'ENUM' ORDER BY ALL";

    private const string Views = "SELECT schema_name, view_name, sql FROM duckdb_views() WHERE NOT internal AND NOT temporary";

    private const string Sequences = "SELECT schema_name, sequence_name, sql, increment_by, comment FROM duckdb_sequences() WHERE NOT temporary";

    public static async Task<SchemaModel> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var enums = await DbQuery.ListAsync(connection, Enums, r => new EnumModel(new TableName(r.GetString(1), r.GetString(0)), List(r, 2)), cancellationToken).ConfigureAwait(false);
        var columns = (await DbQuery.ListAsync(connection, Columns, r => (Key: Key(r), Column: new ColumnModel(
                r.GetString(2), EnumName(enums, r.GetString(0), r.GetString(3)), r.GetBoolean(4), Text(r, 5)) { Comment = Text(r, 6) }), cancellationToken).ConfigureAwait(false))
            .ToLookup(c => c.Key, c => c.Column);
        var constraints = (await DbQuery.ListAsync(connection, Constraints, r => (Key: Key(r), Type: r.GetString(2), Name: r.GetString(3),
                Columns: List(r, 4), Expression: r.IsDBNull(5) ? null : r.GetString(5),
                Referenced: r.IsDBNull(6) ? null : r.GetString(6), ReferencedColumns: List(r, 7)), cancellationToken).ConfigureAwait(false))
            .ToLookup(c => c.Key);
        var indexes = (await DbQuery.ListAsync(connection, Indexes, r => (Key: Key(r), Index: new IndexModel(
                r.GetString(2), IndexColumns(r.GetString(4)), r.GetBoolean(3)) { Comment = Text(r, 5) }), cancellationToken).ConfigureAwait(false))
            .ToLookup(i => i.Key, i => i.Index);

        var tableRows = await DbQuery.ListAsync(connection, Tables, r => (Key: Key(r), Comment: Text(r, 2), Sql: r.GetString(3)), cancellationToken).ConfigureAwait(false);
        var tableKeys = tableRows.Select(t => t.Key).ToList();
        var given = tableKeys.Contains((DuckDbSql.DefaultSchema, DuckDbConstraintNames.TableName))
            ? (await DbQuery.ListAsync(connection, DuckDbConstraintNames.Select, r => (Key: (Key(r), r.GetString(2), r.GetInt32(3)), Name: r.GetString(4)), cancellationToken).ConfigureAwait(false))
                .ToDictionary(g => g.Key, g => g.Name)
            : [];

        var tables = tableRows.Where(row => row.Key != (DuckDbSql.DefaultSchema, DuckDbConstraintNames.TableName)).Select(row =>
        {
            var key = row.Key;
            // The name the user gave, where the name map has it; DuckDB's own name otherwise.
            string NameOf(string type, int ordinal, string duckDbName) => given.GetValueOrDefault((key, type, ordinal), duckDbName);
            IEnumerable<(string Name, string[] Columns, string? Expression, string? Referenced, string[] ReferencedColumns)> Of(string type) =>
                constraints[key].Where(c => c.Type == type).Select((c, i) => (NameOf(type, i, c.Name), c.Columns, c.Expression, c.Referenced, c.ReferencedColumns));

            var primaryKey = Of("PRIMARY KEY").FirstOrDefault();
            return new TableModel(new TableName(key.Table, key.Schema), WithDefinitionText(columns[key], row.Sql))
            {
                Comment = row.Comment,
                PrimaryKey = primaryKey.Name is null ? null : new PrimaryKeyConstraint(primaryKey.Name, primaryKey.Columns),
                UniqueConstraints = Of("UNIQUE").Select(c => new UniqueConstraint(c.Name, c.Columns)).ToArray(),
                ForeignKeys = Of("FOREIGN KEY").Select(c => new ForeignKeyConstraint(
                    c.Name, c.Columns, new TableName(c.Referenced!, key.Schema), c.ReferencedColumns)).ToArray(),
                CheckConstraints = Of("CHECK").Select(c => new CheckConstraint(c.Name, c.Expression ?? "")).ToArray(),
                Indexes = indexes[key].ToArray(),
            };
        }).ToArray();

        var views = await DbQuery.ListAsync(connection, Views, r => new ViewModel(new TableName(r.GetString(1), r.GetString(0)), r.GetString(2)), cancellationToken).ConfigureAwait(false);

        var sequences = await DbQuery.ListAsync(connection, Sequences, r => new SequenceModel(
            new TableName(r.GetString(1), r.GetString(0)),
            StartValue().Match(r.GetString(2)) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 1,
            r.GetInt64(3))
        {
            ForIdentity = !r.IsDBNull(4) && r.GetString(4).StartsWith(DuckDbSequences.IdentityMark, StringComparison.Ordinal),
        }, cancellationToken).ConfigureAwait(false);

        return new SchemaModel(tables, sequences) { Views = views, Enums = enums };
    }

    /// <summary>
    /// DuckDB stores an enum column's values inline (<c>ENUM('sad', 'ok')</c>) and forgets the type's
    /// name; a column whose values match an enum type of its schema is taken to be of that type.
    /// </summary>
    private static string EnumName(List<EnumModel> enums, string schema, string dataType)
    {
        if (!dataType.StartsWith("ENUM(", StringComparison.Ordinal))
        {
            return dataType;
        }

        var match = enums.FirstOrDefault(e => e.Name.Schema == schema && dataType == $"ENUM({string.Join(", ", e.Values.Select(DuckDbSql.String))})");
        return match is null ? dataType : DuckDbSql.Quote(match.Name.Name);
    }

    private static (string Schema, string Table) Key(DbDataReader reader) => (reader.GetString(0), reader.GetString(1));

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>
    /// Collations and generating expressions, which only the CREATE TABLE text holds. DuckDB lists a
    /// generated column's expression as its default; it is not one (it cannot be re-declared as one).
    /// </summary>
    private static ColumnModel[] WithDefinitionText(IEnumerable<ColumnModel> columns, string createTable)
    {
        var extras = DuckDbTableText.Columns(createTable);
        return columns.Select(c => extras.TryGetValue(c.Name, out var extra)
            ? c with { Collation = extra.Collation, GeneratedSql = extra.Generated, DefaultSql = extra.Generated is null ? c.DefaultSql : null }
            : c).ToArray();
    }

    private static string[] List(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? [] : JsonSerializer.Deserialize<string[]>(reader.GetString(ordinal)) ?? [];

    /// <summary>duckdb_indexes() lists expressions as text such as <c>['"name"', id]</c>.</summary>
    private static string[] IndexColumns(string expressions) =>
        expressions.Trim('[', ']').Split(", ", StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.Trim('\'').Trim('"').Replace("\"\"", "\"", StringComparison.Ordinal)).ToArray();

    [GeneratedRegex(@"\bSTART (-?\d+)")]
    private static partial Regex StartValue();
}
