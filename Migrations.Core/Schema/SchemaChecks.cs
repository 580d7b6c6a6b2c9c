using Migrations.Operations;

namespace Migrations.Schema;

/// <summary>
/// Whether the tables and columns an operation changes exist in the schema as planned so far.
/// Without this check a change to a column that is not there can succeed without changing
/// anything (a DuckDB rebuild copies the table as it is) and be recorded as applied.
/// </summary>
public static class SchemaChecks
{
    /// <summary>The operations whose names are checked: those that change a table or column that must already exist.</summary>
    /// <param name="operation">The operation.</param>
    public static bool Applies(MigrationOperation operation) => operation is DropTableOperation or RenameTableOperation or DropColumnOperation
        or RenameColumnOperation or AlterColumnTypeOperation or AlterColumnNullabilityOperation or AlterColumnDefaultOperation;

    /// <summary>What is missing or already taken, with what to do; null when the names fit the schema.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="model">The schema as the operations before this one leave it.</param>
    /// <param name="names">The dialect's name rules.</param>
    public static string? Problem(MigrationOperation operation, SchemaModel model, NameResolver names)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(names);
        if (!Applies(operation) || operation is not ITableOperation { Table: var tableName })
        {
            return null;
        }

        if (names.FindTable(model, tableName) is not { } table)
        {
            return $"Table {names.Resolve(tableName)} does not exist{Nearby(model.Tables.Select(t => t.Name.ToString()))}: check the name, or the migration that should create it.";
        }

        return operation switch
        {
            RenameTableOperation o when names.FindTable(model, tableName with { Name = o.NewName }) is not null =>
                $"Table {names.Resolve(tableName with { Name = o.NewName })} already exists: choose another name.",
            RenameColumnOperation o when Has(table, o.Column, names) && Has(table, o.NewName, names) =>
                $"Table {table.Name} already has a column \"{o.NewName}\": choose another name.",
            DropColumnOperation o when !Has(table, o.Column, names) => MissingColumn(table, o.Column),
            RenameColumnOperation o when !Has(table, o.Column, names) => MissingColumn(table, o.Column),
            AlterColumnTypeOperation o when !Has(table, o.Column, names) => MissingColumn(table, o.Column),
            AlterColumnNullabilityOperation o when !Has(table, o.Column, names) => MissingColumn(table, o.Column),
            AlterColumnDefaultOperation o when !Has(table, o.Column, names) => MissingColumn(table, o.Column),
            _ => null,
        };
    }

    private static bool Has(TableModel table, string column, NameResolver names) => table.Columns.Any(c => names.SameName(c.Name, column));

    private static string MissingColumn(TableModel table, string column) =>
        $"Table {table.Name} has no column \"{column}\" (it has {string.Join(", ", table.Columns.Select(c => c.Name))}): check the name; nothing would change.";

    private static string Nearby(IEnumerable<string> tables)
    {
        var list = tables.Take(12).ToList();
        return list.Count == 0 ? " (the schema has no tables)" : $" (tables: {string.Join(", ", list)}{(tables.Skip(12).Any() ? ", ..." : "")})";
    }
}
