namespace Migrations.Operations;

/// <summary>Deletes the rows whose columns equal the given values; values are sent as parameters.</summary>
public sealed record DeleteDataOperation(TableName Table, IReadOnlyList<ColumnValue> Where) : MigrationOperation, ITableOperation
{
    /// <inheritdoc />
    public override string Describe() => $"DeleteData {Table}";
}
