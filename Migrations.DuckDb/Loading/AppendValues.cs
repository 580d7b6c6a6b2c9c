using System.Globalization;
using System.Numerics;
using DuckDB.NET.Data;

namespace Migrations.DuckDb.Loading;

/// <summary>
/// Turns seed values into what DuckDB.NET's appender writes into a column without any conversion
/// of its own. The appender writes a value's bytes as they are (an int into a BIGINT column would
/// be misread), truncates decimals where DuckDB rounds, and checks no precision, so a value is
/// appended directly only when its exact type is known to be stored unchanged; otherwise it travels
/// as text for DuckDB to cast with the same rules as an INSERT.
/// </summary>
internal static class AppendValues
{
    /// <summary>How values reach a column of <paramref name="dataType"/> (as duckdb_columns() spells it) directly.</summary>
    public static Func<object, object?> DirectConverter(string dataType)
    {
        // Each returns the value as the column's own CLR type, or null when DuckDB should convert it instead.
        switch (dataType)
        {
            case "BOOLEAN":
                return v => v as bool?;
            case "TINYINT":
                return Whole<sbyte>();
            case "SMALLINT":
                return Whole<short>();
            case "INTEGER":
                return Whole<int>();
            case "BIGINT":
                return Whole<long>();
            case "UTINYINT":
                return Whole<byte>();
            case "USMALLINT":
                return Whole<ushort>();
            case "UINTEGER":
                return Whole<uint>();
            case "UBIGINT":
                return Whole<ulong>();
            case "HUGEINT":
                return v => Integer(v, -(BigInteger.One << 127), (BigInteger.One << 127) - 1) is { } w ? (object)w : null;
            case "DOUBLE":
                return v => v switch
                {
                    double => v,
                    float f => (double)f,
                    // Parsing the decimal's text rounds correctly, as DuckDB's own cast does.
                    decimal d => double.Parse(d.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                    _ => Integer(v, long.MinValue, long.MaxValue) is { } w ? (double)w : null,
                };
            case "FLOAT":
                return v => v as float?;
            case "VARCHAR" or "JSON":
                return v => v as string;
            case "UUID":
                return v => v as Guid?;
            case "DATE":
                return v => v as DateOnly?;
            case "TIME":
                return v => v as TimeOnly?;
            case "TIMESTAMP":
                return v => v as DateTime?;
            case "TIMESTAMP WITH TIME ZONE":
                return v => v is DateTimeOffset or DateTime ? v : null;
            case "BLOB":
                return v => v as byte[];
            case var type when type.StartsWith("ENUM(", StringComparison.Ordinal):
                return v => v as string;
            case var type when type.StartsWith("DECIMAL(", StringComparison.Ordinal):
                return DecimalConverter(type);
            default:
                return _ => null;
        }
    }

    /// <summary>The value as text that DuckDB casts to the column's type exactly as it casts a literal, or false when there is no such text.</summary>
    public static bool TryText(object value, out string text)
    {
        text = value switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            decimal or sbyte or byte or short or ushort or int or uint or long or ulong or BigInteger => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Guid g => g.ToString("D"),
            _ => null!,
        };
        return text is not null;
    }

    /// <summary>Appends a converted value of one CLR type, through the appender's overload for that type.</summary>
    public static Action<IDuckDBAppenderRow, object> WriterFor(Type type) =>
        Writers.TryGetValue(type, out var write) ? write : throw new InvalidOperationException($"A {type.Name} cannot be appended.");

    private static readonly Dictionary<Type, Action<IDuckDBAppenderRow, object>> Writers = new()
    {
        [typeof(string)] = (row, v) => row.AppendValue((string)v),
        [typeof(bool)] = (row, v) => row.AppendValue((bool)v),
        [typeof(sbyte)] = (row, v) => row.AppendValue((sbyte)v),
        [typeof(short)] = (row, v) => row.AppendValue((short)v),
        [typeof(int)] = (row, v) => row.AppendValue((int)v),
        [typeof(long)] = (row, v) => row.AppendValue((long)v),
        [typeof(byte)] = (row, v) => row.AppendValue((byte)v),
        [typeof(ushort)] = (row, v) => row.AppendValue((ushort)v),
        [typeof(uint)] = (row, v) => row.AppendValue((uint)v),
        [typeof(ulong)] = (row, v) => row.AppendValue((ulong)v),
        [typeof(BigInteger)] = (row, v) => row.AppendValue((BigInteger)v),
        [typeof(float)] = (row, v) => row.AppendValue((float)v),
        [typeof(double)] = (row, v) => row.AppendValue((double)v),
        [typeof(decimal)] = (row, v) => row.AppendValue((decimal)v),
        [typeof(Guid)] = (row, v) => row.AppendValue((Guid)v),
        [typeof(DateOnly)] = (row, v) => row.AppendValue((DateOnly)v),
        [typeof(TimeOnly)] = (row, v) => row.AppendValue((TimeOnly)v),
        [typeof(DateTime)] = (row, v) => row.AppendValue((DateTime)v),
        [typeof(DateTimeOffset)] = (row, v) => row.AppendValue((DateTimeOffset)v),
        [typeof(byte[])] = (row, v) => row.AppendValue((byte[])v),
    };

    /// <summary>Integers of any CLR integer type, as <typeparamref name="T"/> when they fit it.</summary>
    private static Func<object, object?> Whole<T>()
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        var (min, max) = (BigInteger.CreateTruncating(T.MinValue), BigInteger.CreateTruncating(T.MaxValue));
        return v => v is T ? v : Integer(v, min, max) is { } w ? T.CreateTruncating(w) : null;
    }

    /// <summary>An integer of any CLR integer type, when it lies within the column's range.</summary>
    private static BigInteger? Integer(object value, BigInteger min, BigInteger max)
    {
        BigInteger? whole = value switch
        {
            sbyte v => v,
            byte v => v,
            short v => v,
            ushort v => v,
            int v => v,
            uint v => v,
            long v => v,
            ulong v => v,
            BigInteger v => v,
            _ => null,
        };
        return whole is { } w && w >= min && w <= max ? w : null;
    }

    /// <summary>A DECIMAL(p,s) value goes directly only when it needs no rounding and fits the precision.</summary>
    private static Func<object, object?> DecimalConverter(string type)
    {
        var arguments = type["DECIMAL(".Length..^1].Split(',');
        var precision = int.Parse(arguments[0], CultureInfo.InvariantCulture);
        var scale = int.Parse(arguments[1], CultureInfo.InvariantCulture);
        if (precision - scale > 28)
        {
            return _ => null;
        }

        var limit = 1m;
        for (var i = 0; i < precision - scale; i++)
        {
            limit *= 10;
        }

        bool Fits(decimal n) => n.Scale <= scale && Math.Abs(decimal.Truncate(n)) < limit;
        return v => v switch
        {
            decimal d => Fits(d) ? v : null,
            _ => Integer(v, -(BigInteger)limit, (BigInteger)limit) is { } w && Fits((decimal)w) ? (decimal)w : null,
        };
    }
}
