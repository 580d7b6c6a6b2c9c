namespace Migrations.Operations;

/// <summary>Adds a column to a table.</summary>
public sealed record AddColumnOperation(TableName Table, ColumnDefinition Column) : MigrationOperation
{
    /// <inheritdoc />
    public override string Describe() => $"AddColumn {Table}.{Column.Name}";
}
