namespace Migrations.Dialects;

/// <summary>Standard SQL spelling that DuckDB and PostgreSQL share: double-quoted identifiers and single-quoted strings.</summary>
public static class SqlText
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
}
