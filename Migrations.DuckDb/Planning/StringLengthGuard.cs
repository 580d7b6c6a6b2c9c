using Migrations.Dialects;
using Migrations.DuckDb.Dialect;
using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.DuckDb.Planning;

/// <summary>
/// DuckDB keeps String(n) as VARCHAR and never checks the length, so a column shortened below
/// its values would keep them without a word; PostgreSQL refuses. Refused here the same way.
/// </summary>
internal static class StringLengthGuard
{
    /// <summary>Whether the operation gives a column a maximum length its values must be checked against.</summary>
    public static bool Applies(MigrationOperation operation) =>
        operation is AlterColumnTypeOperation { NewType: { Kind: ColumnTypeKind.String, Length: not null }, Using: null };

    /// <summary>The statement that fails the migration when a value is too long, if the operation shortens a column.</summary>
    public static IReadOnlyList<SqlStep> For(MigrationOperation operation, TableModel table)
    {
        if (!Applies(operation))
        {
            return [];
        }

        var o = (AlterColumnTypeOperation)operation;
        var length = o.NewType.Length!.Value;

        var message = DataGuards.ValuesTooLong(table.Name, o.Column, length, $"DuckDB does not check String({length}) on later writes; PostgreSQL does.");
        return
        [
            new SqlStep($"SELECT error({DuckDbSql.String(message)}) FROM {DuckDbSql.Quote(table.Name)} WHERE length(CAST({DuckDbSql.Quote(o.Column)} AS VARCHAR)) > {length} LIMIT 1")
            {
                Comment = $"no value of {table.Name}.{o.Column} may be longer than {length} characters",
            },
        ];
    }
}
