namespace Migrations.Operations;

/// <summary>Drops a sequence.</summary>
public sealed record DropSequenceOperation(TableName Sequence) : MigrationOperation
{
    /// <inheritdoc />
    public override string Describe() => $"DropSequence {Sequence}";
}
