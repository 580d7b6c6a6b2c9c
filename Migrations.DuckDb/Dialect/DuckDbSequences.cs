using System.Text.RegularExpressions;
using Migrations.Operations;

namespace Migrations.DuckDb.Dialect;

/// <summary>Finds the sequences a column default draws from.</summary>
internal static partial class DuckDbSequences
{
    /// <summary>The sequences in a default: <c>nextval('"main"."t_id_seq"')</c> gives main.t_id_seq.</summary>
    public static IEnumerable<TableName> In(string? defaultSql)
    {
        if (defaultSql is null)
        {
            yield break;
        }

        foreach (Match match in NextValCall().Matches(defaultSql))
        {
            var parts = QualifiedNamePart().Matches(match.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal))
                .Select(p => p.Groups[1].Success ? p.Groups[1].Value.Replace("\"\"", "\"", StringComparison.Ordinal) : p.Groups[2].Value)
                .ToArray();
            yield return parts.Length switch
            {
                1 => new TableName(parts[0]),
                _ => new TableName(parts[^1], parts[^2]),
            };
        }
    }

    [GeneratedRegex(@"nextval\('((?:[^']|'')*)'\)", RegexOptions.IgnoreCase)]
    private static partial Regex NextValCall();

    [GeneratedRegex(@"""((?:[^""]|"""")*)""|([^."" ]+)")]
    private static partial Regex QualifiedNamePart();
}
