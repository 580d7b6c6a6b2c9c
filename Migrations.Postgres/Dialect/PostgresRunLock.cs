using System.Data;
using System.Data.Common;
using Npgsql;

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

    /// <summary>
    /// The key for the runners of one schema (a tenant's): its name hashed, so that tenants of one
    /// database migrate side by side while two runners of one tenant still take turns.
    /// </summary>
    public static long KeyFor(string? schema) => schema is null
        ? Key
        : BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("Migrations schema " + schema)), 0);

    public static async Task<IAsyncDisposable> AcquireAsync(DbConnection connection, long key, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", key, cancellationToken).ConfigureAwait(false);
        return new Release(connection, key);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, long lockKey, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var key = command.CreateParameter();
        key.Value = lockKey;
        command.Parameters.Add(key);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class Release(DbConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // A broken connection's session is gone on the server, and its session locks with it.
            if (connection.State != ConnectionState.Open)
            {
                return;
            }

            try
            {
                await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", key, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is DbException or InvalidOperationException or IOException or TimeoutException)
            {
                // The session may still hold the lock: its connection must not go back to the pool for reuse.
                if (connection is NpgsqlConnection npgsql)
                {
                    NpgsqlConnection.ClearPool(npgsql);
                }

                throw;
            }
        }
    }
}
