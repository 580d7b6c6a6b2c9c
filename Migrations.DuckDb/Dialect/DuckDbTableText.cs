using System.Text;

namespace Migrations.DuckDb.Dialect;

/// <summary>
/// What DuckDB's catalog keeps only in a table's CREATE TABLE text (duckdb_tables().sql): each
/// column's collation and, for a generated column, its expression. DuckDB writes that text in one
/// canonical form, so reading it needs only quotes and parentheses tracked, not a SQL parser.
/// </summary>
internal static class DuckDbTableText
{
    private const string CollateKeyword = " COLLATE ";
    private const string GeneratedKeyword = " GENERATED ALWAYS AS";

    /// <summary>The collation and generating expression of each column that has one, by column name.</summary>
    /// <param name="createTable">The table's CREATE TABLE statement as DuckDB writes it.</param>
    public static Dictionary<string, (string? Collation, string? Generated)> Columns(string createTable)
    {
        var found = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        var open = Mask(createTable).IndexOf('(', StringComparison.Ordinal);
        var close = createTable.LastIndexOf(')');
        if (open < 0 || close <= open)
        {
            return found;
        }

        foreach (var element in TopLevelParts(createTable[(open + 1)..close]))
        {
            if (LeadingName(element) is not { } leading || leading.After.Length == 0)
            {
                continue;
            }

            var (name, rest) = leading;
            var mask = Mask(rest);
            var collation = Collation(rest, mask);
            var generated = Generated(rest, mask);
            if (collation is not null || generated is not null)
            {
                found[name] = (collation, generated);
            }
        }

        return found;
    }

    private static string? Collation(string text, string mask)
    {
        var at = mask.IndexOf(CollateKeyword, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = at + CollateKeyword.Length;
        var end = mask.IndexOf(' ', start);
        return text[start..(end < 0 ? text.Length : end)];
    }

    private static string? Generated(string text, string mask)
    {
        var at = mask.IndexOf(GeneratedKeyword, StringComparison.Ordinal);
        var open = at < 0 ? -1 : mask.IndexOf('(', at);
        var close = open < 0 ? -1 : mask.IndexOf(')', open);
        return close < 0 ? null : text[(open + 1)..close];
    }

    /// <summary>The parts between commas that are outside quotes and parentheses.</summary>
    private static IEnumerable<string> TopLevelParts(string text)
    {
        var mask = Mask(text);
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || mask[i] == ',')
            {
                yield return text[start..i].Trim();
                start = i + 1;
            }
        }
    }

    /// <summary>A leading identifier, quoted (with doubled quotes inside) or bare, and what follows it.</summary>
    private static (string Name, string After)? LeadingName(string element)
    {
        if (element.StartsWith('"'))
        {
            var name = new StringBuilder();
            for (var i = 1; i < element.Length; i++)
            {
                if (element[i] != '"')
                {
                    name.Append(element[i]);
                }
                else if (i + 1 < element.Length && element[i + 1] == '"')
                {
                    name.Append('"');
                    i++;
                }
                else
                {
                    return (name.ToString(), element[(i + 1)..]);
                }
            }

            return null;
        }

        var space = element.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? null : (element[..space], element[space..]);
    }

    /// <summary>
    /// The text with everything inside quotes and inside parentheses replaced by underscores
    /// (outermost parentheses kept), so that keywords and commas found in it are at the top level.
    /// </summary>
    private static string Mask(string text)
    {
        var mask = text.ToCharArray();
        var depth = 0;
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                mask[i] = '_';
                if (c == quote && i + 1 < text.Length && text[i + 1] == quote)
                {
                    mask[++i] = '_';
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                mask[i] = '_';
            }
            else if (c == '(')
            {
                mask[i] = depth++ == 0 ? c : '_';
            }
            else if (c == ')')
            {
                mask[i] = --depth == 0 ? c : '_';
            }
            else if (depth > 0)
            {
                mask[i] = '_';
            }
        }

        return new string(mask);
    }
}
