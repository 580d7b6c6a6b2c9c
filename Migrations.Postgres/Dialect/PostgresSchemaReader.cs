using System.Data.Common;
using Migrations.Dialects;
using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.Postgres.Dialect;

/// <summary>
/// Reads the schema from pg_catalog (not information_schema, which hides objects the role does not
/// own and omits indexes and enum values): tables with their columns' exact types, keys, foreign
/// keys, checks and indexes, sequences with their next value, views and enum types. Every query
/// takes $1: the one schema to read (a tenant's, filtered by the server), or NULL for all of them.
/// </summary>
internal static class PostgresSchemaReader
{
    private const string Columns = """
        SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity <> ''
          FROM pg_catalog.pg_attribute a
          JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
           AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND ($1::text IS NULL OR n.nspname = $1)
         ORDER BY n.nspname, c.relname, a.attnum
        """;

    private const string Enums = """
        SELECT n.nspname, t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[]
          FROM pg_catalog.pg_type t
          JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
          JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
         WHERE ($1::text IS NULL OR n.nspname = $1)
         GROUP BY n.nspname, t.typname
        """;

    // Keys and checks with their columns in key order; the referenced table and columns for foreign keys.
    private const string Constraints = """
        SELECT n.nspname, c.relname, k.contype::text, k.conname,
               ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(attnum, i) JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.i)::text[],
               rn.nspname, rc.relname,
               ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(attnum, i) JOIN pg_catalog.pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum ORDER BY u.i)::text[],
               CASE WHEN k.contype = 'c' THEN pg_get_expr(k.conbin, k.conrelid) END, k.confdeltype::text, k.confupdtype::text
          FROM pg_catalog.pg_constraint k
          JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          LEFT JOIN pg_catalog.pg_class rc ON rc.oid = k.confrelid
          LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
         WHERE k.contype IN ('p', 'u', 'f', 'c') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND ($1::text IS NULL OR n.nspname = $1)
         ORDER BY n.nspname, c.relname, k.conname
        """;

    // Indexes that no constraint owns (those are the constraints above).
    private const string Indexes = """
        SELECT n.nspname, t.relname, i.relname, x.indisunique,
               ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(1, x.indnkeyatts) k)::text[]
          FROM pg_catalog.pg_index x
          JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
          JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
          JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
         WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND ($1::text IS NULL OR n.nspname = $1)
           AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = x.indexrelid)
        """;

    // A sequence an identity column owns (pg_depend type 'i') goes with its column.
    private const string Sequences = """
        SELECT s.schemaname, s.sequencename, coalesce(s.last_value + s.increment_by, s.start_value), s.increment_by,
               EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass
                          AND d.objid = format('%I.%I', s.schemaname, s.sequencename)::regclass AND d.deptype = 'i')
          FROM pg_catalog.pg_sequences s
         WHERE ($1::text IS NULL OR s.schemaname = $1)
        """;

    // A row when any of the queries below would return one: relations outside the system schemas
    // (tables, indexes, views, sequences anywhere) or enum types. A database a run starts from
    // scratch has none, and this one query then stands in for six reads of cold catalogs. It
    // returns no value to read, and takes no parameter when all schemas are read: the first query
    // of a process that does either compiles Npgsql's paths for it.
    private static readonly string AnythingInAllSchemas = Anything("TRUE");
    private static readonly string AnythingInOneSchema = Anything("n.nspname = $1");

    private static string Anything(string schemaFilter) => $$"""
        SELECT 1 WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                                WHERE (c.relkind = 'S' OR (n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'))
                                  AND {{schemaFilter}})
                    OR EXISTS (SELECT 1 FROM pg_catalog.pg_enum e JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                                WHERE {{schemaFilter}})
        """;

    private const string Views = "SELECT schemaname, viewname, definition FROM pg_catalog.pg_views WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND ($1::text IS NULL OR schemaname = $1)";

