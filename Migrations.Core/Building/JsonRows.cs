using System.Text.Json;

namespace Migrations.Building;

/// <summary>Reads a JSON array of objects as rows: columns in order of first appearance, missing properties as NULL.</summary>
internal static class JsonRows
{
    public static (string[] Columns, IReadOnlyList<object?>[] Rows) Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException($"{path} holds {document.RootElement.ValueKind}, not an array of row objects.");
        }

        var objects = document.RootElement.EnumerateArray().ToList();
        if (objects.Any(o => o.ValueKind != JsonValueKind.Object))
        {
            throw new InvalidOperationException($"{path}: every element must be an object whose properties are column names.");
        }

        var columns = objects.SelectMany(o => o.EnumerateObject().Select(p => p.Name)).Distinct(StringComparer.Ordinal).ToArray();
        var rows = objects.Select(o => (IReadOnlyList<object?>)Array.ConvertAll(columns, c => o.TryGetProperty(c, out var v) ? Value(v) : null)).ToArray();
        return (columns, rows);
    }

    private static object? Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number when value.TryGetInt64(out var whole) => whole,
        JsonValueKind.Number => value.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };
}
