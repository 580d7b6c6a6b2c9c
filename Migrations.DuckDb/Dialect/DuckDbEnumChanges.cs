using Migrations.Dialects;
using Migrations.Operations;
using Migrations.Schema;
using static Migrations.DuckDb.Dialect.DuckDbSql;

namespace Migrations.DuckDb.Dialect;

/// <summary>
/// DuckDB has no ALTER TYPE, and enum columns hold their values inline. A value is added,
/// renamed or dropped by recreating the type and then retyping every column that uses it
/// (which the planner does in place or by a rebuild, as each column allows).
/// </summary>
internal static class DuckDbEnumChanges
{
    /// <summary>The new values, after checking the change against the type as it is.</summary>
    public static IReadOnlyList<string> NewValues(MigrationOperation operation, EnumModel current)
    {
        string Fail(string message) => throw new MigrationPlanningException(operation, message);
        bool Has(string value) => current.Values.Contains(value, StringComparer.Ordinal);
        return operation switch
        {
            AddEnumValueOperation o when Has(o.Value) => [Fail($"{current.Name} already has the value '{o.Value}'.")],
            AddEnumValueOperation o when (o.Before ?? o.After) is { } anchor && !Has(anchor) => [Fail($"{current.Name} has no value '{anchor}' to place '{o.Value}' next to.")],
            AddEnumValueOperation o => EnumValues.Add(current.Values, o),
            RenameEnumValueOperation o when !Has(o.Value) => [Fail($"{current.Name} has no value '{o.Value}'. Its values: {string.Join(", ", current.Values)}.")],
            RenameEnumValueOperation o when Has(o.NewValue) => [Fail($"{current.Name} already has the value '{o.NewValue}'.")],
            RenameEnumValueOperation o => current.Values.Select(v => v == o.Value ? o.NewValue : v).ToArray(),
            DropEnumValueOperation o when !Has(o.Value) => [Fail($"{current.Name} has no value '{o.Value}'. Its values: {string.Join(", ", current.Values)}.")],
            DropEnumValueOperation when current.Values.Count == 1 => [Fail($"'{current.Values[0]}' is the last value of {current.Name}: drop the type instead.")],
            DropEnumValueOperation o => current.Values.Where(v => v != o.Value).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not an enum value change."),
        };
    }

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
