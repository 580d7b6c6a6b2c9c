using Migrations.Dialects;
using Migrations.Operations;
using Migrations.Schema;
using static Migrations.DuckDb.Dialect.DuckDbSql;

namespace Migrations.DuckDb.Dialect;

/// <summary>
/// Writes DuckDB SQL for operations the planner has already shaped into what DuckDB can run
/// directly. The one switch on operation type that decides which method emits SQL.
/// </summary>
internal static class DuckDbSqlGenerator
{
    /// <summary>Data statements; DuckDB casts parameters itself. 500 rows per INSERT amortise parsing and stay small for the binder.</summary>
    private static readonly DataStatements Data = new(Quote, _ => null, rowsPerInsert: 500);

    public static IEnumerable<SqlStep> Generate(MigrationOperation operation)
    {
        IEnumerable<SqlStep> steps = operation switch
        {
            CreateTableOperation o => [new(CreateTable(o))],
            DropTableOperation o => [new($"DROP TABLE {Quote(o.Table)}")],
            RenameTableOperation o => [new($"ALTER TABLE {Quote(o.Table)} RENAME TO {Quote(o.NewName)}")],
            AddColumnOperation o => [new($"ALTER TABLE {Quote(o.Table)} ADD COLUMN {Quote(o.Column.Name)} {DuckDbTypes.StoreType(o.Column.Type)}{DefaultClause(o.Column.Default)}")],
            DropColumnOperation o => [new($"ALTER TABLE {Quote(o.Table)} DROP COLUMN {Quote(o.Column)}")],
            RenameColumnOperation o => [new($"ALTER TABLE {Quote(o.Table)} RENAME COLUMN {Quote(o.Column)} TO {Quote(o.NewName)}")],
            AlterColumnTypeOperation o => [new($"ALTER TABLE {Quote(o.Table)} ALTER COLUMN {Quote(o.Column)} SET DATA TYPE {DuckDbTypes.StoreType(o.NewType)}{(o.Using is null ? "" : " USING " + o.Using)}")],
            AlterColumnNullabilityOperation o => [new($"ALTER TABLE {Quote(o.Table)} ALTER COLUMN {Quote(o.Column)} {(o.IsNullable ? "DROP" : "SET")} NOT NULL")],
            AlterColumnDefaultOperation { Default: null } o => [new($"ALTER TABLE {Quote(o.Table)} ALTER COLUMN {Quote(o.Column)} DROP DEFAULT")],
            AlterColumnDefaultOperation o => [new($"ALTER TABLE {Quote(o.Table)} ALTER COLUMN {Quote(o.Column)} SET DEFAULT {Default(o.Default)}")],
            AddPrimaryKeyOperation o => [new($"ALTER TABLE {Quote(o.Table)} ADD PRIMARY KEY ({QuoteList(o.PrimaryKey.Columns)})")],
            CreateIndexOperation o => [new($"CREATE {(o.IsUnique ? "UNIQUE " : "")}INDEX {Quote(o.Name)} ON {Quote(o.Table)} ({QuoteList(o.Columns)})")],
            DropIndexOperation o => [new($"DROP INDEX {Quote(o.Table with { Name = o.Name })}")],
            CreateSequenceOperation o => [new($"CREATE SEQUENCE {Quote(o.Sequence)} START WITH {o.StartWith} INCREMENT BY {o.IncrementBy}")],
            DropSequenceOperation o => [new($"DROP SEQUENCE {Quote(o.Sequence)}")],
            SqlOperation o => [new(o.Sql)],
            // DuckDB has no lock or statement timeouts, and builds indexes in place (CONCURRENTLY does not apply).
            TimeoutsOperation or SafeRewritesOperation => [],
            CreateEnumOperation o => [new($"CREATE TYPE {Quote(o.Type)} AS ENUM ({string.Join(", ", o.Values.Select(DuckDbSql.String))})")],
            DropEnumOperation o => [new($"DROP TYPE {Quote(o.Type)}")],
            InsertDataOperation o => Data.Insert(o),
            UpdateDataOperation o => [Data.Update(o)],
            DeleteDataOperation o => [Data.Delete(o)],
            _ => throw new NotSupportedException($"The DuckDB dialect has no SQL for {operation.GetType().Name} ({operation.Describe()})."),
        };
        return steps.Select(s => s with { Source = operation });
    }

