namespace Migrations.Operations;

/// <summary>Drops a table and the identity sequences it owns.</summary>
public sealed record DropTableOperation(TableName Table) : MigrationOperation, ITableOperation
{
    /// <inheritdoc />
    public override string Describe() => $"DropTable {Table}";
}
