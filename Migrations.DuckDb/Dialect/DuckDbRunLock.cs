using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Migrations.DuckDb.Connections;

namespace Migrations.DuckDb.Dialect;

/// <summary>
/// Keeps runners in one process from migrating the same database at once, however each spells its
/// path. Other processes are kept out by DuckDB itself: only one process can open a file for writing.
/// </summary>
internal static class DuckDbRunLock
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> ByFile = new(FilePaths.Comparer);
    private static readonly ConditionalWeakTable<DbConnection, SemaphoreSlim> ByConnection = [];

    // Resolving a path asks the file system about every folder on it; a data source is resolved once per process.
    private static readonly ConcurrentDictionary<string, string> Files = new(StringComparer.Ordinal);

    public static async Task<IAsyncDisposable> AcquireAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var gate = DatabaseOf(connection.DataSource) is { } database
            ? ByFile.GetOrAdd(database, _ => new SemaphoreSlim(1, 1))
            : ByConnection.GetValue(connection, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(gate);
    }

    /// <summary>The database a data source names, or null for a private in-memory one (reachable only through its own connection).</summary>
    private static string? DatabaseOf(string source) => source switch
    {
        "" => null,
        _ when source.Equals(":memory:", StringComparison.OrdinalIgnoreCase) => null,
        _ when source.Equals(DuckDbDataSource.SharedMemory, StringComparison.OrdinalIgnoreCase) => DuckDbDataSource.SharedMemory,
        _ => Files.GetOrAdd(source, FilePaths.Resolve),
    };

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        private SemaphoreSlim? _gate = gate;

        public ValueTask DisposeAsync()
        {
            Interlocked.Exchange(ref _gate, null)?.Release();
            return ValueTask.CompletedTask;
        }
    }
}
