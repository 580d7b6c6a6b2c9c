using System.Text.RegularExpressions;
using Migrations.Dialects;
using Npgsql;

namespace Migrations.Postgres.Dialect;

/// <summary>Reads a PostgreSQL error by its SQLSTATE and the key PostgreSQL quotes in its detail.</summary>
internal static partial class PostgresErrors
{
    /// <summary>Whether the error says a table, or the schema named with it, does not exist (and not a column of a table that does).</summary>
    public static bool IsMissingRelation(Exception exception) =>
        Find(exception) is { SqlState: PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName };

    public static ProviderError? Classify(Exception exception)
    {
        if (Find(exception) is not { } e)
        {
            return null;
        }

        ProviderErrorKind? kind = e.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation => ProviderErrorKind.Duplicate,
            PostgresErrorCodes.NotNullViolation => ProviderErrorKind.NullValue,
            // The detail may be redacted (Npgsql's default); the message says which side of the key was changed.
            PostgresErrorCodes.ForeignKeyViolation when e.MessageText.StartsWith("update or delete on table", StringComparison.Ordinal) => ProviderErrorKind.StillReferenced,
            PostgresErrorCodes.ForeignKeyViolation => ProviderErrorKind.MissingParent,
            PostgresErrorCodes.CheckViolation => ProviderErrorKind.CheckFailed,
            PostgresErrorCodes.InvalidTextRepresentation or PostgresErrorCodes.NumericValueOutOfRange or PostgresErrorCodes.StringDataRightTruncation
                or PostgresErrorCodes.InvalidDatetimeFormat or PostgresErrorCodes.DatetimeFieldOverflow or PostgresErrorCodes.DatatypeMismatch
                or PostgresErrorCodes.CannotCoerce or PostgresErrorCodes.InvalidParameterValue => ProviderErrorKind.InvalidValue,
            PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.UndefinedObject
                or PostgresErrorCodes.UndefinedFunction or PostgresErrorCodes.InvalidSchemaName => ProviderErrorKind.MissingObject,
            PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateColumn or PostgresErrorCodes.DuplicateObject
                or PostgresErrorCodes.DuplicateSchema or PostgresErrorCodes.DuplicateFunction => ProviderErrorKind.AlreadyExists,
            PostgresErrorCodes.LockNotAvailable => ProviderErrorKind.LockTimeout,
            PostgresErrorCodes.SyntaxError => ProviderErrorKind.InvalidSql,
            PostgresErrorCodes.RaiseException when DataGuards.Find(e.MessageText) is not null => ProviderErrorKind.Refused,
            PostgresErrorCodes.QueryCanceled when e.MessageText.Contains("statement timeout", StringComparison.Ordinal) => ProviderErrorKind.StatementTimeout,
            _ => null,
        };
        return kind is null ? null : new ProviderError(kind.Value)
        {
            Found = kind switch
            {
                ProviderErrorKind.Refused => DataGuards.Find(e.MessageText),
                ProviderErrorKind.InvalidValue => e.MessageText,
                _ => Key(e.Detail),
            },
            Column = e.ColumnName,
            Name = e.ConstraintName,
        };
    }

    private static PostgresException? Find(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is PostgresException postgres)
            {
                return postgres;
            }
        }

        return null;
    }

    /// <summary>"Key (a, b)=(1, x) already exists." as "(a, b) = (1, x)", and one column as "a = 1".</summary>
    private static string? Key(string? detail)
    {
        if (detail is null || KeyPattern().Match(detail) is not { Success: true } m)
        {
            return null;
        }

        var (columns, values) = (m.Groups["columns"].Value, m.Groups["values"].Value);
        return columns.Contains(',', StringComparison.Ordinal) ? $"({columns}) = ({values})" : $"{columns} = {values}";
    }

    [GeneratedRegex(@"^Key \((?<columns>.*?)\)=\((?<values>.*)\) (?:already exists|is duplicated|is not present|is still referenced)")]
    private static partial Regex KeyPattern();
}
