namespace Migrations.Operations;

/// <summary>Adds a primary key to an existing table.</summary>
public sealed record AddPrimaryKeyOperation(TableName Table, PrimaryKeyConstraint PrimaryKey) : MigrationOperation, ITableOperation
{
    /// <inheritdoc />
    public override string Describe() => $"AddPrimaryKey {PrimaryKey.Name} on {Table}";
}
