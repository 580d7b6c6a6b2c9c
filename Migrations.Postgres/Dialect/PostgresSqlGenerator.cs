using Migrations.Dialects;
using Migrations.Operations;
using static Migrations.Postgres.Dialect.PostgresSql;

namespace Migrations.Postgres.Dialect;

/// <summary>Writes PostgreSQL SQL for operations: the one switch on operation type for this dialect.</summary>
internal static class PostgresSqlGenerator
{
    private const int RowsPerInsert = 1000;

    public static IEnumerable<SqlStep> Generate(MigrationOperation operation)
    {
        IEnumerable<SqlStep> steps = operation switch
        {
            CreateTableOperation o => [new(CreateTable(o))],
            DropTableOperation o => [new($"DROP TABLE {Quote(o.Table)}")],
            RenameTableOperation o => [new($"ALTER TABLE {Quote(o.Table)} RENAME TO {Quote(o.NewName)}")],
            AddColumnOperation o => AddColumn(o),
            DropColumnOperation o => [new($"ALTER TABLE {Quote(o.Table)} DROP COLUMN {Quote(o.Column)}")],
            RenameColumnOperation o => [new($"ALTER TABLE {Quote(o.Table)} RENAME COLUMN {Quote(o.Column)} TO {Quote(o.NewName)}")],
            AlterColumnTypeOperation o => [new($"ALTER TABLE {Quote(o.Table)} ALTER COLUMN {Quote(o.Column)} TYPE {PostgresTypes.StoreType(o.NewType)}{(o.Using is null ? "" : " USING " + o.Using)}")],
            AlterColumnNullabilityOperation o => [new($"ALTER TABLE {Quote(o.Table)} ALTER COLUMN {Quote(o.Column)} {(o.IsNullable ? "DROP" : "SET")} NOT NULL")],
            AlterColumnDefaultOperation { Default: null } o => [new($"ALTER TABLE {Quote(o.Table)} ALTER COLUMN {Quote(o.Column)} DROP DEFAULT")],
            AlterColumnDefaultOperation o => [new($"ALTER TABLE {Quote(o.Table)} ALTER COLUMN {Quote(o.Column)} SET DEFAULT {Default(o.Default)}")],
            AddPrimaryKeyOperation o => [new($"ALTER TABLE {Quote(o.Table)} ADD CONSTRAINT {Quote(o.PrimaryKey.Name)} PRIMARY KEY ({QuoteList(o.PrimaryKey.Columns)})")],
            AddUniqueConstraintOperation o => [new($"ALTER TABLE {Quote(o.Table)} ADD CONSTRAINT {Quote(o.Constraint.Name)} UNIQUE ({QuoteList(o.Constraint.Columns)})")],
            AddForeignKeyOperation o => [new($"ALTER TABLE {Quote(o.Table)} ADD {ForeignKey(o.Table, o.ForeignKey)}")],
            AddCheckConstraintOperation o => [new($"ALTER TABLE {Quote(o.Table)} ADD CONSTRAINT {Quote(o.Constraint.Name)} CHECK ({o.Constraint.Expression})")],
            DropConstraintOperation o => [new($"ALTER TABLE {Quote(o.Table)} DROP CONSTRAINT {Quote(o.Name)}")],
            CreateIndexOperation { Concurrently: true } o => [new($"CREATE {(o.IsUnique ? "UNIQUE " : "")}INDEX CONCURRENTLY IF NOT EXISTS {Quote(o.Name)} ON {Quote(o.Table)} ({QuoteList(o.Columns)})") { RefusesTransaction = true }],
            CreateIndexOperation o => [new($"CREATE {(o.IsUnique ? "UNIQUE " : "")}INDEX {Quote(o.Name)} ON {Quote(o.Table)} ({QuoteList(o.Columns)})")],
            DropIndexOperation { Concurrently: true } o => [new($"DROP INDEX CONCURRENTLY IF EXISTS {Quote(o.Table with { Name = o.Name })}") { RefusesTransaction = true }],
            DropIndexOperation o => [new($"DROP INDEX {Quote(o.Table with { Name = o.Name })}")],
            TimeoutsOperation o => Timeouts(o),
            CreateSequenceOperation o => [new($"CREATE SEQUENCE {Quote(o.Sequence)} START WITH {o.StartWith} INCREMENT BY {o.IncrementBy}")],
            DropSequenceOperation o => [new($"DROP SEQUENCE {Quote(o.Sequence)}")],
            CreateEnumOperation o => [new($"CREATE TYPE {Quote(o.Type)} AS ENUM ({string.Join(", ", o.Values.Select(PostgresSql.String))})")],
            DropEnumOperation o => [new($"DROP TYPE {Quote(o.Type)}")],
            AddEnumValueOperation o => [new($"ALTER TYPE {Quote(o.Type)} ADD VALUE IF NOT EXISTS {PostgresSql.String(o.Value)}{Placement(o)}")],
            RenameEnumValueOperation o => [new($"ALTER TYPE {Quote(o.Type)} RENAME VALUE {PostgresSql.String(o.Value)} TO {PostgresSql.String(o.NewValue)}")],
            SqlOperation o => [new(o.Sql)],
            InsertDataOperation o => Data(_ => null).Insert(o),
            UpdateDataOperation o => [Data(_ => null).Update(o)],
            DeleteDataOperation o => [Data(_ => null).Delete(o)],
            _ => throw new NotSupportedException($"The PostgreSQL dialect has no SQL for {operation.GetType().Name} ({operation.Describe()})."),
        };
        return steps.Select(s => s with { Source = operation });
    }

