namespace Migrations.Operations;

/// <summary>Inserts rows; values are sent as parameters.</summary>
public sealed record InsertDataOperation(TableName Table, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows) : MigrationOperation, ITableOperation
{
    /// <inheritdoc />
    public override string Describe() => $"InsertData {Table} ({Rows.Count} rows)";
}
