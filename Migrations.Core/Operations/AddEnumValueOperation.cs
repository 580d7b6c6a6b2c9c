namespace Migrations.Operations;

/// <summary>Adds a value to an enum type, at the end or next to an existing value.</summary>
/// <param name="Type">The enum type.</param>
/// <param name="Value">The new value.</param>
public sealed record AddEnumValueOperation(TableName Type, string Value) : MigrationOperation, IEnumTypeOperation
{
    /// <summary>The existing value the new one goes before, or null.</summary>
    public string? Before { get; init; }

    /// <summary>The existing value the new one goes after, or null (at the end when both are null).</summary>
    public string? After { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"AddEnumValue {Type}.{Value}";
}
