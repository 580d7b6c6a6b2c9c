using Migrations.Dialects;
using Migrations.Operations;
using static Migrations.DuckDb.Dialect.DuckDbSql;

namespace Migrations.DuckDb.Dialect;

/// <summary>
/// DuckDB has no ALTER TYPE, and enum columns hold their values inline. A value is added,
/// renamed or dropped by recreating the type and then retyping every column that uses it
/// (which the planner does in place or by a rebuild, as each column allows).
/// </summary>
internal static class DuckDbEnumChanges
{
    /// <summary>How each row's old value becomes a value of the recreated type.</summary>
    public static string Conversion(MigrationOperation operation, string column, TableName type)
    {
        var text = $"CAST({Quote(column)} AS VARCHAR)";
        var value = operation is RenameEnumValueOperation o
            ? $"CASE WHEN {text} = {String(o.Value)} THEN {String(o.NewValue)} ELSE {text} END"
            : text;
        return $"CAST({value} AS {Quote(type.Name)})";
    }

    /// <summary>Stops the migration, with a message, when a row still holds a value that is being dropped.</summary>
    public static SqlStep GuardDroppedValue(TableName table, string column, DropEnumValueOperation operation) => new(
        $"SELECT error({String(DataGuards.DroppedEnumValue(table, column, operation.Value, operation.Type))}) " +
        $"FROM {Quote(table)} WHERE CAST({Quote(column)} AS VARCHAR) = {String(operation.Value)} LIMIT 1")
    {
        Comment = $"no row of {table} may still hold '{operation.Value}'",
    };
}
