namespace Migrations.Operations;

/// <summary>Renames a value of an enum type; rows holding it follow.</summary>
public sealed record RenameEnumValueOperation(TableName Type, string Value, string NewValue) : MigrationOperation, IEnumTypeOperation
{
    /// <inheritdoc />
    public override string Describe() => $"RenameEnumValue {Type}.{Value} to {NewValue}";
}
