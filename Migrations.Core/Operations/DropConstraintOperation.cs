namespace Migrations.Operations;

/// <summary>Drops a named constraint (primary key, unique, foreign key or check).</summary>
public sealed record DropConstraintOperation(TableName Table, string Name) : MigrationOperation, ITableOperation
{
    /// <inheritdoc />
    public override string Describe() => $"DropConstraint {Name} on {Table}";
}
