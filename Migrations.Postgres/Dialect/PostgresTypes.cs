using System.Text.RegularExpressions;
using Migrations.Operations;

namespace Migrations.Postgres.Dialect;

/// <summary>Maps portable column types to PostgreSQL type names and checks names given by hand.</summary>
internal static partial class PostgresTypes
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "boolean", "bool", "smallint", "int2", "integer", "int", "int4", "bigint", "int8", "real", "float4", "double precision", "float8",
        "numeric", "decimal", "money", "text", "varchar", "character varying", "char", "character", "bpchar", "name", "bytea",
        "date", "time", "timetz", "time with time zone", "time without time zone", "timestamp", "timestamptz",
        "timestamp with time zone", "timestamp without time zone", "interval", "uuid", "json", "jsonb", "xml", "inet", "cidr",
        "macaddr", "macaddr8", "bit", "varbit", "bit varying", "tsvector", "tsquery", "point", "line", "lseg", "box", "path",
        "polygon", "circle", "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange", "oid", "serial", "bigserial",
        // Types from common extensions; the extension must be created first (Sql("CREATE EXTENSION ...")).
        "citext", "hstore", "ltree", "geometry", "geography", "vector",
    };

    public static string StoreType(ColumnType type) => type.Kind switch
    {
        ColumnTypeKind.Boolean => "boolean",
        ColumnTypeKind.Int16 => "smallint",
        ColumnTypeKind.Int32 => "integer",
        ColumnTypeKind.Int64 => "bigint",
        ColumnTypeKind.Decimal => $"numeric({type.Precision},{type.Scale})",
        ColumnTypeKind.Float32 => "real",
        ColumnTypeKind.Float64 => "double precision",
        ColumnTypeKind.String => type.Length is { } length ? $"character varying({length})" : "text",
        ColumnTypeKind.Text => "text",
        ColumnTypeKind.Date => "date",
        ColumnTypeKind.Time => "time without time zone",
        ColumnTypeKind.Timestamp => "timestamp without time zone",
        ColumnTypeKind.TimestampTz => "timestamp with time zone",
        ColumnTypeKind.Guid => "uuid",
        ColumnTypeKind.Binary => "bytea",
        ColumnTypeKind.Json => "jsonb",
        ColumnTypeKind.Enum => PostgresSql.Quote(type.Name!),
        ColumnTypeKind.Custom => type.Name!,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown portable column type."),
    };

    /// <summary>
    /// The portable type a column of this store type was (or could have been) declared with, such
    /// that <see cref="StoreType"/> gives the store type back; a type with no portable name stays as
    /// it is (Custom). For reverse engineering a live database into migrations.
    /// </summary>
    /// <param name="storeType">The type as pg_catalog's format_type spells it.</param>
    /// <param name="isEnum">Whether a name is an enum type of the database.</param>
    public static ColumnType FromStoreType(string storeType, Func<string, bool> isEnum)
    {
        switch (storeType)
        {
            case "boolean": return ColumnType.Boolean;
            case "smallint": return ColumnType.Int16;
            case "integer": return ColumnType.Int32;
            case "bigint": return ColumnType.Int64;
            case "real": return ColumnType.Float32;
            case "double precision": return ColumnType.Float64;
            case "text": return ColumnType.Text;
            case "date": return ColumnType.Date;
            case "time without time zone": return ColumnType.Time;
            case "timestamp without time zone": return ColumnType.Timestamp;
            case "timestamp with time zone": return ColumnType.TimestampTz;
            case "uuid": return ColumnType.Guid;
            case "bytea": return ColumnType.Binary;
            case "jsonb": return ColumnType.Json;
        }

        if (Sized().Match(storeType) is { Success: true } sized)
        {
            var first = int.Parse(sized.Groups["first"].Value, System.Globalization.CultureInfo.InvariantCulture);
            return sized.Groups["kind"].Value == "character varying"
                ? ColumnType.String(first)
                : ColumnType.Decimal(first, sized.Groups["second"].Success ? int.Parse(sized.Groups["second"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
        }

        var unquoted = storeType.Trim('"');
        return isEnum(unquoted) ? ColumnType.Enum(unquoted) : ColumnType.Custom(storeType);
    }

    public static string? Problem(ColumnType type) => type.Kind switch
    {
        ColumnTypeKind.Decimal when type.Precision is not (>= 1 and <= 1000) => $"PostgreSQL numerics have 1 to 1000 digits, not {type.Precision}.",
        ColumnTypeKind.Decimal when type.Scale < 0 || type.Scale > type.Precision => $"Decimal scale {type.Scale} must be between 0 and the precision {type.Precision}.",
        ColumnTypeKind.String when type.Length is <= 0 => $"String length {type.Length} must be positive, or null for unbounded text.",
        ColumnTypeKind.Enum when string.IsNullOrWhiteSpace(type.Name) => "An enum column needs the enum type's name: c.Enum(\"role\").",
        ColumnTypeKind.Custom when string.IsNullOrWhiteSpace(type.Name) || !Known.Contains(BaseName(type.Name)) =>
            $"PostgreSQL has no column type '{type.Name}' that this library knows: use a portable type (Int64(), String(), ...), an enum (c.Enum(\"name\")) or a built-in type name such as jsonb, inet or int4range.",
        _ => null,
    };

    private static string BaseName(string name) => TypeArguments().Replace(name, "").Trim();

    [GeneratedRegex(@"\(.*\)|(\[\d*\])+$")]
    private static partial Regex TypeArguments();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<kind>character varying|numeric)\((?<first>\d+)(,(?<second>\d+))?\)$")]
    private static partial System.Text.RegularExpressions.Regex Sized();
}
