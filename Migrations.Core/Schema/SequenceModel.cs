using Migrations.Operations;

namespace Migrations.Schema;

/// <summary>A sequence.</summary>
/// <param name="Name">The sequence's name with its schema resolved.</param>
/// <param name="StartWith">The value the sequence starts with (for DuckDB, the next value it hands out).</param>
/// <param name="IncrementBy">The step.</param>
public sealed record SequenceModel(TableName Name, long StartWith, long IncrementBy)
{
    /// <summary>Made by the library for an identity column, so it goes when its column or table does; a sequence the user made never does.</summary>
    public bool ForIdentity { get; init; }
}
