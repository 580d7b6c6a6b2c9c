using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Migrations.Running;

/// <summary>
/// The JSON an operation is hashed as. It must not change when the library gains features that
/// the migration does not use, so properties are written in name order (not declaration order),
/// properties left at their type's default (null, false, 0, an empty list) are not written at all
/// (a new optional property leaves old checksums as they were), and enum members are written by
/// name (reordering an enum changes nothing). Numbers and dates are culture-invariant by design of
/// the serializer.
/// </summary>
internal static class ChecksumJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ChecksumJsonContext.Default, new DefaultJsonTypeInfoResolver()).WithAddedModifier(Canonical),
        };
        options.Converters.Add(new EnumNameConverter());
        options.MakeReadOnly();
        return options;
    }

    internal static void Canonical(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var order = type.Properties.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        foreach (var property in type.Properties)
        {
            property.Order = order.IndexOf(property);
            if (typeof(IEnumerable).IsAssignableFrom(property.PropertyType) && property.PropertyType != typeof(string))
            {
                var previous = property.ShouldSerialize;
                property.ShouldSerialize = (owner, value) =>
                    value is IEnumerable items && items.GetEnumerator().MoveNext() && (previous?.Invoke(owner, value) ?? true);
            }
        }
    }
}
