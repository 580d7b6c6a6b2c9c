namespace Migrations.Operations;

/// <summary>Changes a column's type, optionally converting values with a USING expression.</summary>
public sealed record AlterColumnTypeOperation(TableName Table, string Column, ColumnType NewType, string? Using = null) : MigrationOperation, ITableOperation
{
    /// <inheritdoc />
    public override string Describe() => $"AlterColumnType {Table}.{Column} to {NewType}";
}
