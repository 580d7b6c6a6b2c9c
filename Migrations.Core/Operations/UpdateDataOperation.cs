namespace Migrations.Operations;

/// <summary>Updates the rows whose columns equal the given values; values are sent as parameters.</summary>
public sealed record UpdateDataOperation(TableName Table, IReadOnlyList<ColumnValue> Set, IReadOnlyList<ColumnValue> Where) : MigrationOperation, ITableOperation
{
    /// <inheritdoc />
    public override string Describe() => $"UpdateData {Table}";
}
