namespace Migrations.DuckDb.Client;

/// <summary>
/// One native database instance per file per process, shared by every connection to that file:
/// two instances on one file would not see each other's writes. The instance closes when its
/// last connection closes, which releases the file for other processes.
/// </summary>
internal sealed class DuckDbDatabase
{
    private static readonly Dictionary<string, DuckDbDatabase> Open = new(StringComparer.Ordinal);
    private static readonly object Gate = new();

    private readonly string? _key;
    private IntPtr _handle;
    private int _users;

    private DuckDbDatabase(string? key, IntPtr handle)
    {
        _key = key;
        _handle = handle;
    }

    public IntPtr Handle => _handle;

    /// <summary>Gets or opens the instance for a data source and counts one more user.</summary>
    /// <param name="dataSource">A file path, <c>:memory:</c> (private) or <c>:memory:name</c> (shared by name in this process).</param>
    public static DuckDbDatabase Acquire(string dataSource)
    {
        var key = KeyOf(dataSource);
        lock (Gate)
        {
            if (key is not null && Open.TryGetValue(key, out var shared))
            {
                shared._users++;
                return shared;
            }

            var path = key is null || key.StartsWith(":memory:", StringComparison.Ordinal) ? null : key;
            if (NativeMethods.duckdb_open_ext(path, out var handle, IntPtr.Zero, out var error) != DuckDbState.Success)
            {
                var message = NativeMethods.Utf8(error);
                NativeMethods.duckdb_free(error);
                throw new DuckDbException($"Could not open DuckDB database '{dataSource}': {message}");
            }

            var database = new DuckDbDatabase(key, handle) { _users = 1 };
            if (key is not null)
            {
                Open[key] = database;
            }

            return database;
        }
    }

    /// <summary>Counts one user less; the last one closes the instance.</summary>
    public void Release()
    {
        lock (Gate)
        {
            if (--_users > 0)
            {
                return;
            }

            if (_key is not null)
            {
                Open.Remove(_key);
            }

            NativeMethods.duckdb_close(ref _handle);
        }
    }

    private static string? KeyOf(string dataSource) => dataSource switch
    {
        "" or ":memory:" => null,
        _ when dataSource.StartsWith(":memory:", StringComparison.Ordinal) => dataSource,
        _ => Path.GetFullPath(dataSource),
    };
}
