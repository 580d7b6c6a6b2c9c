namespace Migrations.Operations;

/// <summary>Adds a column to a table.</summary>
/// <param name="Table">The table.</param>
/// <param name="Column">The new column.</param>
public sealed record AddColumnOperation(TableName Table, ColumnDefinition Column) : MigrationOperation, ITableOperation
{
    /// <summary>
    /// The value existing rows get, when it differs from the column's default (or the column has none):
    /// required for a NOT NULL column without a default on a table that has rows.
    /// </summary>
    public DefaultValue? Backfill { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"AddColumn {Table}.{Column.Name}";
}
