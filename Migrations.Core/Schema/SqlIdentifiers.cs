using System.Text;
using System.Text.RegularExpressions;

namespace Migrations.Schema;

/// <summary>
/// Finds and renames identifiers in short SQL expressions (check constraints, view bodies):
/// bare or double-quoted words outside string literals.
/// </summary>
internal static partial class SqlIdentifiers
{
    /// <summary>Whether <paramref name="sql"/> mentions the identifier.</summary>
    /// <param name="sql">The expression.</param>
    /// <param name="identifier">The identifier.</param>
    /// <param name="names">How the dialect compares names.</param>
    public static bool Mentions(string sql, string identifier, NameResolver names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return Tokens().Matches(sql).Any(m => m.Groups["id"].Success && names.SameName(Unquote(m.Value), identifier));
    }

    /// <summary>The expression with every mention of <paramref name="from"/> replaced by the quoted <paramref name="to"/>.</summary>
    /// <param name="sql">The expression.</param>
    /// <param name="from">The old identifier.</param>
    /// <param name="to">The new identifier.</param>
    /// <param name="names">How the dialect compares names.</param>
    public static string Rename(string sql, string from, string to, NameResolver names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var result = new StringBuilder(sql.Length);
        var last = 0;
        foreach (Match token in Tokens().Matches(sql))
        {
            if (token.Groups["id"].Success && names.SameName(Unquote(token.Value), from))
            {
                result.Append(sql, last, token.Index - last).Append('"').Append(to.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                last = token.Index + token.Length;
            }
        }

        return result.Append(sql, last, sql.Length - last).ToString();
    }

    private static string Unquote(string token) =>
        token.StartsWith('"') ? token[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : token;

    // String literals are matched (and skipped) so that words inside them never count.
    [GeneratedRegex("""'(?:[^']|'')*'|(?<id>"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_$]*)""")]
    private static partial Regex Tokens();
}
