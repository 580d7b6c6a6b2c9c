using System.Globalization;
using System.Text;

namespace Migrations.DuckDb.Client;

/// <summary>
/// Bulk-inserts rows into one table through DuckDB's appender: values go straight into storage
/// without SQL parsing. Rows become visible on <see cref="Flush"/> or <see cref="Dispose"/>.
/// </summary>
public sealed class DuckDbAppender : IDisposable
{
    private IntPtr _appender;

    internal DuckDbAppender(DuckDbConnection connection, string? schema, string table)
    {
        if (NativeMethods.duckdb_appender_create(connection.Native, schema, table, out _appender) != DuckDbState.Success)
        {
            var message = NativeMethods.Utf8(NativeMethods.duckdb_appender_error(_appender));
            NativeMethods.duckdb_appender_destroy(ref _appender);
            throw new DuckDbException($"Could not create an appender for {schema ?? "main"}.{table}: {message}");
        }
    }

    /// <summary>Appends one row; values in column order, converted by type (decimal and Guid as text that DuckDB casts).</summary>
    /// <param name="values">One value per column of the table.</param>
    public void AppendRow(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            Check(Append(value));
        }

        Check(NativeMethods.duckdb_appender_end_row(_appender));
    }

    /// <summary>Writes the appended rows to the table.</summary>
    public void Flush() => Check(NativeMethods.duckdb_appender_flush(_appender));

    /// <summary>Flushes and releases the appender.</summary>
    public void Dispose()
    {
        if (_appender == IntPtr.Zero)
        {
            return;
        }

        // destroy flushes and closes; its error is reported after the native object is gone.
        var flushed = NativeMethods.duckdb_appender_flush(_appender);
        var message = flushed == DuckDbState.Success ? null : NativeMethods.Utf8(NativeMethods.duckdb_appender_error(_appender));
        NativeMethods.duckdb_appender_destroy(ref _appender);
        if (message is not null)
        {
            throw new DuckDbException(message);
        }
    }

    private unsafe DuckDbState Append(object? value) => value switch
    {
        null or DBNull => NativeMethods.duckdb_append_null(_appender),
        bool v => NativeMethods.duckdb_append_bool(_appender, v),
        short v => NativeMethods.duckdb_append_int16(_appender, v),
        int v => NativeMethods.duckdb_append_int32(_appender, v),
        long v => NativeMethods.duckdb_append_int64(_appender, v),
        float v => NativeMethods.duckdb_append_float(_appender, v),
        double v => NativeMethods.duckdb_append_double(_appender, v),
        DateOnly v => NativeMethods.duckdb_append_date(_appender, DuckDbTime.ToDays(v)),
        TimeOnly v => NativeMethods.duckdb_append_time(_appender, DuckDbTime.ToMicros(v)),
        DateTime v => NativeMethods.duckdb_append_timestamp(_appender, DuckDbTime.ToMicros(v)),
        byte[] v => AppendBlob(v),
        string v => AppendText(v),
        decimal v => AppendText(v.ToString(CultureInfo.InvariantCulture)),
        Guid v => AppendText(v.ToString()),
        _ => throw new NotSupportedException($"The appender cannot take a {value.GetType().Name}: pass a string, number, bool, date/time, Guid or byte[]."),
    };

    private unsafe DuckDbState AppendText(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        fixed (byte* pointer = bytes)
        {
            return NativeMethods.duckdb_append_varchar_length(_appender, pointer, (ulong)bytes.Length);
        }
    }

    private unsafe DuckDbState AppendBlob(byte[] value)
    {
        fixed (byte* pointer = value)
        {
            return NativeMethods.duckdb_append_blob(_appender, pointer, (ulong)value.Length);
        }
    }

    private void Check(DuckDbState state)
    {
        if (state != DuckDbState.Success)
        {
            throw new DuckDbException(NativeMethods.Utf8(NativeMethods.duckdb_appender_error(_appender)));
        }
    }
}
