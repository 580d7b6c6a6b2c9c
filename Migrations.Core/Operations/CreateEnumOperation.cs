using System.Text.Json.Serialization;

namespace Migrations.Operations;

/// <summary>Creates an enum type with its values in order.</summary>
public sealed record CreateEnumOperation(TableName Type, IReadOnlyList<string> Values) : MigrationOperation, IEnumTypeOperation
{
    /// <summary>
    /// The C# enum the type was declared from, if any: whole numbers in seed data for its columns
    /// become the labels of its members. Not part of the checksum; the labels are.
    /// </summary>
    [JsonIgnore]
    public Type? ClrType { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"CreateEnum {Type}";
}
