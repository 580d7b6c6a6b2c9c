using System.Text.RegularExpressions;
using Migrations.Dialects;
using Migrations.Operations;

namespace Migrations.DuckDb.Dialect;

/// <summary>Finds the sequences a column default draws from, and marks those the library makes for identity columns.</summary>
internal static partial class DuckDbSequences
{
    /// <summary>How a sequence's comment starts when the library made it for an identity column.</summary>
    public const string IdentityMark = "Migrations: identity of ";

    /// <summary>DuckDB has no owned sequences (PostgreSQL's OWNED BY); a comment records whose sequence it is.</summary>
    public static SqlStep MarkAsIdentity(TableName sequence, TableName table, string column) =>
        new($"COMMENT ON SEQUENCE {DuckDbSql.Quote(sequence)} IS {DuckDbSql.String($"{IdentityMark}{table}.{column}")}");

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
