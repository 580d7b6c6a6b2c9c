namespace Migrations.Operations;

/// <summary>Sets a column's default, or drops it when Default is null.</summary>
public sealed record AlterColumnDefaultOperation(TableName Table, string Column, DefaultValue? Default) : MigrationOperation, ITableOperation
{
    /// <inheritdoc />
    public override string Describe() => $"AlterColumnDefault {Table}.{Column}";
}