    private static string CreateTable(CreateTableOperation o)
    {
        var parts = o.Columns.Select(Column).ToList();
        if (o.PrimaryKey is { } pk)
        {
            parts.Add($"CONSTRAINT {Quote(pk.Name)} PRIMARY KEY ({QuoteList(pk.Columns)})");
        }

        parts.AddRange(o.UniqueConstraints.Select(u => $"CONSTRAINT {Quote(u.Name)} UNIQUE ({QuoteList(u.Columns)})"));
        parts.AddRange(o.ForeignKeys.Select(f => ForeignKey(o.Table, f)));
        parts.AddRange(o.CheckConstraints.Select(c => $"CONSTRAINT {Quote(c.Name)} CHECK ({c.Expression})"));
        return $"CREATE TABLE {Quote(o.Table)} ({string.Join(", ", parts)})";
    }

    private static string Column(ColumnDefinition c) =>
        $"{Quote(c.Name)} {PostgresTypes.StoreType(c.Type)}" +
        (c.IsIdentity ? " GENERATED BY DEFAULT AS IDENTITY" : "") +
        (c.IsNullable ? "" : " NOT NULL") +
        (c.Default is null ? "" : " DEFAULT " + Default(c.Default));

    /// <summary>PostgreSQL adds NOT NULL columns directly when every row gets a value: a default, or a backfill settled afterwards.</summary>
    private static IEnumerable<SqlStep> AddColumn(AddColumnOperation o)
    {
        var head = $"ALTER TABLE {Quote(o.Table)}";
        if (o.Backfill is null)
        {
            yield return new SqlStep($"{head} ADD COLUMN {Column(o.Column)}");
            yield break;
        }

        if (o.Backfill.Sql is { } expression)
        {
            // PostgreSQL refuses column references in a DEFAULT ("cannot use column reference in
            // DEFAULT expression"): add the column, fill it row by row, then constrain it.
            yield return new SqlStep($"{head} ADD COLUMN {Column(o.Column with { IsNullable = true })}");
            yield return new SqlStep($"UPDATE {Quote(o.Table)} SET {Quote(o.Column.Name)} = {expression}") { Comment = "existing rows get the backfill" };
            if (!o.Column.IsNullable)
            {
                yield return new SqlStep($"{head} ALTER COLUMN {Quote(o.Column.Name)} SET NOT NULL");
            }

            yield break;
        }

        yield return new SqlStep($"{head} ADD COLUMN {Column(o.Column with { Default = o.Backfill })}") { Comment = "existing rows get the backfill" };
        yield return new SqlStep(o.Column.Default is null
            ? $"{head} ALTER COLUMN {Quote(o.Column.Name)} DROP DEFAULT"
            : $"{head} ALTER COLUMN {Quote(o.Column.Name)} SET DEFAULT {Default(o.Column.Default)}");
    }

    private static string ForeignKey(TableName table, ForeignKeyConstraint f) =>
        $"CONSTRAINT {Quote(f.Name)} FOREIGN KEY ({QuoteList(f.Columns)}) REFERENCES {Quote(f.PrincipalTable with { Schema = f.PrincipalTable.Schema ?? table.Schema })} ({QuoteList(f.PrincipalColumns)})" +
        Action("DELETE", f.OnDelete) + Action("UPDATE", f.OnUpdate);

    private static string Action(string on, ReferentialAction action) => action switch
    {
        ReferentialAction.NoAction => "",
        ReferentialAction.Cascade => $" ON {on} CASCADE",
        ReferentialAction.SetNull => $" ON {on} SET NULL",
        ReferentialAction.SetDefault => $" ON {on} SET DEFAULT",
        _ => $" ON {on} RESTRICT",
    };

    /// <summary>SET LOCAL: the limits end with the migration's transaction (the planner widens them to the session for a migration without one).</summary>
    private static IEnumerable<SqlStep> Timeouts(TimeoutsOperation o)
    {
        if (o.LockTimeout is { } lockTimeout)
        {
            yield return new SqlStep($"SET LOCAL lock_timeout = '{(long)lockTimeout.TotalMilliseconds}ms'");
        }

        if (o.StatementTimeout is { } statementTimeout)
        {
            yield return new SqlStep($"SET LOCAL statement_timeout = '{(long)statementTimeout.TotalMilliseconds}ms'");
        }
    }

    private static string Placement(AddEnumValueOperation o) =>
        o.Before is not null ? $" BEFORE {PostgresSql.String(o.Before)}" : o.After is not null ? $" AFTER {PostgresSql.String(o.After)}" : "";

    /// <summary>Data statements whose parameters are cast to their columns' types (strings into enums, timestamps...).</summary>
    public static DataStatements Data(Func<string, string?> columnType) => new(Quote, column => WithoutLength(columnType(column)), RowsPerInsert);

    /// <summary>
    /// An explicit cast to <c>character varying(n)</c> or <c>character(n)</c> cuts a longer string
    /// short without a word; cast to the unbounded type, and storing it in the column checks the length.
    /// </summary>
    private static string? WithoutLength(string? type) => type switch
    {
        null => null,
        _ when type.StartsWith("character varying(", StringComparison.Ordinal) => "character varying",
        _ when type.StartsWith("character(", StringComparison.Ordinal) => "bpchar",
        _ when type.StartsWith("bit varying(", StringComparison.Ordinal) => "bit varying",
        _ => type,
    };
}