    private static string CreateTable(CreateTableOperation o)
    {
        var parts = o.Columns.Select(c =>
            $"{Quote(c.Name)} {DuckDbTypes.StoreType(c.Type)}{(c.IsNullable ? "" : " NOT NULL")}{DefaultClause(c.Default)}").ToList();
        parts.AddRange(Constraints(o.Table, o.PrimaryKey, o.UniqueConstraints, o.ForeignKeys, o.CheckConstraints));
        return $"CREATE TABLE {Quote(o.Table)} ({string.Join(", ", parts)})";
    }

    /// <summary>CREATE TABLE for a table as the schema model holds it (used to recreate tables in a rebuild).</summary>
    public static string CreateTable(TableModel table)
    {
        var parts = table.Columns.Select(ColumnDefinition).ToList();
        parts.AddRange(Constraints(table.Name, table.PrimaryKey, table.UniqueConstraints, table.ForeignKeys, table.CheckConstraints));
        return $"CREATE TABLE {Quote(table.Name)} ({string.Join(", ", parts)})";
    }

    /// <summary>A column of a table being recreated: its collation, and either its expression (generated) or its constraints and default.</summary>
    private static string ColumnDefinition(ColumnModel c) =>
        $"{Quote(c.Name)} {c.StoreType}{(c.Collation is null ? "" : " COLLATE " + c.Collation)}" + (c.GeneratedSql is not null
            ? $" GENERATED ALWAYS AS ({c.GeneratedSql}) VIRTUAL"
            : $"{(c.IsNullable ? "" : " NOT NULL")}{(c.DefaultSql is null ? "" : " DEFAULT " + c.DefaultSql)}");

    /// <summary>The comments on a recreated table, its columns and its indexes, which CREATE TABLE and CREATE INDEX cannot carry.</summary>
    public static IEnumerable<string> Comments(TableModel table)
    {
        if (table.Comment is not null)
        {
            yield return $"COMMENT ON TABLE {Quote(table.Name)} IS {DuckDbSql.String(table.Comment)}";
        }

        foreach (var column in table.Columns.Where(c => c.Comment is not null))
        {
            yield return $"COMMENT ON COLUMN {Quote(table.Name)}.{Quote(column.Name)} IS {DuckDbSql.String(column.Comment!)}";
        }

        foreach (var index in table.Indexes.Where(i => i.Comment is not null))
        {
            yield return $"COMMENT ON INDEX {Quote(table.Name with { Name = index.Name })} IS {DuckDbSql.String(index.Comment!)}";
        }
    }

    /// <summary>CREATE INDEX for an index as the schema model holds it; entries that are not plain column names are expressions.</summary>
    public static string CreateIndex(TableModel table, IndexModel index)
    {
        var keys = index.Columns.Select(c => table.Columns.Any(column => string.Equals(column.Name, c, StringComparison.OrdinalIgnoreCase)) ? Quote(c) : c);
        return $"CREATE {(index.IsUnique ? "UNIQUE " : "")}INDEX {Quote(index.Name)} ON {Quote(table.Name)} ({string.Join(", ", keys)})";
    }

    private static IEnumerable<string> Constraints(
        TableName table,
        PrimaryKeyConstraint? primaryKey,
        IReadOnlyList<UniqueConstraint> uniques,
        IReadOnlyList<ForeignKeyConstraint> foreignKeys,
        IReadOnlyList<CheckConstraint> checks)
    {
        // The order matters: the constraint name map matches DuckDB's constraints by kind and position.
        if (primaryKey is not null)
        {
            yield return $"CONSTRAINT {Quote(primaryKey.Name)} PRIMARY KEY ({QuoteList(primaryKey.Columns)})";
        }

        foreach (var u in uniques)
        {
            yield return $"CONSTRAINT {Quote(u.Name)} UNIQUE ({QuoteList(u.Columns)})";
        }

        foreach (var f in foreignKeys)
        {
            yield return $"CONSTRAINT {Quote(f.Name)} FOREIGN KEY ({QuoteList(f.Columns)}) REFERENCES {Quote(f.PrincipalTable with { Schema = f.PrincipalTable.Schema ?? table.Schema })} ({QuoteList(f.PrincipalColumns)})";
        }

        foreach (var c in checks)
        {
            yield return $"CONSTRAINT {Quote(c.Name)} CHECK ({c.Expression})";
        }
    }

    private static string DefaultClause(DefaultValue? value) => value is null ? "" : " DEFAULT " + Default(value);
}
