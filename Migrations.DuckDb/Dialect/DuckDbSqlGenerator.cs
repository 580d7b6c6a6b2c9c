using System.Text;
using Migrations.Dialects;
using Migrations.Operations;
using static Migrations.DuckDb.Dialect.DuckDbSql;

namespace Migrations.DuckDb.Dialect;

/// <summary>
/// Writes DuckDB SQL for operations the planner has already shaped into what DuckDB can run
/// directly. The one switch on operation type that decides which method emits SQL.
/// </summary>
internal static class DuckDbSqlGenerator
{
    /// <summary>Rows per INSERT statement: large enough to amortise parsing, small enough for the binder.</summary>
    private const int RowsPerInsert = 500;

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
            InsertDataOperation o => Insert(o),
            UpdateDataOperation o => [Update(o)],
            DeleteDataOperation o => [Delete(o)],
            _ => throw new NotSupportedException($"The DuckDB dialect has no SQL for {operation.GetType().Name} ({operation.Describe()})."),
        };
        return steps.Select(s => s with { Source = operation });
    }

    private static string CreateTable(CreateTableOperation o)
    {
        var parts = o.Columns.Select(c =>
            $"{Quote(c.Name)} {DuckDbTypes.StoreType(c.Type)}{(c.IsNullable ? "" : " NOT NULL")}{DefaultClause(c.Default)}").ToList();
        if (o.PrimaryKey is { } pk)
        {
            parts.Add($"CONSTRAINT {Quote(pk.Name)} PRIMARY KEY ({QuoteList(pk.Columns)})");
        }

        parts.AddRange(o.UniqueConstraints.Select(u => $"CONSTRAINT {Quote(u.Name)} UNIQUE ({QuoteList(u.Columns)})"));
        parts.AddRange(o.ForeignKeys.Select(f =>
            $"CONSTRAINT {Quote(f.Name)} FOREIGN KEY ({QuoteList(f.Columns)}) REFERENCES {Quote(f.PrincipalTable with { Schema = f.PrincipalTable.Schema ?? o.Table.Schema })} ({QuoteList(f.PrincipalColumns)})"));
        parts.AddRange(o.CheckConstraints.Select(c => $"CONSTRAINT {Quote(c.Name)} CHECK ({c.Expression})"));
        return $"CREATE TABLE {Quote(o.Table)} ({string.Join(", ", parts)})";
    }

    private static string DefaultClause(DefaultValue? value) => value is null ? "" : " DEFAULT " + Default(value);

    private static IEnumerable<SqlStep> Insert(InsertDataOperation o)
    {
        var head = $"INSERT INTO {Quote(o.Table)} ({QuoteList(o.Columns)}) VALUES ";
        foreach (var batch in o.Rows.Chunk(RowsPerInsert))
        {
            var sql = new StringBuilder(head);
            var values = new List<object?>(batch.Length * o.Columns.Count);
            for (var r = 0; r < batch.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < o.Columns.Count; c++)
                {
                    values.Add(batch[r][c]);
                    sql.Append(c == 0 ? "$" : ", $").Append(values.Count);
                }

                sql.Append(')');
            }

            yield return new SqlStep(sql.ToString(), values);
        }
    }

    private static SqlStep Update(UpdateDataOperation o)
    {
        var values = new List<object?>();
        var set = string.Join(", ", o.Set.Select(s =>
        {
            values.Add(s.Value);
            return $"{Quote(s.Column)} = ${values.Count}";
        }));
        return new SqlStep($"UPDATE {Quote(o.Table)} SET {set} WHERE {Where(o.Where, values)}", values);
    }

    private static SqlStep Delete(DeleteDataOperation o)
    {
        var values = new List<object?>();
        return new SqlStep($"DELETE FROM {Quote(o.Table)} WHERE {Where(o.Where, values)}", values);
    }

    private static string Where(IReadOnlyList<ColumnValue> where, List<object?> values) =>
        string.Join(" AND ", where.Select(w =>
        {
            if (w.Value is null)
            {
                return $"{Quote(w.Column)} IS NULL";
            }

            values.Add(w.Value);
            return $"{Quote(w.Column)} = ${values.Count}";
        }));
}
