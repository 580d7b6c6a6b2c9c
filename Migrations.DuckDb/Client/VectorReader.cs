using System.Runtime.InteropServices;
using System.Text;

namespace Migrations.DuckDb.Client;

/// <summary>Reads values of one logical type out of DuckDB vectors (a column of a result chunk).</summary>
internal sealed class VectorReader
{
    private readonly DuckDbType _type;
    private readonly DuckDbType _storage;
    private readonly decimal _divisor = 1;
    private readonly string[]? _enumLabels;
    private readonly VectorReader? _child;

    /// <summary>Describes the type; the logical type stays owned by the caller.</summary>
    public VectorReader(IntPtr logicalType)
    {
        _type = NativeMethods.duckdb_get_type_id(logicalType);
        _storage = _type;
        switch (_type)
        {
            case DuckDbType.Decimal:
                _storage = NativeMethods.duckdb_decimal_internal_type(logicalType);
                _divisor = Pow10(NativeMethods.duckdb_decimal_scale(logicalType));
                break;
            case DuckDbType.Enum:
                _storage = NativeMethods.duckdb_enum_internal_type(logicalType);
                _enumLabels = new string[NativeMethods.duckdb_enum_dictionary_size(logicalType)];
                for (var i = 0; i < _enumLabels.Length; i++)
                {
                    var label = NativeMethods.duckdb_enum_dictionary_value(logicalType, (ulong)i);
                    _enumLabels[i] = NativeMethods.Utf8(label);
                    NativeMethods.duckdb_free(label);
                }

                break;
            case DuckDbType.List:
                var childType = NativeMethods.duckdb_list_type_child_type(logicalType);
                _child = new VectorReader(childType);
                NativeMethods.duckdb_destroy_logical_type(ref childType);
                break;
        }
    }

    /// <summary>The .NET type values of this column are returned as.</summary>
    public Type FieldType => _type switch
    {
        DuckDbType.Boolean => typeof(bool),
        DuckDbType.TinyInt => typeof(sbyte),
        DuckDbType.SmallInt => typeof(short),
        DuckDbType.Integer => typeof(int),
        DuckDbType.BigInt => typeof(long),
        DuckDbType.UTinyInt => typeof(byte),
        DuckDbType.USmallInt => typeof(ushort),
        DuckDbType.UInteger => typeof(uint),
        DuckDbType.UBigInt => typeof(ulong),
        DuckDbType.Float => typeof(float),
        DuckDbType.Double => typeof(double),
        DuckDbType.HugeInt => typeof(Int128),
        DuckDbType.UHugeInt => typeof(UInt128),
        DuckDbType.Decimal => typeof(decimal),
        DuckDbType.Date => typeof(DateOnly),
        DuckDbType.Time => typeof(TimeOnly),
        DuckDbType.Timestamp or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs or DuckDbType.TimestampTz => typeof(DateTime),
        DuckDbType.Interval => typeof(TimeSpan),
        DuckDbType.Uuid => typeof(Guid),
        DuckDbType.Blob => typeof(byte[]),
        DuckDbType.List => typeof(object[]),
        _ => typeof(string),
    };

    /// <summary>DuckDB's name for the column's type id.</summary>
    public string TypeName => _type.ToString().ToUpperInvariant();

    public static bool IsValid(IntPtr validity, ulong row) =>
        validity == IntPtr.Zero || ((Marshal.ReadInt64(validity, (int)(row / 64) * 8) >> (int)(row % 64)) & 1) == 1;

    /// <summary>The value at <paramref name="row"/> of <paramref name="vector"/>, or null.</summary>
    public unsafe object? Read(IntPtr vector, ulong row) =>
        Read(vector, NativeMethods.duckdb_vector_get_data(vector), NativeMethods.duckdb_vector_get_validity(vector), row);

    /// <summary>The value at <paramref name="row"/>, with the vector's data and validity pointers already looked up.</summary>
    public unsafe object? Read(IntPtr vector, IntPtr vectorData, IntPtr validity, ulong row)
    {
        if (!IsValid(validity, row))
        {
            return null;
        }

