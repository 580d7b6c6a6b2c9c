using System.Globalization;

namespace Migrations.Dialects;

/// <summary>Standard SQL spelling that DuckDB and PostgreSQL share: double-quoted identifiers and single-quoted strings.</summary>
internal static class SqlText
{
    /// <summary>A quoted identifier: always quoted, embedded quotes doubled.</summary>
    /// <param name="identifier">The identifier.</param>
    public static string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Quoted identifiers separated by commas.</summary>
    /// <param name="identifiers">The identifiers.</param>
    public static string QuoteList(IEnumerable<string> identifiers) => string.Join(", ", identifiers.Select(Quote));

    /// <summary>A string literal with embedded quotes doubled.</summary>
    /// <param name="value">The text.</param>
    public static string String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>
    /// A constant as a typed literal, for DEFAULT clauses, which take no parameters; data values
    /// always travel as parameters instead.
    /// </summary>
    /// <param name="value">The constant.</param>
    /// <param name="uuid">How the database spells a UUID literal.</param>
    public static string Literal(object? value, Func<string, string> uuid)
    {
        ArgumentNullException.ThrowIfNull(uuid);
        return value switch
        {
            null => "NULL",
            bool b => b ? "TRUE" : "FALSE",
            string s => String(s),
            char c => String(c.ToString()),
            Guid g => uuid(String(g.ToString())),
            DateOnly d => $"DATE {String(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}",
            TimeOnly t => $"TIME {String(t.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture))}",
            DateTime { Kind: DateTimeKind.Utc } d => $"TIMESTAMPTZ {String(d.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00")}",
            DateTime d => $"TIMESTAMP {String(d.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture))}",
            DateTimeOffset d => $"TIMESTAMPTZ {String(d.ToString("yyyy-MM-dd HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture))}",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => throw new ArgumentException($"A {value.GetType().Name} cannot be written as a default; use DefaultSql(\"...\") with an SQL expression."),
        };
    }
}