    /// <param name="connection">An open connection.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <param name="onlySchema">Read only this schema's objects (a tenant's); all schemas when null.</param>
    public static async Task<SchemaModel> ReadAsync(DbConnection connection, CancellationToken cancellationToken, string? onlySchema = null)
    {
        var anything = onlySchema is null ? new SqlStep(AnythingInAllSchemas) : new SqlStep(AnythingInOneSchema, [onlySchema]);
        if ((await DbQuery.ListAsync(connection, anything, _ => "found", cancellationToken).ConfigureAwait(false)).Count == 0)
        {
            return SchemaModel.Empty;
        }

        var columns = await DbQuery.ListAsync(connection, new SqlStep(Columns, [onlySchema]), r => (
            Table: new TableName(r.GetString(1), r.GetString(0)),
            Column: new ColumnModel(r.GetString(2), r.GetString(3), r.GetBoolean(4), r.IsDBNull(5) ? null : r.GetString(5)) { IsIdentity = r.GetBoolean(6) }), cancellationToken).ConfigureAwait(false);
        var constraints = (await DbQuery.ListAsync(connection, new SqlStep(Constraints, [onlySchema]), r => (
            Table: new TableName(r.GetString(1), r.GetString(0)),
            Type: r.GetString(2),
            Name: r.GetString(3),
            Columns: r.GetFieldValue<string[]>(4),
            Principal: r.IsDBNull(6) ? default : new TableName(r.GetString(6), r.GetString(5)),
            PrincipalColumns: r.IsDBNull(7) ? [] : r.GetFieldValue<string[]>(7),
            Check: r.IsDBNull(8) ? null : r.GetString(8),
            OnDelete: Action(r, 9),
            OnUpdate: Action(r, 10)), cancellationToken).ConfigureAwait(false)).ToLookup(c => c.Table);
        var indexes = (await DbQuery.ListAsync(connection, new SqlStep(Indexes, [onlySchema]), r => (
            Table: new TableName(r.GetString(1), r.GetString(0)),
            Index: new IndexModel(r.GetString(2), r.GetFieldValue<string[]>(4), r.GetBoolean(3))), cancellationToken).ConfigureAwait(false)).ToLookup(i => i.Table, i => i.Index);
        var sequences = await DbQuery.ListAsync(connection, new SqlStep(Sequences, [onlySchema]), r => new SequenceModel(new TableName(r.GetString(1), r.GetString(0)), r.GetInt64(2), r.GetInt64(3)) { ForIdentity = r.GetBoolean(4) }, cancellationToken).ConfigureAwait(false);
        var views = await DbQuery.ListAsync(connection, new SqlStep(Views, [onlySchema]), r => new ViewModel(new TableName(r.GetString(1), r.GetString(0)), r.GetString(2)), cancellationToken).ConfigureAwait(false);
        var enums = await DbQuery.ListAsync(connection, new SqlStep(Enums, [onlySchema]), r => new EnumModel(new TableName(r.GetString(1), r.GetString(0)), r.GetFieldValue<string[]>(2)), cancellationToken).ConfigureAwait(false);

        var tables = columns.GroupBy(c => c.Table).Select(g =>
        {
            var own = constraints[g.Key].ToList();
            var primaryKey = own.FirstOrDefault(c => c.Type == "p");
            return new TableModel(g.Key, g.Select(c => c.Column).ToArray())
            {
                PrimaryKey = primaryKey.Name is null ? null : new PrimaryKeyConstraint(primaryKey.Name, primaryKey.Columns),
                UniqueConstraints = own.Where(c => c.Type == "u").Select(c => new UniqueConstraint(c.Name, c.Columns)).ToArray(),
                ForeignKeys = own.Where(c => c.Type == "f").Select(c => new ForeignKeyConstraint(c.Name, c.Columns, c.Principal, c.PrincipalColumns) { OnDelete = c.OnDelete, OnUpdate = c.OnUpdate }).ToArray(),
                CheckConstraints = own.Where(c => c.Type == "c").Select(c => new CheckConstraint(c.Name, c.Check ?? "")).ToArray(),
                Indexes = indexes[g.Key].ToArray(),
            };
        }).ToArray();
        return new SchemaModel(tables, sequences) { Enums = enums, Views = views };
    }

    /// <summary>pg_constraint's one-letter referential actions.</summary>
    private static ReferentialAction Action(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? ReferentialAction.NoAction : reader.GetString(ordinal) switch
    {
        "c" => ReferentialAction.Cascade,
        "n" => ReferentialAction.SetNull,
        "d" => ReferentialAction.SetDefault,
        "r" => ReferentialAction.Restrict,
        _ => ReferentialAction.NoAction,
    };
}
