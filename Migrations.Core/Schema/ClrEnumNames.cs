using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text;

namespace Migrations.Schema;

/// <summary>
/// The database names of a C# enum and its members, as <c>CreateEnum&lt;TEnum&gt;()</c> declares
/// them: snake_case (<c>TeacherAssistant</c> is <c>teacher_assistant</c>), the convention
/// Npgsql's <c>MapEnum&lt;TEnum&gt;()</c> reads back by default. A member's
/// <c>[EnumMember(Value = "...")]</c> or Npgsql's <c>[PgName("...")]</c> names it explicitly, and
/// <c>[PgName]</c> on the enum names the type.
/// </summary>
internal static class ClrEnumNames
{
    /// <summary>Seed rows look members up once per value: reflect over each enum once.</summary>
    private static readonly ConcurrentDictionary<Type, List<(string Name, string Label, decimal Value)>> Cache = new();

    /// <summary>The database type name of a C# enum.</summary>
    /// <param name="enumType">The enum type.</param>
    public static string TypeName(Type enumType)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        return ExplicitName(enumType) ?? SnakeCase(enumType.Name);
    }

    /// <summary>The labels of a C# enum's members, in order of their values.</summary>
    /// <param name="enumType">The enum type.</param>
    public static IReadOnlyList<string> Labels(Type enumType)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        return Members(enumType).Select(m => m.Label).ToArray();
    }

    /// <summary>The label of one member, or null when the value is not a declared member.</summary>
    /// <param name="value">The member.</param>
    public static string? Label(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var underlying = Underlying(value);
        return Members(value.GetType()).FirstOrDefault(m => m.Value == underlying).Label;
    }

    /// <summary>The label of the member with an integer value, or null when none has it.</summary>
    /// <param name="enumType">The enum type.</param>
    /// <param name="value">The member's value.</param>
    public static string? Label(Type enumType, decimal value) =>
        Members(enumType).FirstOrDefault(m => m.Value == value).Label;

    /// <summary>The members as "label = value", for messages.</summary>
    /// <param name="enumType">The enum type.</param>
    public static string Describe(Type enumType) =>
        $"{enumType.Name} ({string.Join(", ", Members(enumType).Select(m => $"{m.Name} = {m.Value.ToString(CultureInfo.InvariantCulture)}"))})";

    /// <summary>Members whose values or labels coincide, which would make the mapping ambiguous.</summary>
    /// <param name="enumType">The enum type.</param>
    internal static string? Problem(Type enumType)
    {
        if (enumType.IsDefined(typeof(FlagsAttribute), inherit: false))
        {
            return $"{enumType.Name} is a [Flags] enum; a column holds one label, so declare the labels with CreateEnum(name, values) instead.";
        }

        var members = Members(enumType);
        if (members.Count == 0)
        {
            return $"{enumType.Name} declares no members: an enum type needs at least one label.";
        }

        var shared = members.GroupBy(m => m.Value).FirstOrDefault(g => g.Count() > 1);
        if (shared is not null)
        {
            return $"{enumType.Name}.{string.Join(" and ", shared.Select(m => m.Name))} share the value {shared.Key}, so a number could not say which label it means: give each member its own value.";
        }

        var sameLabel = members.GroupBy(m => m.Label, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return sameLabel is null
            ? null
            : $"{enumType.Name}.{string.Join(" and ", sameLabel.Select(m => m.Name))} both become the label \"{sameLabel.Key}\": rename one, or name it with [EnumMember(Value = \"...\")].";
    }

    private static List<(string Name, string Label, decimal Value)> Members(Type enumType) => Cache.GetOrAdd(enumType, static type =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (f.Name, Label: ExplicitName(f) ?? SnakeCase(f.Name), Value: Underlying((Enum)f.GetValue(null)!)))
            .OrderBy(m => m.Value)
            .ToList());

    private static decimal Underlying(Enum value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);

    /// <summary>[EnumMember(Value)] from the base library, or Npgsql's [PgName] found by its name, so no package is needed.</summary>
    private static string? ExplicitName(MemberInfo member)
    {
        if (member.GetCustomAttribute<EnumMemberAttribute>() is { IsValueSetExplicitly: true, Value: { } value })
        {
            return value;
        }

        var pgName = member.GetCustomAttributes(inherit: false).FirstOrDefault(a => a.GetType().Name == "PgNameAttribute");
        return pgName?.GetType().GetProperty("PgName")?.GetValue(pgName) as string;
    }

    /// <summary>An underscore where a lower-case letter or digit meets an upper-case one, and before the last capital of a run followed by a lower-case letter.</summary>
    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && name[i - 1] != '_' &&
                (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsUpper(name[i - 1]) && char.IsLower(name[i + 1]))))
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
