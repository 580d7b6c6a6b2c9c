using System.Collections.Concurrent;

namespace Migrations.Testing;

/// <summary>
/// Copies of one template database made ahead of the tests that will ask for them. PostgreSQL
/// needs 100-250 ms to create any database, more than many tests take; made in the background
/// while tests run, a copy is usually ready when a test asks, and a test waits only when tests
/// come faster than PostgreSQL copies. Copies nobody took are dropped when the server is disposed.
/// </summary>
internal sealed class TemplateCopies
{
    /// <summary>How many copies wait ready: enough for two tests starting at once on a small machine.</summary>
    private const int Ahead = 2;

    private readonly PostgresTestServer _server;
    private readonly string _template;
    private readonly ConcurrentQueue<Task<string>> _ready = new();

    public TemplateCopies(PostgresTestServer server, string template)
    {
        _server = server;
        _template = template;
        server.BeforeDispose(DropUntakenAsync);
        Refill();
    }

    /// <summary>A copy for one test: one made ahead when there is one, otherwise made now.</summary>
    public async Task<string> TakeAsync(CancellationToken cancellationToken)
    {
        string? connectionString = null;
        while (connectionString is null && _ready.TryDequeue(out var copy))
        {
            try
            {
                connectionString = await copy.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A copy made ahead failed (the server was busy or restarting): the next one, or one made now, will do.
            }
        }

        connectionString ??= await _server.CreateDatabaseFromAsync("test", _template, cancellationToken).ConfigureAwait(false);
        Refill();
        return connectionString;
    }

    private void Refill()
    {
        lock (_ready)
        {
            while (_ready.Count < Ahead)
            {
                _ready.Enqueue(Task.Run(() => _server.CreateDatabaseFromAsync("test", _template, CancellationToken.None)));
            }
        }
    }

    private async Task DropUntakenAsync()
    {
        while (_ready.TryDequeue(out var copy))
        {
            try
            {
                await _server.DropDatabaseAsync(new Npgsql.NpgsqlConnectionStringBuilder(await copy.ConfigureAwait(false)).Database!).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Cleaning up after the tests must not fail the run; the server may already be gone.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}
