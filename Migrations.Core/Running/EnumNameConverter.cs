using System.Text.Json;
using System.Text.Json.Serialization;
using Migrations.Operations;

namespace Migrations.Running;

/// <summary>
/// Writes an enum member by its name, as <see cref="JsonStringEnumConverter"/> does for the
/// members an operation holds, with a converter small enough to compile in a fraction of a
/// millisecond: the general one cost tens of milliseconds per enum type in every process that
/// computes a checksum. Only writes: the checksum's JSON is never read back.
/// </summary>
internal sealed class EnumNameConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    // The operations' own enums are named: a native (ahead-of-time compiled) app cannot make generic types as it runs.
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        typeToConvert == typeof(ColumnTypeKind) ? new Names<ColumnTypeKind>()
        : typeToConvert == typeof(ReferentialAction) ? new Names<ReferentialAction>()
        : (JsonConverter)Activator.CreateInstance(typeof(Names<>).MakeGenericType(typeToConvert))!;

    private sealed class Names<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("The checksum's JSON is only written.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            // A value without a member has no name; the general converter writes such a value as a number.
            if (Enum.IsDefined(value))
            {
                writer.WriteStringValue(value.ToString());
            }
            else
            {
                writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
