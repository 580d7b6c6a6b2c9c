using DuckDB.NET.Data;
using Migrations.Dialects;

namespace Migrations.DuckDb.Connections;

/// <summary>Where a run's DuckDB connection comes from, and what the run does with it afterwards.</summary>
internal abstract class ConnectionOpener
{
    public abstract Task<DialectConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A connection string: a connection of our own, on the instance already open on that file if there is one.</summary>
    public sealed class FromConnectionString(DuckDbDataSource source) : ConnectionOpener
    {
        /// <summary>Finding the open spelling and opening must not interleave, or two runners could open two instances.</summary>
        internal static readonly SemaphoreSlim Gate = new(1, 1);

        public override async Task<DialectConnection> OpenAsync(CancellationToken cancellationToken)
        {
            if (source.File is { } file && Path.GetDirectoryName(file) is { } folder && !Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"The folder of the DuckDB database \"{source.Name}\" does not exist ({folder}): create it before migrating.");
            }

            var delay = TimeSpan.FromMilliseconds(50);
            DuckDBException? held = null;
            while (true)
            {
                try
                {
                    if (held is not null)
                    {
                        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                        delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(1).Ticks));
                    }

                    return await OpenOnceAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (DuckDBException e) when (IsHeldByAnotherProcess(e))
                {
                    // Another process has the file open for writing; DuckDB allows one at a time. Wait for it,
                    // as long as the runner's LockTimeout allows.
                    held = e;
                }
                catch (OperationCanceledException) when (held is not null)
                {
                    // Whether the wait ended between attempts or while this process opened another file, the reason is the other process.
                    throw new OperationCanceledException($"another process has the DuckDB file open, and DuckDB lets one process at a time use a file for writing ({Reason(held)}).", held, cancellationToken);
                }
            }
        }

        private async Task<DialectConnection> OpenOnceAsync(CancellationToken cancellationToken)
        {
            await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var connection = new DuckDBConnection(source.ConnectionStringFor(OpenInstances.SpellingFor(source)));
                try
                {
                    connection.Open();
                }
                catch (DuckDBException e) when (!IsHeldByAnotherProcess(e))
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                    throw new InvalidOperationException($"The DuckDB database \"{source.Name}\" could not be opened{(source.File is null ? "" : $" ({source.File})")}: {Reason(e)}", e);
                }
                catch
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                    throw;
                }

                return new DialectConnection(connection, owned: true);
            }
            finally
            {
                Gate.Release();
            }
        }
    }

    private static bool IsHeldByAnotherProcess(DuckDBException e) => e.Message.Contains("Could not set lock on file", StringComparison.Ordinal);

    /// <summary>DuckDB's own words, without the prefix DuckDB.NET adds.</summary>
    private static string Reason(DuckDBException e) => e.Message.Replace("DuckDBOpen failed: ", "", StringComparison.Ordinal);

    /// <summary>The application's connections: opened if closed (and then closed again), never disposed.</summary>
    public sealed class FromApplication(Func<DuckDBConnection> connection) : ConnectionOpener
    {
        public override async Task<DialectConnection> OpenAsync(CancellationToken cancellationToken)
        {
            var given = connection() ?? throw new InvalidOperationException("The DuckDB connection factory returned null: return a DuckDBConnection.");
            if (given.State == System.Data.ConnectionState.Open)
            {
                return new DialectConnection(given, owned: false);
            }

            await given.OpenAsync(cancellationToken).ConfigureAwait(false);
            return new DialectConnection(given, close: () =>
            {
                given.Close();
                return ValueTask.CompletedTask;
            });
        }
    }
}
