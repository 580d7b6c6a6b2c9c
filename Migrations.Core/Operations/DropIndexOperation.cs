namespace Migrations.Operations;

/// <summary>Drops an index of a table.</summary>
public sealed record DropIndexOperation(TableName Table, string Name) : MigrationOperation
{
    /// <inheritdoc />
    public override string Describe() => $"DropIndex {Name} on {Table}";
}
