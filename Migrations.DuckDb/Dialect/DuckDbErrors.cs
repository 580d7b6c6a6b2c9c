using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Migrations.Dialects;

namespace Migrations.DuckDb.Dialect;

/// <summary>Reads a DuckDB error from its message, the only place DuckDB names the kind of failure and the key.</summary>
internal static partial class DuckDbErrors
{
    /// <summary>Whether the error says a table, or the schema named with it, does not exist (and not a column of a table that does).</summary>
    public static bool IsMissingTable(Exception exception) =>
        Find(exception)?.Message is { } message &&
        (message.StartsWith("Catalog Error: Table with name ", StringComparison.Ordinal) || message.StartsWith("Catalog Error: Schema with name ", StringComparison.Ordinal)) &&
        message.Contains(" does not exist", StringComparison.Ordinal);

    public static ProviderError? Classify(Exception exception)
    {
        if (Find(exception) is not { } e)
        {
            return null;
        }

        var message = e.Message;
        if (DataGuards.Find(message) is { } refused)
        {
            return new ProviderError(ProviderErrorKind.Refused) { Found = refused };
        }

        if (DuplicateKey().Match(message) is { Success: true } duplicate)
        {
            return new ProviderError(ProviderErrorKind.Duplicate) { Found = Key(duplicate.Groups["key"].Value) };
        }

        if (NotNull().Match(message) is { Success: true } notNull)
        {
            return new ProviderError(ProviderErrorKind.NullValue) { Column = notNull.Groups["column"].Value };
        }

        if (ForeignKey().Match(message) is { Success: true } foreignKey)
        {
            var kind = foreignKey.Groups["why"].Value.StartsWith("is still", StringComparison.Ordinal) ? ProviderErrorKind.StillReferenced : ProviderErrorKind.MissingParent;
            return new ProviderError(kind) { Found = Key(foreignKey.Groups["key"].Value) };
        }

        if (Check().Match(message) is { Success: true } check)
        {
            return new ProviderError(ProviderErrorKind.CheckFailed) { Name = check.Groups["expression"].Value };
        }

        ProviderErrorKind? other = message switch
        {
            _ when message.Contains("Data contains duplicates", StringComparison.Ordinal) => ProviderErrorKind.Duplicate,
            _ when message.StartsWith("Conversion Error:", StringComparison.Ordinal) || message.StartsWith("Out of Range Error:", StringComparison.Ordinal) => ProviderErrorKind.InvalidValue,
            _ when Missing().IsMatch(message) => ProviderErrorKind.MissingObject,
            _ when message.StartsWith("Catalog Error:", StringComparison.Ordinal) && message.Contains("already exists", StringComparison.Ordinal) => ProviderErrorKind.AlreadyExists,
            _ when message.StartsWith("Parser Error:", StringComparison.Ordinal) => ProviderErrorKind.InvalidSql,
            _ => null,
        };
        return other is null ? null : new ProviderError(other.Value)
        {
            Found = other == ProviderErrorKind.InvalidValue ? message[(message.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() : null,
        };
    }

    private static DuckDBException? Find(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is DuckDBException duckDb)
            {
                return duckDb;
            }
        }

        return null;
    }

    /// <summary>DuckDB writes a key as "a: 1, b: x"; written here as the PostgreSQL dialect writes it, "a = 1" or "(a, b) = (1, x)".</summary>
    private static string Key(string key)
    {
        var pairs = key.Split(", ").Select(p => p.Split(": ", 2)).ToList();
        if (pairs.Any(p => p.Length != 2))
        {
            return key;
        }

        return pairs.Count == 1
            ? $"{pairs[0][0]} = {pairs[0][1]}"
            : $"({string.Join(", ", pairs.Select(p => p[0]))}) = ({string.Join(", ", pairs.Select(p => p[1]))})";
    }

    // Constraint messages arrive bare, or wrapped by the appender ("Failed to append: ") or by COMMIT ("Failed to commit: ").
    [GeneratedRegex("""(?:Duplicate key "(?<key>.*)" violates|PRIMARY KEY or UNIQUE constraint violation: duplicate key "(?<key>.*)")""")]
    private static partial Regex DuplicateKey();

    [GeneratedRegex("""NOT NULL constraint failed: (?:.*\.)?(?<column>[^.]+)$""")]
    private static partial Regex NotNull();

    [GeneratedRegex("""Violates foreign key constraint because key "(?<key>.*)" (?<why>does not exist|is still referenced)""")]
    private static partial Regex ForeignKey();

    [GeneratedRegex("""CHECK constraint failed on table .* with expression (?<expression>.*)$""")]
    private static partial Regex Check();

    [GeneratedRegex("""^(?:Catalog Error: .* does not exist|Catalog Error: .* does not have a column|Binder Error: .*(?:does not have a column|not found|does not contain column))""")]
    private static partial Regex Missing();
}
