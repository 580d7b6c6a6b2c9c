namespace Migrations.Operations;

/// <summary>Adds a check constraint to an existing table.</summary>
public sealed record AddCheckConstraintOperation(TableName Table, CheckConstraint Constraint) : MigrationOperation, ITableOperation
{
    /// <inheritdoc />
    public override string Describe() => $"AddCheckConstraint {Constraint.Name} on {Table}";
}
