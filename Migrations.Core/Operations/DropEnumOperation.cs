namespace Migrations.Operations;

/// <summary>Drops an enum type; refused while a column uses it.</summary>
public sealed record DropEnumOperation(TableName Type) : MigrationOperation, IEnumTypeOperation
{
    /// <inheritdoc />
    public override string Describe() => $"DropEnum {Type}";
}
