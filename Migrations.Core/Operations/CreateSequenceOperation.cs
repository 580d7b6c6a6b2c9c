namespace Migrations.Operations;

/// <summary>Creates a sequence.</summary>
public sealed record CreateSequenceOperation(TableName Sequence, long StartWith = 1, long IncrementBy = 1) : MigrationOperation
{
    /// <inheritdoc />
    public override string Describe() => $"CreateSequence {Sequence}";
}
