using System.Globalization;
using System.Numerics;
using Migrations.Operations;

namespace Migrations.Checks;

/// <summary>Whether a constant fits a portable column type, told before any SQL runs.</summary>
internal static class ValueChecks
{
    /// <summary>A problem with a column type's own arguments, or null.</summary>
    public static string? TypeProblem(ColumnType type) => type switch
    {
        { Kind: ColumnTypeKind.String, Length: < 1 } => $"String({type.Length}) has no room for text: give a length of at least 1, or String() for no limit.",
        { Kind: ColumnTypeKind.Decimal, Precision: < 1 } => $"{type}: the precision (total digits) must be at least 1.",
        { Kind: ColumnTypeKind.Decimal } when type.Scale < 0 || type.Scale > type.Precision => $"{type}: the scale (digits after the point) must be between 0 and the precision.",
        { Kind: ColumnTypeKind.Custom or ColumnTypeKind.Enum } when string.IsNullOrWhiteSpace(type.Name) => $"{type.Kind} type has no name: name the database type.",
        _ => null,
    };

    /// <summary>A problem with a column's constant default (or backfill, as <paramref name="what"/> says), or null. Expressions (DefaultSql) are the database's to check.</summary>
    public static string? DefaultProblem(string column, ColumnType type, DefaultValue? value, string what)
    {
        if (value is not { Value: { } constant })
        {
            return null;
        }

        return Fits(type, constant)
            ? null
            : $"The {what} of column \"{column}\" is {Describe(constant)}, which is not a {type} value: give a {Expected(type)}, or DefaultSql(\"...\") for an expression.";
    }

    /// <summary>Whether a seed or default value can be sent to the database at all.</summary>
    /// <remarks>The commonest seed types are tested first: this runs for every value of a seed.</remarks>
    public static bool IsSupported(object? value) =>
        value is null or string or long or int or decimal or double or bool or DateTime or DateTimeOffset or Guid ||
        value is char or byte[] or DateOnly or TimeOnly or TimeSpan or Enum || IsNumber(value);

    public static string Describe(object value) => value switch
    {
        string s => $"the text \"{s}\"",
        _ => $"{value} ({value.GetType().Name})",
    };

    private static bool Fits(ColumnType type, object value) => type.Kind switch
    {
        ColumnTypeKind.Boolean => value is bool || (value is string s && bool.TryParse(s, out _)),
        ColumnTypeKind.Int16 => IsInteger(value, short.MinValue, short.MaxValue),
        ColumnTypeKind.Int32 => IsInteger(value, int.MinValue, int.MaxValue),
        ColumnTypeKind.Int64 => IsInteger(value, long.MinValue, long.MaxValue),
        ColumnTypeKind.Decimal or ColumnTypeKind.Float32 or ColumnTypeKind.Float64 =>
            IsNumber(value) || (value is string s && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)),
        ColumnTypeKind.String => value is string s ? type.Length is null || s.Length <= type.Length : value is char,
        ColumnTypeKind.Text or ColumnTypeKind.Json or ColumnTypeKind.Enum => value is string or char,
        ColumnTypeKind.Date => value is DateOnly or DateTime || (value is string s && DateOnly.TryParse(s, CultureInfo.InvariantCulture, out _)),
        ColumnTypeKind.Time => value is TimeOnly or TimeSpan || (value is string s && TimeOnly.TryParse(s, CultureInfo.InvariantCulture, out _)),
        ColumnTypeKind.Timestamp or ColumnTypeKind.TimestampTz => value is DateTime or DateTimeOffset || (value is string s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, out _)),
        ColumnTypeKind.Guid => value is Guid || (value is string s && Guid.TryParse(s, out _)),
        ColumnTypeKind.Binary => value is byte[],
        _ => IsSupported(value),
    };

    private static string Expected(ColumnType type) => type.Kind switch
    {
        ColumnTypeKind.Boolean => "bool",
        ColumnTypeKind.Int16 or ColumnTypeKind.Int32 or ColumnTypeKind.Int64 => "whole number within the type's range",
        ColumnTypeKind.Decimal or ColumnTypeKind.Float32 or ColumnTypeKind.Float64 => "number",
        ColumnTypeKind.String when type.Length is not null => $"string of at most {type.Length} characters",
        ColumnTypeKind.Date => "DateOnly",
        ColumnTypeKind.Time => "TimeOnly",
        ColumnTypeKind.Timestamp or ColumnTypeKind.TimestampTz => "DateTime or DateTimeOffset",
        ColumnTypeKind.Guid => "Guid",
        ColumnTypeKind.Binary => "byte[]",
        _ => "string",
    };

    private static bool IsNumber(object? value) => value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal or BigInteger;

    private static bool IsInteger(object value, long min, long max)
    {
        BigInteger? whole = value switch
        {
            sbyte or byte or short or ushort or int or uint or long or ulong => new BigInteger(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
            BigInteger b => b,
            decimal d when d == decimal.Truncate(d) => new BigInteger(d),
            string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        return whole is { } w && w >= min && w <= max;
    }
}
