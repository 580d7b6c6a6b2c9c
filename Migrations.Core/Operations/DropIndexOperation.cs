namespace Migrations.Operations;

/// <summary>Drops an index of a table.</summary>
/// <param name="Table">The indexed table.</param>
/// <param name="Name">The index's name.</param>
public sealed record DropIndexOperation(TableName Table, string Name) : MigrationOperation, ITableOperation
{
    /// <summary>Drops the index without blocking reads and writes where the database can (PostgreSQL's CONCURRENTLY); runs outside a transaction.</summary>
    public bool Concurrently { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"DropIndex {Name} on {Table}";
}
