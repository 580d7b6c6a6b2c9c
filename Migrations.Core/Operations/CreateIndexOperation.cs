namespace Migrations.Operations;

/// <summary>Creates an index over one or more columns.</summary>
public sealed record CreateIndexOperation(TableName Table, string Name, IReadOnlyList<string> Columns, bool IsUnique = false) : MigrationOperation
{
    /// <inheritdoc />
    public override string Describe() => $"CreateIndex {Name} on {Table}";
}
