namespace Migrations.Operations;

/// <summary>Drops a value of an enum type; refused while a row holds it.</summary>
public sealed record DropEnumValueOperation(TableName Type, string Value) : MigrationOperation, IEnumTypeOperation
{
    /// <inheritdoc />
    public override string Describe() => $"DropEnumValue {Type}.{Value}";
}
