using System.Runtime.InteropServices;

namespace Migrations.DuckDb.Client;

/// <summary>DuckDB's C API, as declared in duckdb.h of DuckDB 1.5.</summary>
#pragma warning disable CA2101 // Strings are marshalled as UTF-8 (LPUTF8Str), which the analyzer does not recognise.
internal static class NativeMethods
{
    private const string Library = "duckdb";

    static NativeMethods() => NativeLibraryResolver.Register(typeof(NativeMethods).Assembly, Library);

    [DllImport(Library)] public static extern IntPtr duckdb_library_version();
    [DllImport(Library)] public static extern DuckDbState duckdb_open_ext([MarshalAs(UnmanagedType.LPUTF8Str)] string? path, out IntPtr database, IntPtr config, out IntPtr error);
    [DllImport(Library)] public static extern void duckdb_close(ref IntPtr database);
    [DllImport(Library)] public static extern DuckDbState duckdb_connect(IntPtr database, out IntPtr connection);
    [DllImport(Library)] public static extern void duckdb_disconnect(ref IntPtr connection);
    [DllImport(Library)] public static extern void duckdb_interrupt(IntPtr connection);
    [DllImport(Library)] public static extern void duckdb_free(IntPtr pointer);

    [DllImport(Library)] public static extern DuckDbState duckdb_query(IntPtr connection, [MarshalAs(UnmanagedType.LPUTF8Str)] string sql, out DuckDbResult result);
    [DllImport(Library)] public static extern void duckdb_destroy_result(ref DuckDbResult result);
    [DllImport(Library)] public static extern IntPtr duckdb_result_error(ref DuckDbResult result);
    [DllImport(Library)] public static extern int duckdb_result_error_type(ref DuckDbResult result);
    [DllImport(Library)] public static extern ulong duckdb_column_count(ref DuckDbResult result);
    [DllImport(Library)] public static extern IntPtr duckdb_column_name(ref DuckDbResult result, ulong column);
    [DllImport(Library)] public static extern IntPtr duckdb_column_logical_type(ref DuckDbResult result, ulong column);
    [DllImport(Library)] public static extern ulong duckdb_rows_changed(ref DuckDbResult result);
    [DllImport(Library)] public static extern IntPtr duckdb_fetch_chunk(DuckDbResult result);

    [DllImport(Library)] public static extern ulong duckdb_data_chunk_get_size(IntPtr chunk);
    [DllImport(Library)] public static extern IntPtr duckdb_data_chunk_get_vector(IntPtr chunk, ulong column);
    [DllImport(Library)] public static extern void duckdb_destroy_data_chunk(ref IntPtr chunk);
    [DllImport(Library)] public static extern IntPtr duckdb_vector_get_data(IntPtr vector);
    [DllImport(Library)] public static extern IntPtr duckdb_vector_get_validity(IntPtr vector);
    [DllImport(Library)] public static extern IntPtr duckdb_list_vector_get_child(IntPtr vector);

    [DllImport(Library)] public static extern DuckDbType duckdb_get_type_id(IntPtr logicalType);
    [DllImport(Library)] public static extern void duckdb_destroy_logical_type(ref IntPtr logicalType);
    [DllImport(Library)] public static extern byte duckdb_decimal_scale(IntPtr logicalType);
    [DllImport(Library)] public static extern DuckDbType duckdb_decimal_internal_type(IntPtr logicalType);
    [DllImport(Library)] public static extern DuckDbType duckdb_enum_internal_type(IntPtr logicalType);
    [DllImport(Library)] public static extern uint duckdb_enum_dictionary_size(IntPtr logicalType);
    [DllImport(Library)] public static extern IntPtr duckdb_enum_dictionary_value(IntPtr logicalType, ulong index);
    [DllImport(Library)] public static extern IntPtr duckdb_list_type_child_type(IntPtr logicalType);

