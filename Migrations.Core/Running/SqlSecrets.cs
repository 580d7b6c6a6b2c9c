using System.Text.RegularExpressions;

namespace Migrations.Running;

/// <summary>
/// Hides passwords written into SQL (<c>CREATE ROLE app PASSWORD 'secret'</c>, <c>ALTER USER ...
/// ENCRYPTED PASSWORD '...'</c>, DuckDB's <c>CREATE SECRET (... SECRET '...')</c>) before a
/// statement reaches a log, an exception message or a health check.
/// </summary>
internal static partial class SqlSecrets
{
    public static string Mask(string text) => string.IsNullOrEmpty(text) ? text : Literal().Replace(text, "$1'***'");

    [GeneratedRegex(@"(\b(?:PASSWORD|SECRET|KEY_ID|TOKEN)\s*(?:=\s*)?)'(?:[^']|'')*'", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Literal();
}
