using System.Reflection;
using Migrations.Operations;

namespace Migrations.Building;

/// <summary>Reads column names and values from the public properties of an object.</summary>
internal static class ObjectColumns
{
    public static PropertyInfo[] Of(Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        return properties.Length > 0
            ? properties
            : throw new ArgumentException($"{type.Name} has no public properties to use as columns.");
    }

    public static ColumnValue[] Values(object row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Array.ConvertAll(Of(row.GetType()), p => new ColumnValue(p.Name, p.GetValue(row)));
    }
}
