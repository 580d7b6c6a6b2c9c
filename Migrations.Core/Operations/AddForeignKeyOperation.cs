namespace Migrations.Operations;

/// <summary>Adds a foreign key to an existing table.</summary>
public sealed record AddForeignKeyOperation(TableName Table, ForeignKeyConstraint ForeignKey) : MigrationOperation, ITableOperation
{
    /// <inheritdoc />
    public override string Describe() => $"AddForeignKey {ForeignKey.Name} on {Table}";
}
