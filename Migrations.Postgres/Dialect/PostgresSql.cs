using System.Globalization;
using Migrations.Dialects;
using Migrations.Operations;

namespace Migrations.Postgres.Dialect;

/// <summary>Spells identifiers and literals the way PostgreSQL reads them.</summary>
internal static class PostgresSql
{
    public const string DefaultSchema = "public";

    /// <summary>A quoted identifier: always quoted, embedded quotes doubled.</summary>
    public static string Quote(string identifier) => SqlText.Quote(identifier);

    /// <summary>A quoted, schema-qualified name.</summary>
    public static string Quote(TableName name) => $"{Quote(name.Schema ?? DefaultSchema)}.{Quote(name.Name)}";

    public static string QuoteList(IEnumerable<string> identifiers) => SqlText.QuoteList(identifiers);

    /// <summary>A string literal with embedded quotes doubled (standard_conforming_strings is on).</summary>
    public static string String(string value) => SqlText.String(value);

    /// <summary>A constant as a typed literal, for DEFAULT clauses, which take no parameters.</summary>
    public static string Literal(object? value) => value switch
    {
        null => "NULL",
        bool b => b ? "TRUE" : "FALSE",
        string s => String(s),
        char c => String(c.ToString()),
        Guid g => $"{String(g.ToString())}::uuid",
        DateOnly d => $"DATE {String(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}",
        TimeOnly t => $"TIME {String(t.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture))}",
        DateTime { Kind: DateTimeKind.Utc } d => $"TIMESTAMPTZ {String(d.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00")}",
        DateTime d => $"TIMESTAMP {String(d.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture))}",
        DateTimeOffset d => $"TIMESTAMPTZ {String(d.ToString("yyyy-MM-dd HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture))}",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"A {value.GetType().Name} cannot be written as a PostgreSQL default; use DefaultSql(\"...\") with an SQL expression."),
    };

    public static string? Default(DefaultValue? value) => value is null ? null : value.Sql ?? Literal(value.Value);
}
