namespace Migrations.Operations;

/// <summary>Adds a unique constraint to an existing table.</summary>
public sealed record AddUniqueConstraintOperation(TableName Table, UniqueConstraint Constraint) : MigrationOperation, ITableOperation
{
    /// <inheritdoc />
    public override string Describe() => $"AddUniqueConstraint {Constraint.Name} on {Table}";
}
