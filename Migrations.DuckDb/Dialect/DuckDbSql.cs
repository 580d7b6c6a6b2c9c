using System.Globalization;
using Migrations.Dialects;
using Migrations.Operations;

namespace Migrations.DuckDb.Dialect;

/// <summary>Spells identifiers and literals the way DuckDB reads them.</summary>
internal static class DuckDbSql
{
    public const string DefaultSchema = "main";

    /// <summary>A quoted identifier: always quoted, embedded quotes doubled.</summary>
    public static string Quote(string identifier) => SqlText.Quote(identifier);

    /// <summary>A quoted, schema-qualified name.</summary>
    public static string Quote(TableName name) => $"{Quote(name.Schema ?? DefaultSchema)}.{Quote(name.Name)}";

    public static string QuoteList(IEnumerable<string> identifiers) => SqlText.QuoteList(identifiers);

    /// <summary>A string literal with embedded quotes doubled.</summary>
    public static string String(string value) => SqlText.String(value);

    /// <summary>
    /// A constant as a typed literal. Used only where DuckDB takes no parameters (DEFAULT clauses);
    /// data values always travel as parameters.
    /// </summary>
    public static string Literal(object? value) => value switch
    {
        null => "NULL",
        bool b => b ? "TRUE" : "FALSE",
        string s => String(s),
        char c => String(c.ToString()),
        Guid g => $"UUID {String(g.ToString())}",
        DateOnly d => $"DATE {String(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}",
        TimeOnly t => $"TIME {String(t.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture))}",
        DateTime { Kind: DateTimeKind.Utc } d => $"TIMESTAMPTZ {String(d.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00")}",
        DateTime d => $"TIMESTAMP {String(d.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture))}",
        DateTimeOffset d => $"TIMESTAMPTZ {String(d.ToString("yyyy-MM-dd HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture))}",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"A {value.GetType().Name} cannot be written as a DuckDB default; use DefaultSql(\"...\") with an SQL expression."),
    };

    /// <summary>The SQL of a default, as DuckDB stores it.</summary>
    public static string? Default(DefaultValue? value) => value is null ? null : value.Sql ?? Literal(value.Value);
}
