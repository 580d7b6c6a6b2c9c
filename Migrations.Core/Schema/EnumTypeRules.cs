using Migrations.Dialects;
using Migrations.Operations;

namespace Migrations.Schema;

/// <summary>
/// The rules for enum types, the same on every database: what may be created, changed and
/// dropped, with the same message for the same mistake. Each dialect then carries the change
/// out its own way.
/// </summary>
internal static class EnumTypeRules
{
    /// <summary>
    /// Whether a type must be created: not when it exists with the same values (two migrations, or
    /// tables, may both ask for it); refused when it exists with other values.
    /// </summary>
    public static bool MustCreate(CreateEnumOperation create, EnumModel? current)
    {
        if (current is null)
        {
            return true;
        }

        return current.Values.SequenceEqual(create.Values, StringComparer.Ordinal)
            ? false
            : throw new MigrationPlanningException(create, $"{current.Name} already exists with values ({string.Join(", ", current.Values)}): change values with AddEnumValue / RenameEnumValue / DropEnumValue.");
    }

    /// <summary>The type a change applies to; refused when there is none.</summary>
    public static EnumModel Existing(MigrationOperation operation, EnumModel? current, TableName type) =>
        current ?? throw new MigrationPlanningException(operation, $"There is no enum type {type}: create it with CreateEnum first.");

    /// <summary>Refuses to drop a type that columns still use.</summary>
    /// <param name="drop">The drop.</param>
    /// <param name="current">The type.</param>
    /// <param name="users">The columns using it, as table.column.</param>
    public static void CheckDrop(DropEnumOperation drop, EnumModel current, IReadOnlyList<string> users)
    {
        if (users.Count > 0)
        {
            throw new MigrationPlanningException(drop, $"{current.Name} is used by {string.Join(", ", users)}: drop those columns or change their type first.");
        }
    }

    /// <summary>
    /// The values after a change of values, after checking it against the type as it is; null when
    /// there is nothing to do (the value to add is there already).
    /// </summary>
    public static IReadOnlyList<string>? NewValues(MigrationOperation operation, EnumModel current)
    {
        string Fail(string message) => throw new MigrationPlanningException(operation, message);
        bool Has(string value) => current.Values.Contains(value, StringComparer.Ordinal);
        string Values() => string.Join(", ", current.Values);
        return operation switch
        {
            AddEnumValueOperation o when Has(o.Value) => null,
            AddEnumValueOperation o when (o.Before ?? o.After) is { } anchor && !Has(anchor) => [Fail($"{current.Name} has no value '{anchor}' to place '{o.Value}' next to. Its values: {Values()}.")],
            AddEnumValueOperation o => EnumValues.Add(current.Values, o),
            RenameEnumValueOperation o when !Has(o.Value) => [Fail($"{current.Name} has no value '{o.Value}'. Its values: {Values()}.")],
            RenameEnumValueOperation o when Has(o.NewValue) => [Fail($"{current.Name} already has the value '{o.NewValue}'.")],
            RenameEnumValueOperation o => current.Values.Select(v => v == o.Value ? o.NewValue : v).ToArray(),
            DropEnumValueOperation o when !Has(o.Value) => [Fail($"{current.Name} has no value '{o.Value}'. Its values: {Values()}.")],
            DropEnumValueOperation when current.Values.Count == 1 => [Fail($"'{current.Values[0]}' is the last value of {current.Name}: drop the type instead.")],
            DropEnumValueOperation o => current.Values.Where(v => v != o.Value).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a change of an enum type's values."),
        };
    }
}
