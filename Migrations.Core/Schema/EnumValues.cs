using Migrations.Operations;

namespace Migrations.Schema;

/// <summary>Where a new enum value goes.</summary>
internal static class EnumValues
{
    /// <summary>The values after adding one: before or after the named value, otherwise at the end; unchanged when it is there already.</summary>
    /// <param name="values">The current values.</param>
    /// <param name="operation">The addition.</param>
    public static IReadOnlyList<string> Add(IReadOnlyList<string> values, AddEnumValueOperation operation)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(operation);
        if (values.Contains(operation.Value, StringComparer.Ordinal))
        {
            return values;
        }

        var list = values.ToList();
        var anchor = operation.Before ?? operation.After;
        var at = anchor is null ? list.Count : list.IndexOf(anchor) + (operation.After is not null ? 1 : 0);
        list.Insert(Math.Clamp(at, 0, list.Count), operation.Value);
        return list;
    }
}
