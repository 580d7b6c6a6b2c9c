namespace Migrations.Operations;

/// <summary>Renames a table within its schema.</summary>
public sealed record RenameTableOperation(TableName Table, string NewName) : MigrationOperation, ITableOperation
{
    /// <inheritdoc />
    public override string Describe() => $"RenameTable {Table} to {NewName}";
}
