using System.Globalization;
using System.Text;

namespace Migrations.DuckDb.Client;

/// <summary>Binds .NET values to a prepared statement's parameters with DuckDB's typed bind functions.</summary>
internal static class ParameterBinder
{
    public static unsafe void Bind(IntPtr statement, ulong index, object? value)
    {
        var state = value switch
        {
            null or DBNull => NativeMethods.duckdb_bind_null(statement, index),
            bool v => NativeMethods.duckdb_bind_boolean(statement, index, v),
            sbyte v => NativeMethods.duckdb_bind_int8(statement, index, v),
            short v => NativeMethods.duckdb_bind_int16(statement, index, v),
            int v => NativeMethods.duckdb_bind_int32(statement, index, v),
            long v => NativeMethods.duckdb_bind_int64(statement, index, v),
            byte v => NativeMethods.duckdb_bind_uint8(statement, index, v),
            ushort v => NativeMethods.duckdb_bind_uint16(statement, index, v),
            uint v => NativeMethods.duckdb_bind_uint32(statement, index, v),
            ulong v => NativeMethods.duckdb_bind_uint64(statement, index, v),
            float v => NativeMethods.duckdb_bind_float(statement, index, v),
            double v => NativeMethods.duckdb_bind_double(statement, index, v),
            decimal v => NativeMethods.duckdb_bind_decimal(statement, index, ToNative(v)),
            DateOnly v => NativeMethods.duckdb_bind_date(statement, index, DuckDbTime.ToDays(v)),
            TimeOnly v => NativeMethods.duckdb_bind_time(statement, index, DuckDbTime.ToMicros(v)),
            DateTime { Kind: DateTimeKind.Utc } v => NativeMethods.duckdb_bind_timestamp_tz(statement, index, DuckDbTime.ToMicros(v)),
            DateTime v => NativeMethods.duckdb_bind_timestamp(statement, index, DuckDbTime.ToMicros(v)),
            DateTimeOffset v => NativeMethods.duckdb_bind_timestamp_tz(statement, index, DuckDbTime.ToMicros(v.UtcDateTime)),
            byte[] v => BindBlob(statement, index, v),
            string v => BindText(statement, index, v),
            Guid v => BindText(statement, index, v.ToString()),
            Enum v => NativeMethods.duckdb_bind_int64(statement, index, Convert.ToInt64(v, CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"DuckDB parameters cannot take a {value.GetType().Name}: pass a string, number, bool, date/time, Guid or byte[]."),
        };
        if (state != DuckDbState.Success)
        {
            throw new DuckDbException($"Could not bind parameter {index} ({value?.GetType().Name ?? "null"}) to the statement.");
        }
    }

    internal static DuckDbDecimal ToNative(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (byte)((bits[3] >> 16) & 0xFF);
        var negative = bits[3] < 0;
        var magnitude = new Int128((ulong)(uint)bits[2], ((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
        var signed = negative ? -magnitude : magnitude;
        return new DuckDbDecimal { Width = 38, Scale = scale, Lower = (ulong)signed, Upper = (long)(signed >> 64) };
    }

    private static unsafe DuckDbState BindText(IntPtr statement, ulong index, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        fixed (byte* pointer = bytes)
        {
            return NativeMethods.duckdb_bind_varchar_length(statement, index, pointer, (ulong)bytes.Length);
        }
    }

    private static unsafe DuckDbState BindBlob(IntPtr statement, ulong index, byte[] value)
    {
        fixed (byte* pointer = value)
        {
            return NativeMethods.duckdb_bind_blob(statement, index, pointer, (ulong)value.Length);
        }
    }
}
