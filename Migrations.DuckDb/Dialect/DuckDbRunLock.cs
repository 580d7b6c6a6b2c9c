using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Migrations.DuckDb.Dialect;

/// <summary>
/// Keeps runners in one process from migrating the same database at once. Other processes are
/// kept out by DuckDB itself: only one process can open a database file for writing.
/// </summary>
internal static class DuckDbRunLock
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> ByFile = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<DbConnection, SemaphoreSlim> ByConnection = [];

    public static async Task<IAsyncDisposable> AcquireAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var source = connection.DataSource;
        // A private in-memory database is reachable only through its own connection.
        var gate = string.IsNullOrEmpty(source) || source == ":memory:"
            ? ByConnection.GetValue(connection, _ => new SemaphoreSlim(1, 1))
            : ByFile.GetOrAdd(source.StartsWith(":memory:", StringComparison.Ordinal) ? source : Path.GetFullPath(source), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(gate);
    }

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
