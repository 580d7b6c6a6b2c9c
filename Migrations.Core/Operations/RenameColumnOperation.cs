namespace Migrations.Operations;

/// <summary>Renames a column.</summary>
public sealed record RenameColumnOperation(TableName Table, string Column, string NewName) : MigrationOperation, ITableOperation
{
    /// <inheritdoc />
    public override string Describe() => $"RenameColumn {Table}.{Column} to {NewName}";
}
