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
    public static string Literal(object? value) => SqlText.Literal(value, text => $"UUID {text}");

    /// <summary>A parameter value written into a script for the duckdb shell.</summary>
    public static string ScriptLiteral(object? value) => value switch
    {
        byte[] bytes => $"'{string.Concat(bytes.Select(b => $"\\x{b:X2}"))}'::BLOB",
        _ => Literal(value),
    };

    /// <summary>The SQL of a default, as DuckDB stores it.</summary>
    public static string? Default(DefaultValue? value) => value is null ? null : value.Sql ?? Literal(value.Value);
}
