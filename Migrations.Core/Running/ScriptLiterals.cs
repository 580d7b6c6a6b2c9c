using System.Text;

namespace Migrations.Running;

/// <summary>Writes a statement's parameter values into its text ($1, $2, ...), so that a script runs as it is.</summary>
internal static class ScriptLiterals
{
    public static string Inline(string sql, IReadOnlyList<object?> parameters, Func<object?, string> literal)
    {
        if (parameters.Count == 0)
        {
            return sql;
        }

        var text = new StringBuilder(sql.Length + (parameters.Count * 8));
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c is '\'' or '"')
            {
                // A string literal or quoted identifier is copied as it is: a "$1" inside is text.
                var end = i + 1;
                while (end < sql.Length && !(sql[end] == c && (end + 1 >= sql.Length || sql[end + 1] != c)))
                {
                    end += sql[end] == c ? 2 : 1;
                }

                text.Append(sql, i, Math.Min(end + 1, sql.Length) - i);
                i = end + 1;
                continue;
            }

            if (c == '$' && i + 1 < sql.Length && char.IsAsciiDigit(sql[i + 1]))
            {
                var end = i + 1;
                while (end < sql.Length && char.IsAsciiDigit(sql[end]))
                {
                    end++;
                }

                var number = int.Parse(sql.AsSpan(i + 1, end - i - 1), System.Globalization.CultureInfo.InvariantCulture);
                if (number >= 1 && number <= parameters.Count)
                {
                    text.Append(literal(parameters[number - 1]));
                    i = end;
                    continue;
                }
            }

            text.Append(c);
            i++;
        }

        return text.ToString();
    }
}
