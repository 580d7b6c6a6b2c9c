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
    /// <summary>The value as the column's own CLR type, or false when DuckDB should convert it instead.</summary>
    public static bool TryDirect(string dataType, object value, out object converted)
    {
        converted = value;
        switch (dataType)
        {
            case "BOOLEAN":
                return value is bool;
            case "TINYINT":
                return TryInteger(value, sbyte.MinValue, sbyte.MaxValue, v => (sbyte)v, out converted);
            case "SMALLINT":
                return TryInteger(value, short.MinValue, short.MaxValue, v => (short)v, out converted);
            case "INTEGER":
                return TryInteger(value, int.MinValue, int.MaxValue, v => (int)v, out converted);
            case "BIGINT":
                return TryInteger(value, long.MinValue, long.MaxValue, v => (long)v, out converted);
            case "UTINYINT":
                return TryInteger(value, byte.MinValue, byte.MaxValue, v => (byte)v, out converted);
            case "USMALLINT":
                return TryInteger(value, ushort.MinValue, ushort.MaxValue, v => (ushort)v, out converted);
            case "UINTEGER":
                return TryInteger(value, uint.MinValue, uint.MaxValue, v => (uint)v, out converted);
            case "UBIGINT":
                return TryInteger(value, ulong.MinValue, ulong.MaxValue, v => (ulong)v, out converted);
            case "HUGEINT":
                return TryInteger(value, (BigInteger.One << 127) * -1, (BigInteger.One << 127) - 1, v => v, out converted);
            case "DOUBLE" when value is double or float || Integer(value) is not null:
                converted = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return true;
            case "DOUBLE" when value is decimal d:
                // Parsing the decimal's text rounds correctly, as DuckDB's own cast does.
                converted = double.Parse(d.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                return true;
            case "FLOAT" when value is float:
                return true;
            case "VARCHAR" or "JSON":
                return value is string;
            case "UUID":
                return value is Guid;
            case "DATE":
                return value is DateOnly;
            case "TIME":
                return value is TimeOnly;
            case "TIMESTAMP":
                return value is DateTime;
            case "TIMESTAMP WITH TIME ZONE":
                return value is DateTimeOffset;
            case "BLOB":
                return value is byte[];
            case var type when type.StartsWith("ENUM(", StringComparison.Ordinal):
                return value is string;
            case var type when type.StartsWith("DECIMAL(", StringComparison.Ordinal):
                return TryDecimal(type, value, out converted);
            default:
                return false;
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

    /// <summary>Appends one converted value (or NULL) to the row.</summary>
    public static void Append(IDuckDBAppenderRow row, object? value) => _ = value switch
    {
        null => row.AppendNullValue(),
        string v => row.AppendValue(v),
        bool v => row.AppendValue(v),
        sbyte v => row.AppendValue(v),
        short v => row.AppendValue(v),
        int v => row.AppendValue(v),
        long v => row.AppendValue(v),
        byte v => row.AppendValue(v),
        ushort v => row.AppendValue(v),
        uint v => row.AppendValue(v),
        ulong v => row.AppendValue(v),
        BigInteger v => row.AppendValue(v),
        float v => row.AppendValue(v),
        double v => row.AppendValue(v),
        decimal v => row.AppendValue(v),
        Guid v => row.AppendValue(v),
        DateOnly v => row.AppendValue(v),
        TimeOnly v => row.AppendValue(v),
        DateTime v => row.AppendValue(v),
        DateTimeOffset v => row.AppendValue(v),
        byte[] v => row.AppendValue(v),
        _ => throw new InvalidOperationException($"A {value.GetType().Name} cannot be appended."),
    };

    private static BigInteger? Integer(object value) => value switch
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

    private static bool TryInteger(object value, BigInteger min, BigInteger max, Func<BigInteger, object> convert, out object converted)
    {
        converted = value;
        if (Integer(value) is not { } whole || whole < min || whole > max)
        {
            return false;
        }

        converted = convert(whole);
        return true;
    }

    /// <summary>A DECIMAL(p,s) value goes directly only when it needs no rounding and fits the precision.</summary>
    private static bool TryDecimal(string type, object value, out object converted)
    {
        converted = value;
        var arguments = type["DECIMAL(".Length..^1].Split(',');
        var precision = int.Parse(arguments[0], CultureInfo.InvariantCulture);
        var scale = int.Parse(arguments[1], CultureInfo.InvariantCulture);
        decimal number;
        if (value is decimal d)
        {
            number = d;
        }
        else if (Integer(value) is { } whole && BigInteger.Abs(whole) < new BigInteger(decimal.MaxValue))
        {
            number = (decimal)whole;
        }
        else
        {
            return false;
        }

        if (number.Scale > scale || precision - scale > 28 || Math.Abs(decimal.Truncate(number)) >= Pow10(precision - scale))
        {
            return false;
        }

        converted = number;
        return true;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}
