using Migrations.Dialects;
using Migrations.Operations;

namespace Migrations.Checks;

/// <summary>Names an operation carries must be names: not null, empty or blank, no stray whitespace or control characters.</summary>
internal static class IdentifierChecks
{
    public static IEnumerable<string> Problems(MigrationOperation operation) =>
        OperationNames.Of(operation).Select(n => Problem(n.What, n.Name)).OfType<string>();

    private static string? Problem(string what, string? name) => name switch
    {
        null => $"The {what} is null: give it a name.",
        "" => $"The {what} is empty: give it a name.",
        _ when string.IsNullOrWhiteSpace(name) => $"The {what} \"{name}\" is only whitespace: give it a name.",
        _ when char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1]) => $"The {what} \"{name}\" starts or ends with whitespace, which would become part of the name: remove it.",
        _ when name.Any(char.IsControl) => $"The {what} \"{name.Replace("\0", "\\0", StringComparison.Ordinal)}\" contains a control character: use printable characters only.",
        _ => null,
    };
}