        var data = (byte*)vectorData;
        return _type switch
        {
            DuckDbType.Boolean => data[row] != 0,
            DuckDbType.TinyInt => ((sbyte*)data)[row],
            DuckDbType.SmallInt => ((short*)data)[row],
            DuckDbType.Integer => ((int*)data)[row],
            DuckDbType.BigInt => ((long*)data)[row],
            DuckDbType.UTinyInt => data[row],
            DuckDbType.USmallInt => ((ushort*)data)[row],
            DuckDbType.UInteger => ((uint*)data)[row],
            DuckDbType.UBigInt => ((ulong*)data)[row],
            DuckDbType.Float => ((float*)data)[row],
            DuckDbType.Double => ((double*)data)[row],
            DuckDbType.HugeInt => ReadInt128(data, row),
            DuckDbType.UHugeInt => (UInt128)ReadInt128(data, row),
            DuckDbType.Decimal => ReadDecimal(data, row),
            DuckDbType.Date => DuckDbTime.FromDays(((int*)data)[row]),
            DuckDbType.Time => DuckDbTime.TimeFromMicros(((long*)data)[row]),
            DuckDbType.Timestamp => DuckDbTime.FromMicros(((long*)data)[row], DateTimeKind.Unspecified),
            DuckDbType.TimestampS => DuckDbTime.FromMicros(((long*)data)[row] * 1_000_000, DateTimeKind.Unspecified),
            DuckDbType.TimestampMs => DuckDbTime.FromMicros(((long*)data)[row] * 1_000, DateTimeKind.Unspecified),
            DuckDbType.TimestampNs => DuckDbTime.FromMicros(((long*)data)[row] / 1_000, DateTimeKind.Unspecified),
            DuckDbType.TimestampTz => DuckDbTime.FromMicros(((long*)data)[row], DateTimeKind.Utc),
            DuckDbType.Interval => ReadInterval(data, row),
            DuckDbType.Uuid => ReadUuid(data, row),
            DuckDbType.Varchar => Encoding.UTF8.GetString(ReadBytes(data, row)),
            DuckDbType.Blob => ReadBytes(data, row).ToArray(),
            DuckDbType.Enum => _enumLabels![_storage switch
            {
                DuckDbType.UTinyInt => data[row],
                DuckDbType.USmallInt => ((ushort*)data)[row],
                _ => (int)((uint*)data)[row],
            }],
            DuckDbType.List => ReadList(vector, data, row),
            DuckDbType.SqlNull => null,
            _ => throw new NotSupportedException($"Reading DuckDB {TypeName} values is not supported: CAST the column to VARCHAR in the query."),
        };
    }

    private static unsafe Int128 ReadInt128(byte* data, ulong row)
    {
        var lower = ((ulong*)data)[row * 2];
        var upper = ((long*)data)[(row * 2) + 1];
        return new Int128((ulong)upper, lower);
    }

    private unsafe decimal ReadDecimal(byte* data, ulong row)
    {
        var unscaled = _storage switch
        {
            DuckDbType.SmallInt => ((short*)data)[row],
            DuckDbType.Integer => ((int*)data)[row],
            DuckDbType.BigInt => ((long*)data)[row],
            _ => (decimal)ReadInt128(data, row),
        };
        return unscaled / _divisor;
    }

    private static unsafe TimeSpan ReadInterval(byte* data, ulong row)
    {
        var entry = data + (row * 16);
        var months = *(int*)entry;
        var days = *(int*)(entry + 4);
        var micros = *(long*)(entry + 8);
        return months != 0
            ? throw new NotSupportedException("DuckDB intervals with months have no exact TimeSpan: CAST the column to VARCHAR in the query.")
            : TimeSpan.FromDays(days) + TimeSpan.FromTicks(micros * TimeSpan.TicksPerMicrosecond);
    }

    private static unsafe Guid ReadUuid(byte* data, ulong row)
    {
        // DuckDB stores a UUID as a 128-bit integer with the top bit flipped so that it sorts.
        var lower = ((ulong*)data)[row * 2];
        var upper = ((ulong*)data)[(row * 2) + 1] ^ 0x8000_0000_0000_0000UL;
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, upper);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], lower);
        return new Guid(bytes, bigEndian: true);
    }

    private static unsafe ReadOnlySpan<byte> ReadBytes(byte* data, ulong row)
    {
        // duckdb_string_t: a 4-byte length, then up to 12 bytes inline or a 4-byte prefix and a pointer.
        var entry = data + (row * 16);
        var length = *(uint*)entry;
        var start = length <= 12 ? entry + 4 : *(byte**)(entry + 8);
        return new ReadOnlySpan<byte>(start, (int)length);
    }

    private unsafe object?[] ReadList(IntPtr vector, byte* data, ulong row)
    {
        var offset = ((ulong*)data)[row * 2];
        var length = ((ulong*)data)[(row * 2) + 1];
        var child = NativeMethods.duckdb_list_vector_get_child(vector);
        var items = new object?[length];
        for (ulong i = 0; i < length; i++)
        {
            items[i] = _child!.Read(child, offset + i);
        }

        return items;
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
