using System.Data.Common;

namespace Migrations.Postgres.Dialect;

/// <summary>
/// A session advisory lock on the run's own connection, taken before the history table is even
/// created and held for the whole run, so concurrent starts apply each migration exactly once.
/// Released explicitly: with pooling, closing a connection does not release session locks.
/// </summary>
internal static class PostgresRunLock
{
    /// <summary>The lock's key: "Migrati" in ASCII, so it is recognisable in pg_locks.</summary>
    public const long Key = 0x4D_69_67_72_61_74_69;

    public static async Task<IAsyncDisposable> AcquireAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", cancellationToken).ConfigureAwait(false);
        return new Release(connection);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var key = command.CreateParameter();
        key.Value = Key;
        command.Parameters.Add(key);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class Release(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None).ConfigureAwait(false);
    }
}
