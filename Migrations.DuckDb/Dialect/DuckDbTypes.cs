using System.Text.RegularExpressions;
using Migrations.Operations;

namespace Migrations.DuckDb.Dialect;

/// <summary>Maps portable column types to DuckDB type names and checks DuckDB type names given by hand.</summary>
internal static partial class DuckDbTypes
{
    private static readonly HashSet<string> BuiltIn = new(StringComparer.OrdinalIgnoreCase)
    {
        "BOOLEAN", "BOOL", "TINYINT", "INT1", "SMALLINT", "INT2", "INTEGER", "INT", "INT4", "BIGINT", "INT8", "HUGEINT",
        "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT", "FLOAT", "FLOAT4", "REAL", "DOUBLE", "FLOAT8",
        "DECIMAL", "NUMERIC", "VARCHAR", "TEXT", "STRING", "CHAR", "BPCHAR", "BLOB", "BYTEA", "BINARY", "VARBINARY",
        "DATE", "TIME", "TIMETZ", "TIMESTAMP", "DATETIME", "TIMESTAMPTZ", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS",
        "INTERVAL", "UUID", "JSON", "BIT", "BITSTRING", "VARINT", "BIGNUM", "STRUCT", "MAP", "UNION", "ENUM",
        "TIMESTAMP WITH TIME ZONE", "TIME WITH TIME ZONE", "DOUBLE PRECISION",
    };

    public static string StoreType(ColumnType type) => type.Kind switch
    {
        ColumnTypeKind.Boolean => "BOOLEAN",
        ColumnTypeKind.Int16 => "SMALLINT",
        ColumnTypeKind.Int32 => "INTEGER",
        ColumnTypeKind.Int64 => "BIGINT",
        ColumnTypeKind.Decimal => $"DECIMAL({type.Precision},{type.Scale})",
        ColumnTypeKind.Float32 => "FLOAT",
        ColumnTypeKind.Float64 => "DOUBLE",
        // DuckDB accepts VARCHAR(n) but does not enforce n, so the length is not written.
        ColumnTypeKind.String or ColumnTypeKind.Text => "VARCHAR",
        ColumnTypeKind.Date => "DATE",
        ColumnTypeKind.Time => "TIME",
        ColumnTypeKind.Timestamp => "TIMESTAMP",
        ColumnTypeKind.TimestampTz => "TIMESTAMP WITH TIME ZONE",
        ColumnTypeKind.Guid => "UUID",
        ColumnTypeKind.Binary => "BLOB",
        ColumnTypeKind.Json => "JSON",
        ColumnTypeKind.Custom => type.Name!,
        ColumnTypeKind.Enum => DuckDbSql.Quote(type.Name!),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown portable column type."),
    };

    /// <summary>What is wrong with a type for DuckDB, or null when it is fine.</summary>
    public static string? Problem(ColumnType type) => type.Kind switch
    {
        ColumnTypeKind.Decimal when type.Precision is not (>= 1 and <= 38) =>
            $"DuckDB decimals have 1 to 38 digits, not {type.Precision}: choose a precision in that range.",
        ColumnTypeKind.Decimal when type.Scale < 0 || type.Scale > type.Precision =>
            $"Decimal scale {type.Scale} must be between 0 and the precision {type.Precision}.",
        ColumnTypeKind.Enum when string.IsNullOrWhiteSpace(type.Name) => "An enum column needs the enum type's name: c.Enum(\"mood\").",
        ColumnTypeKind.Custom when string.IsNullOrWhiteSpace(type.Name) || !BuiltIn.Contains(BaseName(type.Name)) =>
            $"DuckDB has no column type '{type.Name}': use a portable type (Int64(), String(), Decimal(p, s), ...) or a DuckDB type name such as HUGEINT, UBIGINT or INTEGER[].",
        _ => null,
    };

    /// <summary>
    /// The portable type a column of this store type was (or could have been) declared with, such
    /// that <see cref="StoreType"/> gives the store type back; a type with no portable name stays as
    /// it is (Custom). For reverse engineering a live database into migrations.
    /// </summary>
    /// <param name="storeType">The type as duckdb_columns() spells it.</param>
    /// <param name="isEnum">Whether a name is an enum type of the database.</param>
    public static ColumnType FromStoreType(string storeType, Func<string, bool> isEnum)
    {
        switch (storeType)
        {
            case "BOOLEAN": return ColumnType.Boolean;
            case "SMALLINT": return ColumnType.Int16;
            case "INTEGER": return ColumnType.Int32;
            case "BIGINT": return ColumnType.Int64;
            case "FLOAT": return ColumnType.Float32;
            case "DOUBLE": return ColumnType.Float64;
            case "VARCHAR": return ColumnType.Text;
            case "DATE": return ColumnType.Date;
            case "TIME": return ColumnType.Time;
            case "TIMESTAMP": return ColumnType.Timestamp;
            case "TIMESTAMP WITH TIME ZONE": return ColumnType.TimestampTz;
            case "UUID": return ColumnType.Guid;
            case "BLOB": return ColumnType.Binary;
            case "JSON": return ColumnType.Json;
        }

        if (Decimal().Match(storeType) is { Success: true } sized)
        {
            return ColumnType.Decimal(
                int.Parse(sized.Groups["precision"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(sized.Groups["scale"].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        var unquoted = storeType.Trim('"');
        return isEnum(unquoted) ? ColumnType.Enum(unquoted) : ColumnType.Custom(storeType);
    }

    /// <summary>The type name without parameters or list brackets: <c>DECIMAL(10,2)[]</c> gives <c>DECIMAL</c>.</summary>
    private static string BaseName(string name) => TypeArguments().Replace(name, "").Trim();

    [GeneratedRegex(@"^DECIMAL\((?<precision>\d+),(?<scale>\d+)\)$")]
    private static partial Regex Decimal();

    [GeneratedRegex(@"\(.*\)|(\[\d*\])+$")]
    private static partial Regex TypeArguments();
}
