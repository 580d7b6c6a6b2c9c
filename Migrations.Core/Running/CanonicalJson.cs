using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Migrations.Operations;

namespace Migrations.Running;

/// <summary>
/// Writes an operation as the serializer writes it with <see cref="ChecksumJson.Options"/>
/// (properties in name order, defaults and empty lists left out, enum members by name), walking the
/// operation's records directly. The serializer builds metadata for every type and property it meets
/// and compiles hundreds of generic methods for it: in a fresh process that was the first checksum's
/// hundred milliseconds, more than the migrations it checked. Values of types this writer does not
/// know are handed to the serializer with the same options, so the text is the same either way
/// (tests compare the two on every operation type and value type).
/// </summary>
internal static class CanonicalJson
{
    private static readonly ConcurrentDictionary<Type, Member[]?> Members = new();
    private static readonly ConcurrentDictionary<Type, object> Defaults = new();

    private const int KeptBufferBytes = 1 << 20;

    [ThreadStatic]
    private static MemoryStream? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>A property the serializer writes; <paramref name="Type"/> is its declared type.</summary>
    private sealed record Member(string Name, PropertyInfo Property, Type Type);

    /// <summary>
    /// False in a trimmed or native app, where properties read only by reflection may be gone (the
    /// build turns the serializer's reflection off there too): the serializer's build-time metadata,
    /// which names every property, writes the checksums then.
    /// </summary>
    public static bool CanWalkRecords => JsonSerializer.IsReflectionEnabledByDefault;

    /// <summary>The operation's JSON text.</summary>
    /// <param name="operation">The operation.</param>
    public static string Write(MigrationOperation operation)
    {
        var buffer = t_buffer ??= new MemoryStream();
        buffer.SetLength(0);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ChecksumJson.Options.Encoder, SkipValidation = true });
        writer.Reset(buffer);
        try
        {
            WriteValue(writer, operation, operation.GetType());
            writer.Flush();
        }
        catch
        {
            // A writer left part way through cannot be reused.
            t_writer = null;
            throw;
        }

        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (buffer.Capacity > KeptBufferBytes)
        {
            // One large operation (a long SQL text, many values) does not keep its buffer alive on this thread.
            t_buffer = null;
        }

        return text;
    }

    private static void WriteValue(Utf8JsonWriter writer, object value, Type declared)
    {
        // A property declared as object is written as what it holds, as the serializer does.
        var type = declared == typeof(object) ? value.GetType() : Nullable.GetUnderlyingType(declared) ?? declared;
        switch (value)
        {
            case string text:
                writer.WriteStringValue(text);
                return;
            case bool flag:
                writer.WriteBooleanValue(flag);
                return;
            case int number:
                writer.WriteNumberValue(number);
                return;
            case long number:
                writer.WriteNumberValue(number);
                return;
            case decimal number:
                writer.WriteNumberValue(number);
                return;
            case double number when double.IsFinite(number):
                writer.WriteNumberValue(number);
                return;
            case Guid guid:
                writer.WriteStringValue(guid);
                return;
            case DateTime time:
                writer.WriteStringValue(time);
                return;
            case DateTimeOffset time:
                writer.WriteStringValue(time);
                return;
            case Enum member when type.IsEnum:
                // As EnumNameConverter: the member's name, or the number when no member has it.
                if (Enum.IsDefined(type, member))
                {
                    writer.WriteStringValue(member.ToString());
                }
                else
                {
                    writer.WriteNumberValue(Convert.ToInt64(member, CultureInfo.InvariantCulture));
                }

                return;
            case IEnumerable items and not byte[] when ElementType(type) is { } element:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    if (item is null)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        WriteValue(writer, item, element);
                    }
                }

                writer.WriteEndArray();
                return;
        }

        if (MembersOf(type) is { } members)
        {
            writer.WriteStartObject();
            foreach (var member in members)
            {
                var item = member.Property.GetValue(value);
                if (!IsLeftOut(item, member.Type))
                {
                    writer.WritePropertyName(member.Name);
                    WriteValue(writer, item!, member.Type);
                }
            }

            writer.WriteEndObject();
            return;
        }

        JsonSerializer.Serialize(writer, value, type, ChecksumJson.Options);
    }

    /// <summary>Left out as the options leave it out: a default value, or a list without items.</summary>
    private static bool IsLeftOut(object? value, Type declared)
    {
        if (value is null)
        {
            return true;
        }

        if (declared.IsValueType && Nullable.GetUnderlyingType(declared) is null)
        {
            return value.Equals(Defaults.GetOrAdd(declared, type => Activator.CreateInstance(type)!));
        }

        return declared != typeof(string) && typeof(IEnumerable).IsAssignableFrom(declared) && !((IEnumerable)value).GetEnumerator().MoveNext();
    }

    /// <summary>The element type of a list (IReadOnlyList&lt;T&gt;, List&lt;T&gt;, T[]); null for other enumerables (bytes, dictionaries), which the serializer writes.</summary>
    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() is var definition &&
          (definition == typeof(IReadOnlyList<>) || definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(ICollection<>))
            ? type.GetGenericArguments()[0]
            : null;

    /// <summary>The properties written for a record of this package, in name order; null for any other type, or one whose properties carry serializer attributes.</summary>
    private static Member[]? MembersOf(Type type) => Members.GetOrAdd(type, static type =>
    {
        if (type.Namespace != typeof(MigrationOperation).Namespace || type.Assembly != typeof(MigrationOperation).Assembly || type.IsEnum || type.IsInterface)
        {
            return null;
        }

        var members = new List<Member>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true })
            {
                continue;
            }

            var attributes = property.GetCustomAttributes(typeof(JsonAttribute), inherit: true);
            if (attributes is [JsonIgnoreAttribute { Condition: JsonIgnoreCondition.Always }])
            {
                continue;
            }

            if (attributes.Length > 0)
            {
                // Renamed, converted or conditionally ignored: the serializer knows what that means.
                return null;
            }

            members.Add(new Member(property.Name, property, property.PropertyType));
        }

        members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return [.. members];
    });
}
