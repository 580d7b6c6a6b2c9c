namespace Migrations.Operations;

/// <summary>Creates an enum type with its values in order.</summary>
public sealed record CreateEnumOperation(TableName Type, IReadOnlyList<string> Values) : MigrationOperation, IEnumTypeOperation
{
    /// <inheritdoc />
    public override string Describe() => $"CreateEnum {Type}";
}