    [DllImport(Library)] public static extern DuckDbState duckdb_prepare(IntPtr connection, [MarshalAs(UnmanagedType.LPUTF8Str)] string sql, out IntPtr statement);
    [DllImport(Library)] public static extern IntPtr duckdb_prepare_error(IntPtr statement);
    [DllImport(Library)] public static extern void duckdb_destroy_prepare(ref IntPtr statement);
    [DllImport(Library)] public static extern ulong duckdb_nparams(IntPtr statement);
    [DllImport(Library)] public static extern DuckDbState duckdb_bind_parameter_index(IntPtr statement, out ulong index, [MarshalAs(UnmanagedType.LPUTF8Str)] string name);
    [DllImport(Library)] public static extern DuckDbState duckdb_execute_prepared(IntPtr statement, out DuckDbResult result);
    [DllImport(Library)] public static extern DuckDbState duckdb_bind_boolean(IntPtr statement, ulong index, [MarshalAs(UnmanagedType.I1)] bool value);
    [DllImport(Library)] public static extern DuckDbState duckdb_bind_int8(IntPtr statement, ulong index, sbyte value);
    [DllImport(Library)] public static extern DuckDbState duckdb_bind_int16(IntPtr statement, ulong index, short value);
    [DllImport(Library)] public static extern DuckDbState duckdb_bind_int32(IntPtr statement, ulong index, int value);
    [DllImport(Library)] public static extern DuckDbState duckdb_bind_int64(IntPtr statement, ulong index, long value);
    [DllImport(Library)] public static extern DuckDbState duckdb_bind_uint8(IntPtr statement, ulong index, byte value);
    [DllImport(Library)] public static extern DuckDbState duckdb_bind_uint16(IntPtr statement, ulong index, ushort value);
    [DllImport(Library)] public static extern DuckDbState duckdb_bind_uint32(IntPtr statement, ulong index, uint value);
    [DllImport(Library)] public static extern DuckDbState duckdb_bind_uint64(IntPtr statement, ulong index, ulong value);
    [DllImport(Library)] public static extern DuckDbState duckdb_bind_float(IntPtr statement, ulong index, float value);
    [DllImport(Library)] public static extern DuckDbState duckdb_bind_double(IntPtr statement, ulong index, double value);
    [DllImport(Library)] public static extern DuckDbState duckdb_bind_decimal(IntPtr statement, ulong index, DuckDbDecimal value);
    [DllImport(Library)] public static extern DuckDbState duckdb_bind_date(IntPtr statement, ulong index, int days);
    [DllImport(Library)] public static extern DuckDbState duckdb_bind_time(IntPtr statement, ulong index, long micros);
    [DllImport(Library)] public static extern DuckDbState duckdb_bind_timestamp(IntPtr statement, ulong index, long micros);
    [DllImport(Library)] public static extern DuckDbState duckdb_bind_timestamp_tz(IntPtr statement, ulong index, long micros);
    [DllImport(Library)] public static extern unsafe DuckDbState duckdb_bind_varchar_length(IntPtr statement, ulong index, byte* value, ulong length);
    [DllImport(Library)] public static extern unsafe DuckDbState duckdb_bind_blob(IntPtr statement, ulong index, byte* value, ulong length);
    [DllImport(Library)] public static extern DuckDbState duckdb_bind_null(IntPtr statement, ulong index);

    [DllImport(Library)] public static extern DuckDbState duckdb_appender_create(IntPtr connection, [MarshalAs(UnmanagedType.LPUTF8Str)] string? schema, [MarshalAs(UnmanagedType.LPUTF8Str)] string table, out IntPtr appender);
    [DllImport(Library)] public static extern IntPtr duckdb_appender_error(IntPtr appender);
    [DllImport(Library)] public static extern DuckDbState duckdb_appender_flush(IntPtr appender);
    [DllImport(Library)] public static extern DuckDbState duckdb_appender_destroy(ref IntPtr appender);
    [DllImport(Library)] public static extern DuckDbState duckdb_appender_end_row(IntPtr appender);
    [DllImport(Library)] public static extern DuckDbState duckdb_append_bool(IntPtr appender, [MarshalAs(UnmanagedType.I1)] bool value);
    [DllImport(Library)] public static extern DuckDbState duckdb_append_int16(IntPtr appender, short value);
    [DllImport(Library)] public static extern DuckDbState duckdb_append_int32(IntPtr appender, int value);
    [DllImport(Library)] public static extern DuckDbState duckdb_append_int64(IntPtr appender, long value);
    [DllImport(Library)] public static extern DuckDbState duckdb_append_float(IntPtr appender, float value);
    [DllImport(Library)] public static extern DuckDbState duckdb_append_double(IntPtr appender, double value);
    [DllImport(Library)] public static extern DuckDbState duckdb_append_date(IntPtr appender, int days);
    [DllImport(Library)] public static extern DuckDbState duckdb_append_time(IntPtr appender, long micros);
    [DllImport(Library)] public static extern DuckDbState duckdb_append_timestamp(IntPtr appender, long micros);
    [DllImport(Library)] public static extern unsafe DuckDbState duckdb_append_varchar_length(IntPtr appender, byte* value, ulong length);
    [DllImport(Library)] public static extern unsafe DuckDbState duckdb_append_blob(IntPtr appender, byte* value, ulong length);
    [DllImport(Library)] public static extern DuckDbState duckdb_append_null(IntPtr appender);

    /// <summary>Reads a NUL-terminated UTF-8 string owned by DuckDB.</summary>
    public static string Utf8(IntPtr text) => Marshal.PtrToStringUTF8(text) ?? string.Empty;
}
#pragma warning restore CA2101

/// <summary>duckdb_state.</summary>
internal enum DuckDbState
{
    Success = 0,
    Error = 1,
}

/// <summary>duckdb_result: read only through the API functions.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbResult
{
    private readonly ulong _deprecatedColumnCount;
    private readonly ulong _deprecatedRowCount;
    private readonly ulong _deprecatedRowsChanged;
    private readonly IntPtr _deprecatedColumns;
    private readonly IntPtr _deprecatedErrorMessage;
    private readonly IntPtr _internalData;
}

/// <summary>duckdb_decimal: width, scale and the unscaled value as a 128-bit integer.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbDecimal
{
    public byte Width;
    public byte Scale;
    public ulong Lower;
    public long Upper;
}
