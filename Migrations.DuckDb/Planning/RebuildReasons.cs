using Migrations.Dialects;
using Migrations.DuckDb.Dialect;
using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.DuckDb.Planning;

/// <summary>
/// Decides, for a change to an existing table, whether DuckDB can make it in place or only by
/// rebuilding the table, and why: a pure function of the operation, the schema and what the
/// migration did before. Changes DuckDB cannot make at all are refused here, before any SQL.
/// </summary>
internal sealed class RebuildReasons
{
    /// <summary>Shown when earlier statements of the migration changed the table's rows.</summary>
    public const string ChangedRows = "its rows were updated or deleted earlier in this migration (raw SQL counts: it may change any table), and DuckDB cannot alter such a table in place in the same transaction";

    private const string CannotAddConstraints = "DuckDB cannot add constraints to an existing table";
    private const string DroppedIndexEarlier = "an index on it was dropped earlier in this migration";

    private readonly NameResolver _names;
    private readonly TableRoles _roles;

    public RebuildReasons(NameResolver names, TableRoles roles)
    {
        _names = names;
        _roles = roles;
    }

    /// <summary>Why the operation cannot run in place on this table, or null when it can.</summary>
    public string? For(MigrationOperation operation, SchemaModel model, TableModel table, MigrationFacts facts)
    {
        var blocker = _roles.Blocker(model, table);
        var changed = facts.Changed(table.Name) ? ChangedRows : null;
        var droppedIndex = facts.DroppedIndex(table.Name) ? DroppedIndexEarlier : null;
        switch (operation)
        {
            case DropTableOperation:
                // A table others reference is refused by the schema checks, on every database.
                return null;
            case RenameTableOperation:
                return table.ForeignKeys.Count > 0 ? "renaming a table that has foreign keys corrupts DuckDB's catalog (duckdb#24648)" : blocker;
            case DropColumnOperation o:
                CheckDroppable(o, table);
                return _roles.KeyRole(model, table, o.Column) ?? blocker ?? changed ?? droppedIndex ?? _roles.KeyColumnAfter(table, o.Column);
            case RenameColumnOperation o:
                return _roles.ForeignKeyRole(model, table, o.Column) ?? blocker;
            case AlterColumnTypeOperation o:
                return _roles.KeyRole(model, table, o.Column) ?? blocker ?? changed ?? droppedIndex;
            case AlterColumnNullabilityOperation o:
                if (o.IsNullable && table.PrimaryKey?.Columns.Any(c => _names.SameName(c, o.Column)) == true)
                {
                    throw new MigrationPlanningException(o, $"\"{o.Column}\" is part of the primary key of {table.Name}, which never accepts NULL: drop the primary key first.");
                }

                return blocker ?? (o.IsNullable ? null : changed);
            case AddPrimaryKeyOperation o:
                if (table.PrimaryKey is { } existing)
                {
                    throw new MigrationPlanningException(o, $"{table.Name} already has primary key {existing.Name}: drop it first (DropConstraint).");
                }

                return blocker ?? changed;
            case AddForeignKeyOperation o:
                CheckForeignKey(o, model, table);
                return CannotAddConstraints;
            case AddUniqueConstraintOperation or AddCheckConstraintOperation:
                return CannotAddConstraints;
            case DropConstraintOperation o:
                if (!DuckDbConstraintNames.Entries(table).Any(e => _names.SameName(e.Name, o.Name)))
                {
                    var known = string.Join(", ", DuckDbConstraintNames.Entries(table).Select(e => e.Name));
                    throw new MigrationPlanningException(o, $"{table.Name} has no constraint named \"{o.Name}\". Its constraints: {(known.Length == 0 ? "none" : known)}.");
                }

                return "DuckDB cannot drop constraints";
            case CreateIndexOperation:
                return changed;
            default:
                return null;
        }
    }

    private void CheckDroppable(DropColumnOperation o, TableModel table)
    {
        if (table.Columns.Count == 1 && _names.SameName(table.Columns[0].Name, o.Column))
        {
            throw new MigrationPlanningException(o, $"\"{o.Column}\" is the last column of {table.Name}: drop the table instead.");
        }

        var computed = table.Columns.Where(c => c.GeneratedSql is { } sql && !_names.SameName(c.Name, o.Column) && SqlIdentifiers.Mentions(sql, o.Column, _names)).ToList();
        if (computed.Count > 0)
        {
            var generated = string.Join(", ", computed.Select(c => $"{c.Name} (GENERATED ALWAYS AS ({c.GeneratedSql}))"));
            throw new MigrationPlanningException(o,
                $"Column {table.Name}.{o.Column} is what the generated column(s) {generated} compute from, and DuckDB cannot drop it while they need it: drop those columns first (DuckDB cannot add a generated column to an existing table; to keep one, create the table again with Sql(...)).");
        }
    }

    private void CheckForeignKey(AddForeignKeyOperation o, SchemaModel model, TableModel table)
    {
        var key = o.ForeignKey;
        var principal = _names.FindTable(model, key.PrincipalTable with { Schema = key.PrincipalTable.Schema ?? table.Name.Schema })
            ?? throw new MigrationPlanningException(o, $"The referenced table {key.PrincipalTable} does not exist.");
        if (!_names.Same(principal.Name, table.Name) && _roles.Closure(model, table.Name).Any(t => _names.Same(t.Name, principal.Name)))
        {
            throw new MigrationPlanningException(o,
                $"Foreign key {key.Name} would close a cycle: {principal.Name} already references {table.Name}, directly or through other tables. " +
                "DuckDB cannot create tables that reference each other (it has no ALTER TABLE ADD FOREIGN KEY); keep the references one-way.");
        }

        if (key.Columns.Count != key.PrincipalColumns.Count)
        {
            throw new MigrationPlanningException(o, $"Foreign key {key.Name} has {key.Columns.Count} columns but references {key.PrincipalColumns.Count}.");
        }

        foreach (var (from, to) in key.Columns.Zip(key.PrincipalColumns))
        {
            var fromType = table.Columns.FirstOrDefault(c => _names.SameName(c.Name, from))?.StoreType;
            var toType = principal.Columns.FirstOrDefault(c => _names.SameName(c.Name, to))?.StoreType;
            if (fromType is null || toType is null)
            {
                throw new MigrationPlanningException(o, $"Foreign key {key.Name}: column {(fromType is null ? $"{table.Name}.{from}" : $"{principal.Name}.{to}")} does not exist.");
            }

            if (!string.Equals(fromType, toType, StringComparison.OrdinalIgnoreCase))
            {
                throw new MigrationPlanningException(o, $"Foreign key {key.Name}: {table.Name}.{from} is {fromType} but {principal.Name}.{to} is {toType}, and DuckDB requires the same type. Change the column's type first (AlterColumn ... Type).");
            }
        }
    }
}
