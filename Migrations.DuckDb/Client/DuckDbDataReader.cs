using System.Collections;
using System.Data.Common;
using System.Globalization;

namespace Migrations.DuckDb.Client;

/// <summary>Reads a DuckDB result chunk by chunk, forward only.</summary>
#pragma warning disable CA1010 // ADO.NET base classes define the non-generic collection shape.
public sealed class DuckDbDataReader : DbDataReader
{
    private readonly VectorReader[] _columns;
    private readonly string[] _names;
    private readonly int _recordsAffected;
    private readonly IntPtr[] _vectors;
    private readonly IntPtr[] _data;
    private readonly IntPtr[] _validity;
    private DuckDbResult _result;
    private IntPtr _chunk;
    private ulong _chunkSize;
    private ulong _row;
    private bool _closed;

    internal DuckDbDataReader(DuckDbResult result)
    {
        _result = result;
        var count = (int)NativeMethods.duckdb_column_count(ref _result);
        _columns = new VectorReader[count];
        _names = new string[count];
        _vectors = new IntPtr[count];
        _data = new IntPtr[count];
        _validity = new IntPtr[count];
        for (var i = 0; i < count; i++)
        {
            _names[i] = NativeMethods.Utf8(NativeMethods.duckdb_column_name(ref _result, (ulong)i));
            var type = NativeMethods.duckdb_column_logical_type(ref _result, (ulong)i);
            _columns[i] = new VectorReader(type);
            NativeMethods.duckdb_destroy_logical_type(ref type);
        }

        _recordsAffected = (int)NativeMethods.duckdb_rows_changed(ref _result);
    }

    /// <inheritdoc />
    public override int FieldCount => _columns.Length;

    /// <inheritdoc />
    public override int RecordsAffected => _recordsAffected;

    /// <inheritdoc />
    public override bool HasRows => true;

    /// <inheritdoc />
    public override bool IsClosed => _closed;

    /// <inheritdoc />
    public override int Depth => 0;

    /// <inheritdoc />
    public override object this[int ordinal] => GetValue(ordinal);

    /// <inheritdoc />
    public override object this[string name] => GetValue(GetOrdinal(name));

    /// <inheritdoc />
    public override bool Read()
    {
        if (_closed)
        {
            return false;
        }

        if (_chunk != IntPtr.Zero && ++_row < _chunkSize)
        {
            return true;
        }

        while (true)
        {
            if (_chunk != IntPtr.Zero)
            {
                NativeMethods.duckdb_destroy_data_chunk(ref _chunk);
            }

            _chunk = NativeMethods.duckdb_fetch_chunk(_result);
            if (_chunk == IntPtr.Zero)
            {
                return false;
            }

            _chunkSize = NativeMethods.duckdb_data_chunk_get_size(_chunk);
            _row = 0;
            for (var i = 0; i < _columns.Length; i++)
            {
                _vectors[i] = NativeMethods.duckdb_data_chunk_get_vector(_chunk, (ulong)i);
                _data[i] = NativeMethods.duckdb_vector_get_data(_vectors[i]);
                _validity[i] = NativeMethods.duckdb_vector_get_validity(_vectors[i]);
            }

            if (_chunkSize > 0)
            {
                return true;
            }
        }
    }

    /// <inheritdoc />
    public override bool NextResult() => false;

    /// <inheritdoc />
    public override object GetValue(int ordinal) => Current(ordinal) ?? DBNull.Value;

    /// <inheritdoc />
    public override bool IsDBNull(int ordinal) => Current(ordinal) is null;

    /// <inheritdoc />
    public override int GetValues(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var count = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

    /// <inheritdoc />
    public override T GetFieldValue<T>(int ordinal)
    {
        var value = Current(ordinal);
        return value switch
        {
            T typed => typed,
            null when default(T) is null => default!,
            null => throw new InvalidCastException($"Column {_names[ordinal]} is NULL; read it as a nullable type."),
            DateTime d when typeof(T) == typeof(DateTimeOffset) =>
                (T)(object)new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d),
            DateOnly d when typeof(T) == typeof(DateTime) => (T)(object)d.ToDateTime(TimeOnly.MinValue),
            _ => (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture),
        };
    }

    /// <inheritdoc />
    public override bool GetBoolean(int ordinal) => GetFieldValue<bool>(ordinal);

    /// <inheritdoc />
    public override byte GetByte(int ordinal) => GetFieldValue<byte>(ordinal);

    /// <inheritdoc />
    public override char GetChar(int ordinal) => GetString(ordinal)[0];

    /// <inheritdoc />
    public override DateTime GetDateTime(int ordinal) => GetFieldValue<DateTime>(ordinal);

    /// <inheritdoc />
    public override decimal GetDecimal(int ordinal) => GetFieldValue<decimal>(ordinal);

    /// <inheritdoc />
    public override double GetDouble(int ordinal) => GetFieldValue<double>(ordinal);

    /// <inheritdoc />
    public override float GetFloat(int ordinal) => GetFieldValue<float>(ordinal);

    /// <inheritdoc />
    public override Guid GetGuid(int ordinal) => GetFieldValue<Guid>(ordinal);

    /// <inheritdoc />
    public override short GetInt16(int ordinal) => GetFieldValue<short>(ordinal);

    /// <inheritdoc />
    public override int GetInt32(int ordinal) => GetFieldValue<int>(ordinal);

    /// <inheritdoc />
    public override long GetInt64(int ordinal) => GetFieldValue<long>(ordinal);

    /// <inheritdoc />
    public override string GetString(int ordinal) => GetFieldValue<string>(ordinal);

    /// <inheritdoc />
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
        CopyOut(GetFieldValue<byte[]>(ordinal), dataOffset, buffer, bufferOffset, length);

    /// <inheritdoc />
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) =>
        CopyOut(GetString(ordinal).ToCharArray(), dataOffset, buffer, bufferOffset, length);

    /// <inheritdoc />
    public override string GetDataTypeName(int ordinal) => _columns[ordinal].TypeName;

    /// <inheritdoc />
    public override Type GetFieldType(int ordinal) => _columns[ordinal].FieldType;

    /// <inheritdoc />
    public override string GetName(int ordinal) => _names[ordinal];

    /// <inheritdoc />
    public override int GetOrdinal(string name)
    {
        var index = Array.FindIndex(_names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
#pragma warning disable CA2201 // The ADO.NET contract for GetOrdinal names this exception.
        return index >= 0 ? index : throw new IndexOutOfRangeException($"The result has no column named '{name}'.");
#pragma warning restore CA2201
    }

    /// <inheritdoc />
    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    /// <inheritdoc />
    public override void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        if (_chunk != IntPtr.Zero)
        {
            NativeMethods.duckdb_destroy_data_chunk(ref _chunk);
        }

        NativeMethods.duckdb_destroy_result(ref _result);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        Close();
        base.Dispose(disposing);
    }

    private object? Current(int ordinal)
    {
        if (_chunk == IntPtr.Zero)
        {
            throw new InvalidOperationException("No current row: call Read() first and check that it returned true.");
        }

        return _columns[ordinal].Read(_vectors[ordinal], _data[ordinal], _validity[ordinal], _row);
    }

    private static long CopyOut<T>(T[] source, long dataOffset, T[]? buffer, int bufferOffset, int length)
    {
        if (buffer is null)
        {
            return source.Length;
        }

        var count = (int)Math.Max(0, Math.Min(length, source.Length - dataOffset));
        Array.Copy(source, dataOffset, buffer, bufferOffset, count);
        return count;
    }
}
#pragma warning restore CA1010
