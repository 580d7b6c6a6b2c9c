namespace Migrations.Operations;

/// <summary>Sets or drops NOT NULL on a column.</summary>
public sealed record AlterColumnNullabilityOperation(TableName Table, string Column, bool IsNullable) : MigrationOperation, ITableOperation
{
    /// <inheritdoc />
    public override string Describe() => $"AlterColumnNullability {Table}.{Column} to {(IsNullable ? "NULL" : "NOT NULL")}";
}
