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
    public static string Literal(object? value) => SqlText.Literal(value, text => $"{text}::uuid");

    /// <summary>A parameter value written into a script for psql.</summary>
    public static string ScriptLiteral(object? value) => value switch
    {
        byte[] bytes => $"'\\x{Convert.ToHexString(bytes)}'::bytea",
        _ => Literal(value),
    };

    public static string? Default(DefaultValue? value) => value is null ? null : value.Sql ?? Literal(value.Value);
}
