using System.Data.Common;
using Migrations.Dialects;
using Migrations.Operations;

namespace Migrations.Running;

/// <summary>
/// What a database error found and what to do about it, in the same words on every database: the
/// dialect says what kind of error it was, the failed operation says what was being done, and for
/// constraint changes a query after the rollback counts the rows that stand in the way.
/// </summary>
internal static class FailureExplanation
{
    public static async Task<string?> ExplainAsync(DbConnection connection, MigrationOperation? operation, ProviderError? error, CancellationToken cancellationToken)
    {
        if (error is null)
        {
            return null;
        }

        var found = error.Found is null ? "" : $" ({error.Found})";
        var table = operation is ITableOperation { Table: var name } ? name.ToString() : "the table";
        switch (error.Kind, operation)
        {
            case (ProviderErrorKind.Duplicate, AddUniqueConstraintOperation or AddPrimaryKeyOperation or CreateIndexOperation):
                var columns = KeyColumns(operation!);
                var repeated = await FailureDiagnostics.DuplicatesAsync(connection, ((ITableOperation)operation!).Table, columns, cancellationToken).ConfigureAwait(false);
                return $"{table} already holds rows that repeat {Columns(columns)}{(repeated is null ? found : $": {repeated}")}. " +
                       "Remove or merge the duplicates first (DeleteData, UpdateData or Sql(...) before this operation), then make the columns unique.";
            case (ProviderErrorKind.Duplicate, InsertDataOperation):
                return $"A seed row repeats a key that {table} already holds, or that an earlier row of the seed has{found}. Take the row out of the seed, or change the existing row with UpdateData instead.";
            case (ProviderErrorKind.Duplicate, _):
                return $"A row would repeat a key that must be unique{found}. Remove or change the rows that repeat it first.";

            case (ProviderErrorKind.NullValue, AlterColumnNullabilityOperation or AddPrimaryKeyOperation):
                var keyColumns = KeyColumns(operation!);
                var nulls = await FailureDiagnostics.NullsAsync(connection, ((ITableOperation)operation!).Table, keyColumns, cancellationToken).ConfigureAwait(false);
                return $"{table} has {Rows(nulls) ?? "rows"} with NULL in {Columns(keyColumns)}. " +
                       $"Fill them first (UpdateData, or Sql(\"UPDATE ... SET {keyColumns[0]} = ... WHERE {keyColumns[0]} IS NULL\") before this operation), or keep the column nullable.";
            case (ProviderErrorKind.NullValue, AddColumnOperation o):
                return $"{table} has rows, and the new NOT NULL column {o.Column.Name} has no value for them. Give it a Default(...), or Backfill(...) / BackfillSql(...) for the rows that exist.";
            case (ProviderErrorKind.NullValue, InsertDataOperation):
                return $"A seed row has no value for {table}.{error.Column ?? "a column"}, which is NOT NULL and has no default (a property missing from JSON or CSV is NULL). Give it a value in every row, or give the column a default.";
            case (ProviderErrorKind.NullValue, _):
                return $"A statement put NULL into {error.Column ?? "a column"}, which is NOT NULL. Give it a value, or make the column nullable first.";

            case (ProviderErrorKind.MissingParent, AddForeignKeyOperation o):
                var (count, examples) = await FailureDiagnostics.OrphansAsync(connection, o.Table, o.ForeignKey, cancellationToken).ConfigureAwait(false);
                return $"{table} has {Rows(count) ?? "rows"} naming a {o.ForeignKey.PrincipalTable} row that does not exist{(examples is null ? found : $" ({Columns(o.ForeignKey.Columns)}: {examples})")}. " +
                       $"Delete or correct those rows first, or add the missing {o.ForeignKey.PrincipalTable} rows, then add the foreign key.";
            case (ProviderErrorKind.MissingParent, _):
                return $"A row names a parent row that does not exist{found}. Insert the parent rows first (an earlier InsertData into the referenced table), or correct the value.";
            case (ProviderErrorKind.StillReferenced, _):
                return $"Rows of another table still reference the rows this removes or changes{found}. Delete or re-point those rows first: foreign keys here never cascade.";

            case (ProviderErrorKind.CheckFailed, AddCheckConstraintOperation o):
                var failing = await FailureDiagnostics.FailingCheckAsync(connection, o.Table, o.Constraint.Expression, cancellationToken).ConfigureAwait(false);
                return $"{table} has {Rows(failing) ?? "rows"} failing the check ({o.Constraint.Expression}). Correct those rows first, or change the condition.";
            case (ProviderErrorKind.CheckFailed, _):
                return $"A row fails the check {error.Name}. Correct the values so that the condition holds.";

            case (ProviderErrorKind.InvalidValue, AlterColumnTypeOperation o):
                return $"A value of {table}.{o.Column} cannot become {o.NewType}{found}. Convert it with Type({o.NewType}, usingSql: \"...\") (for example NULLIF or CASE), or correct those rows first.";
            case (ProviderErrorKind.InvalidValue, InsertDataOperation or UpdateDataOperation or DeleteDataOperation):
                return $"A value does not fit its column in {table}{found}. Correct it in the data.";
            case (ProviderErrorKind.InvalidValue, _):
                return $"A value does not fit its type{found}. Correct the value, or convert it explicitly.";

            case (ProviderErrorKind.MissingObject, _):
                return "The statement names something this database does not have. Check the spelling (a quoted name is case-sensitive) and that the migration creating it comes earlier.";
            case (ProviderErrorKind.AlreadyExists, _):
                return "What this creates already exists. Check whether an earlier migration or the application made it; then drop it first, or leave this step out.";
            case (ProviderErrorKind.LockTimeout, _):
                return $"Another session held a lock on {table} longer than the lock timeout, so the migration gave up rather than block everyone queued behind it. " +
                       "Run again when the table is less busy (pg_stat_activity shows who holds it), or raise the limit with Timeouts(lockTimeout: ...).";
            case (ProviderErrorKind.InvalidSql, _):
                return "The SQL does not parse on this database. Try the statement in the database's own client (psql, the duckdb CLI) first; Sql(...) runs it as written.";
            case (ProviderErrorKind.Refused, _):
                return error.Found;
            case (ProviderErrorKind.StatementTimeout, _):
                return "The statement ran longer than the statement timeout. Raise it for this migration with Timeouts(statementTimeout: ...), or split the work into smaller steps.";
            default:
                return null;
        }
    }

    private static IReadOnlyList<string> KeyColumns(MigrationOperation operation) => operation switch
    {
        AddUniqueConstraintOperation o => o.Constraint.Columns,
        AddPrimaryKeyOperation o => o.PrimaryKey.Columns,
        CreateIndexOperation o => o.Columns,
        AlterColumnNullabilityOperation o => [o.Column],
        _ => [],
    };

    private static string Columns(IReadOnlyList<string> columns) => columns.Count == 1 ? columns[0] : $"({string.Join(", ", columns)})";

    /// <summary>A count of rows; none found means they were the migration's own, gone with the rollback, so no count is given.</summary>
    private static string? Rows(long? count) => count switch
    {
        null or 0 => null,
        1 => "1 row",
        _ => $"{count} rows",
    };
}
