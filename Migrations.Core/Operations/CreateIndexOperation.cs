namespace Migrations.Operations;

/// <summary>Creates an index over one or more columns.</summary>
/// <param name="Table">The indexed table.</param>
/// <param name="Name">The index's name.</param>
/// <param name="Columns">The indexed columns in order.</param>
/// <param name="IsUnique">Whether the index rejects duplicates.</param>
public sealed record CreateIndexOperation(TableName Table, string Name, IReadOnlyList<string> Columns, bool IsUnique = false) : MigrationOperation, ITableOperation
{
    /// <summary>
    /// Builds the index without blocking writes where the database can (PostgreSQL's
    /// CONCURRENTLY). Such a statement cannot run in a transaction, so its migration runs
    /// statement by statement and should contain nothing else that needs one.
    /// </summary>
    public bool Concurrently { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"CreateIndex {Name} on {Table}";
}
