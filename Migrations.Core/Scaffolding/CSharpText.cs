using System.Globalization;
using System.Text;

namespace Migrations.Scaffolding;

/// <summary>C# literals for generated migration code.</summary>
internal static class CSharpText
{
    /// <summary>A string literal: escaped on one line, or a raw literal at <paramref name="indent"/> for text with line breaks (SQL of views).</summary>
    public static string String(string value, string indent = "")
    {
        if (value.Contains('\n', StringComparison.Ordinal) && !value.Contains('\r', StringComparison.Ordinal) && value.Trim().Length > 0)
        {
            var quotes = new string('"', Math.Max(3, LongestQuoteRun(value) + 1));
            var lines = value.Trim('\n').Split('\n').Select(l => l.TrimEnd().Length == 0 ? "" : indent + "    " + l.TrimEnd());
            return $"{quotes}\n{string.Join("\n", lines)}\n{indent}    {quotes}";
        }

        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    /// <summary>A list of strings as a collection expression.</summary>
    public static string Strings(IEnumerable<string> values) => $"[{string.Join(", ", values.Select(v => String(v)))}]";

    /// <summary>A constant default value.</summary>
    public static string Constant(object? value) => value switch
    {
        null => "null",
        string s => String(s),
        bool b => b ? "true" : "false",
        int or short or byte => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        decimal d => d.ToString(CultureInfo.InvariantCulture) + "m",
        double d => d.ToString("R", CultureInfo.InvariantCulture) + "d",
        float f => f.ToString("R", CultureInfo.InvariantCulture) + "f",
        Guid g => $"System.Guid.Parse(\"{g}\")",
        _ => throw new NotSupportedException($"A default of type {value.GetType().Name} cannot be written as C#; use DefaultSql."),
    };

    private static int LongestQuoteRun(string value)
    {
        int longest = 0, run = 0;
        foreach (var c in value)
        {
            run = c == '"' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
