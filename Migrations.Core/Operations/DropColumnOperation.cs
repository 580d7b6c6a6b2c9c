namespace Migrations.Operations;

/// <summary>Drops a column from a table.</summary>
public sealed record DropColumnOperation(TableName Table, string Column) : MigrationOperation, ITableOperation
{
    /// <inheritdoc />
    public override string Describe() => $"DropColumn {Table}.{Column}";
}
