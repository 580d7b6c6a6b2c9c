using Migrations.Dialects;
using Migrations.DuckDb.Dialect;
using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.DuckDb.Planning;

/// <summary>How a column is added to an existing table on DuckDB.</summary>
internal enum AddColumnWay
{
    /// <summary>ADD COLUMN with the value existing rows get, then SET NOT NULL, then the column's own default.</summary>
    InPlace,

    /// <summary>The same statements, while the tables that reference this one are set aside.</summary>
    MoveReferencesAside,

    /// <summary>The table is made anew with the column, existing rows getting the value as they are copied back.</summary>
    Rebuild,
}

/// <summary>The decision for one added column, and why.</summary>
/// <param name="Way">How it is added.</param>
/// <param name="Fill">What existing rows get: the backfill, or else the default.</param>
/// <param name="WritesRows">Whether DuckDB writes the value into every row (which counts as changing them).</param>
/// <param name="Reason">Why it cannot simply be added in place, or null.</param>
internal sealed record AddColumnDecision(AddColumnWay Way, DefaultValue? Fill, bool WritesRows, string? Reason)
{
    /// <summary>
    /// Decides, from the table as it is and what the migration did before: DuckDB adds columns
    /// without constraints and refuses SET NOT NULL after writing values into every row, on a table
    /// with an index or references, or on rows changed earlier in the transaction.
    /// </summary>
    /// <param name="operation">The operation as written (an identity column still marked so).</param>
    /// <param name="column">The column as DuckDB stores it.</param>
    /// <param name="model">The schema now.</param>
    /// <param name="table">The table the column goes into.</param>
    /// <param name="facts">What the migration did before.</param>
    /// <param name="roles">What blocks changes in place.</param>
    public static AddColumnDecision For(AddColumnOperation operation, ColumnDefinition column, SchemaModel model, TableModel table, MigrationFacts facts, TableRoles roles)
    {
        var fill = operation.Backfill ?? column.Default;
        var writesRows = !DuckDbFills.IsStoredAsConstant(column.Type, fill);
        var reason = operation.Column.IsIdentity ? "an identity column needs its values and NOT NULL at once, which DuckDB cannot add in place"
            : facts.Changed(table.Name) ? RebuildReasons.ChangedRows
            : operation.Backfill is { Sql: not null } ? "existing rows get values computed from an expression"
            : !column.IsNullable && writesRows ? "DuckDB writes this value into every row, and then refuses SET NOT NULL in the same transaction"
            : null;
        if (reason is not null)
        {
            return new(AddColumnWay.Rebuild, fill, writesRows, reason);
        }

        if (!column.IsNullable && roles.Blocker(model, table) is { } blocker)
        {
            // Only referencing tables in the way: the research recipe sets them aside and adds the column in place.
            var why = $"{blocker}, and DuckDB refuses SET NOT NULL there";
            return new(roles.OnlyReferencesBlock(model, table) ? AddColumnWay.MoveReferencesAside : AddColumnWay.Rebuild, fill, writesRows, why);
        }

        return new(AddColumnWay.InPlace, fill, writesRows, null);
    }

    /// <summary>What a rebuild copies into the new column for existing rows.</summary>
    public string FillSql => DuckDbSql.Default(Fill) ?? "NULL";

    /// <summary>Add with the backfill (or default) so that existing rows get it, then constrain, then settle the default.</summary>
    /// <param name="shaped">The operation with the column as DuckDB stores it.</param>
    public IReadOnlyList<SqlStep> InPlaceStatements(AddColumnOperation shaped)
    {
        var column = shaped.Column;
        var steps = DuckDbSqlGenerator.Generate(shaped with { Column = column with { IsNullable = true, Default = Fill } })
            .Select(s => s with { Comment = column.IsNullable ? null : "DuckDB adds columns without constraints; NOT NULL follows" })
            .ToList();
        if (!column.IsNullable)
        {
            steps.AddRange(DuckDbSqlGenerator.Generate(new AlterColumnNullabilityOperation(shaped.Table, column.Name, IsNullable: false)));
        }

        if (shaped.Backfill is not null)
        {
            steps.AddRange(DuckDbSqlGenerator.Generate(new AlterColumnDefaultOperation(shaped.Table, column.Name, column.Default)));
        }

        return steps;
    }
}
