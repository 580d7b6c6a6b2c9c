using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Migrations.Testing;

/// <summary>
/// A PostgreSQL server for tests. Uses the server named by <c>MIGRATIONS_TEST_POSTGRES</c> (a
/// connection string) when set; otherwise creates a throwaway cluster from the local PostgreSQL
/// binaries (initdb into a temporary folder, a free loopback port) and removes it on dispose.
/// Give each test fixture its own database with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresTestServer : IAsyncDisposable
{
    /// <summary>The environment variable naming an existing server to use instead of starting one.</summary>
    public const string ConnectionVariable = "MIGRATIONS_TEST_POSTGRES";

    /// <summary>The environment variable naming the folder with initdb, pg_ctl and postgres.</summary>
    public const string BinariesVariable = "MIGRATIONS_POSTGRES_BIN";

    private readonly PostgresCluster? _cluster;
    private int _databases;

    private PostgresTestServer(string connectionString, PostgresCluster? cluster)
    {
        ConnectionString = connectionString;
        _cluster = cluster;
    }

    /// <summary>A connection string for the server's maintenance database.</summary>
    public string ConnectionString { get; }

    /// <summary>Starts a throwaway server, or connects to the one named by <c>MIGRATIONS_TEST_POSTGRES</c>.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<PostgresTestServer> StartAsync(CancellationToken cancellationToken = default)
    {
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } external)
        {
            return new PostgresTestServer(external, cluster: null);
        }

        var cluster = await PostgresCluster.StartAsync(FreePort(), cancellationToken).ConfigureAwait(false);
        return new PostgresTestServer(cluster.ConnectionString, cluster);
    }

    /// <summary>
    /// The server all tests of this process share: started on first use (as <see cref="StartAsync"/>
    /// does) and stopped when the process exits.
    /// </summary>
    /// <param name="cancellationToken">Cancels waiting for the start (the start itself goes on for the next caller).</param>
    public static Task<PostgresTestServer> SharedAsync(CancellationToken cancellationToken = default) =>
        Shared.Value.WaitAsync(cancellationToken);

    private static readonly Lazy<Task<PostgresTestServer>> Shared = new(async () =>
    {
        var server = await StartAsync().ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    });

    /// <summary>Creates an empty database and returns its connection string.</summary>
    /// <param name="prefix">The start of the database's name, for recognising it.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    public Task<string> CreateDatabaseAsync(string prefix = "test", CancellationToken cancellationToken = default) =>
        CreateDatabaseFromAsync(prefix, template: null, cancellationToken);

    /// <summary>Creates a database as a copy of a template database and returns its connection string.</summary>
    /// <param name="prefix">The start of the database's name, for recognising it.</param>
    /// <param name="template">The template to copy, or null for an empty database.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    internal async Task<string> CreateDatabaseFromAsync(string prefix, string? template, CancellationToken cancellationToken)
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}".ToLowerInvariant();
        name = name[..Math.Min(name.Length, 63)]; // PostgreSQL's identifier limit
        await ExecuteAsync($"CREATE DATABASE \"{name}\"{(template is null ? "" : $" TEMPLATE \"{template}\"")}", cancellationToken).ConfigureAwait(false);
        return ConnectionStringFor(name);
    }

    /// <summary>A connection string for one database of the server.</summary>
    /// <param name="database">The database's name.</param>
    internal string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    /// <summary>Runs a statement in the maintenance database.</summary>
    internal async Task<object?> ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops and deletes a server this instance started; leaves an external one alone.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
