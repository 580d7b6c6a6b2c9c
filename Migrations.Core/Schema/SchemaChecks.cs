using Migrations.Operations;

namespace Migrations.Schema;

/// <summary>
/// Whether the tables and columns an operation changes exist in the schema as planned so far.
/// Without this check a change to a column that is not there can succeed without changing
/// anything (a DuckDB rebuild copies the table as it is) and be recorded as applied.
/// </summary>
internal static class SchemaChecks
{
    /// <summary>The operations whose names are checked: those that change a table or column that must already exist.</summary>
    /// <param name="operation">The operation.</param>
    public static bool Applies(MigrationOperation operation) => operation is DropTableOperation or RenameTableOperation or DropColumnOperation
        or RenameColumnOperation or AlterColumnTypeOperation or AlterColumnNullabilityOperation or AlterColumnDefaultOperation
        or AddPrimaryKeyOperation or AddUniqueConstraintOperation or AddForeignKeyOperation or CreateIndexOperation
        or InsertDataOperation or UpdateDataOperation or DeleteDataOperation or CreateTableOperation or AddColumnOperation;

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

        if (operation is CreateTableOperation)
        {
            return names.FindTable(model, tableName) is { } existing
                ? $"Table {existing.Name} already exists (with {string.Join(", ", existing.Columns.Select(c => c.Name))}): choose another name, or drop it in an earlier step if it is not needed."
                : null;
        }

        if (names.FindTable(model, tableName) is not { } table)
        {
            return $"Table {names.Resolve(tableName)} does not exist{Nearby(model.Tables.Select(t => t.Name.ToString()))}: check the name, or the migration that should create it.";
        }

        return operation switch
        {
            RenameTableOperation o when names.FindTable(model, tableName with { Name = o.NewName }) is not null =>
                $"Table {names.Resolve(tableName with { Name = o.NewName })} already exists: choose another name.",
            AddColumnOperation o when Has(table, o.Column.Name, names) => $"Table {table.Name} already has a column \"{o.Column.Name}\": choose another name.",
            RenameColumnOperation o when Has(table, o.Column, names) && Has(table, o.NewName, names) =>
                $"Table {table.Name} already has a column \"{o.NewName}\": choose another name.",
            DropColumnOperation o when !Has(table, o.Column, names) => MissingColumn(table, o.Column),
            RenameColumnOperation o when !Has(table, o.Column, names) => MissingColumn(table, o.Column),
            AlterColumnTypeOperation o when !Has(table, o.Column, names) => MissingColumn(table, o.Column),
            AlterColumnNullabilityOperation o when !Has(table, o.Column, names) => MissingColumn(table, o.Column),
            AlterColumnDefaultOperation o when !Has(table, o.Column, names) => MissingColumn(table, o.Column),
            DropTableOperation when names.Referencing(model, table.Name).FirstOrDefault() is { } child =>
                $"{child.Name} references {table.Name} ({string.Join(", ", child.ForeignKeys.Where(f => names.Same(f.PrincipalTable, table.Name)).Select(f => f.Name))}): drop that foreign key or table first (DROP TABLE ... CASCADE would silently drop the key).",
            AddPrimaryKeyOperation when table.PrimaryKey is { } existing =>
                $"Table {table.Name} already has the primary key {existing.Name} ({string.Join(", ", existing.Columns)}): drop it first with DropConstraint, or make these columns unique instead.",
            AddPrimaryKeyOperation o => MissingColumns(table, o.PrimaryKey.Columns, names),
            AddUniqueConstraintOperation o => MissingColumns(table, o.Constraint.Columns, names),
            CreateIndexOperation o => MissingColumns(table, o.Columns, names),
            AddForeignKeyOperation o => MissingColumns(table, o.ForeignKey.Columns, names) ?? Principal(model, table, o.ForeignKey, names),
            InsertDataOperation o => MissingColumns(table, o.Columns, names),
            UpdateDataOperation o => MissingColumns(table, [.. o.Set.Select(v => v.Column), .. o.Where.Select(v => v.Column)], names),
            DeleteDataOperation o => MissingColumns(table, o.Where.Select(v => v.Column).ToArray(), names),
            _ => null,
        };
    }

    private static string? MissingColumns(TableModel table, IReadOnlyList<string> columns, NameResolver names) =>
        columns.FirstOrDefault(c => !Has(table, c, names)) is { } missing ? MissingColumn(table, missing) : null;

    /// <summary>The referenced table and columns must exist; the database would name them less clearly.</summary>
    private static string? Principal(SchemaModel model, TableModel table, ForeignKeyConstraint key, NameResolver names)
    {
        var principalName = key.PrincipalTable with { Schema = key.PrincipalTable.Schema ?? table.Name.Schema };
        if (names.FindTable(model, principalName) is not { } principal)
        {
            return $"The referenced table {names.Resolve(principalName)} does not exist{Nearby(model.Tables.Select(t => t.Name.ToString()))}: check the name, or the migration that should create it.";
        }

        return MissingColumns(principal, key.PrincipalColumns, names);
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
