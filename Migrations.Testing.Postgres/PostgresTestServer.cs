using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Migrations.Testing;

/// <summary>
/// A PostgreSQL server for tests, from wherever the machine has one, in this order: the server
/// named by <c>MIGRATIONS_TEST_POSTGRES</c> (a connection string); a container started by
/// Testcontainers when a Docker engine answers (image from <c>MIGRATIONS_TEST_POSTGRES_IMAGE</c>);
/// a throwaway cluster from the local PostgreSQL binaries. <c>MIGRATIONS_TEST_POSTGRES_SOURCE</c>
/// (<c>connection</c>, <c>testcontainers</c> or <c>binaries</c>) picks one. A server this class
/// started is removed on dispose. Give each test its own database with <see cref="CreateDatabaseAsync(string, CancellationToken)"/>,
/// or a migrated one with <see cref="PostgresTestDatabase"/>.
/// </summary>
public sealed class PostgresTestServer : IAsyncDisposable
{
    /// <summary>The environment variable naming an existing server to use instead of starting one.</summary>
    public const string ConnectionVariable = "MIGRATIONS_TEST_POSTGRES";

    /// <summary>The environment variable naming the folder with initdb, pg_ctl and postgres.</summary>
    public const string BinariesVariable = "MIGRATIONS_POSTGRES_BIN";

    /// <summary>The environment variable that picks the source: <c>connection</c>, <c>testcontainers</c> or <c>binaries</c>.</summary>
    public const string SourceVariable = "MIGRATIONS_TEST_POSTGRES_SOURCE";

    private readonly IAsyncDisposable? _owned;
    private readonly List<Func<Task>> _cleanups = [];
    private int _databases;

    private PostgresTestServer(string connectionString, PostgresSource source, IAsyncDisposable? owned)
    {
        ConnectionString = connectionString;
        Source = source;
        _owned = owned;
    }

    /// <summary>A connection string for the server's maintenance database.</summary>
    public string ConnectionString { get; }

    /// <summary>Where the server came from.</summary>
    public PostgresSource Source { get; }

    /// <summary>Starts (or connects to) a server from the first source the machine has, in the order the class describes.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<PostgresTestServer> StartAsync(CancellationToken cancellationToken = default)
    {
        switch (Environment.GetEnvironmentVariable(SourceVariable)?.Trim().ToLowerInvariant())
        {
            case "connection":
                return await StartAsync(PostgresSource.ConnectionString, cancellationToken).ConfigureAwait(false);
            case "testcontainers":
                return await StartAsync(PostgresSource.Testcontainers, cancellationToken).ConfigureAwait(false);
            case "binaries":
                return await StartAsync(PostgresSource.LocalBinaries, cancellationToken).ConfigureAwait(false);
            case null or "":
                break;
            case var other:
                throw new InvalidOperationException($"{SourceVariable} is \"{other}\": use connection, testcontainers or binaries.");
        }

        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 })
        {
            return await StartAsync(PostgresSource.ConnectionString, cancellationToken).ConfigureAwait(false);
        }

        if (await PostgresContainer.TryStartAsync(cancellationToken).ConfigureAwait(false) is { } container)
        {
            return new PostgresTestServer(container.GetConnectionString(), PostgresSource.Testcontainers, container);
        }

        return await StartAsync(PostgresSource.LocalBinaries, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts (or connects to) a server from one source, failing when the machine does not have it.</summary>
    /// <param name="source">The source.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<PostgresTestServer> StartAsync(PostgresSource source, CancellationToken cancellationToken = default)
    {
        switch (source)
        {
            case PostgresSource.ConnectionString:
                var external = Environment.GetEnvironmentVariable(ConnectionVariable);
                return string.IsNullOrWhiteSpace(external)
                    ? throw new InvalidOperationException($"{ConnectionVariable} is not set: give it a connection string to a server the tests may create databases on.")
                    : new PostgresTestServer(external, source, owned: null);
            case PostgresSource.Testcontainers:
                var container = await PostgresContainer.TryStartAsync(cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("No Docker engine answers (Testcontainers found none): start Docker, set DOCKER_HOST, or use another source.");
                return new PostgresTestServer(container.GetConnectionString(), source, container);
            case PostgresSource.LocalBinaries:
                var cluster = await PostgresCluster.StartAsync(FreePort(), cancellationToken).ConfigureAwait(false);
                return new PostgresTestServer(cluster.ConnectionString, source, cluster);
            default:
                throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown source.");
        }
    }

    /// <summary>
    /// The server all tests of this process share: started on first use (as <see cref="StartAsync(CancellationToken)"/>
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

    /// <summary>Drops a database, closing any connection still open to it.</summary>
    /// <param name="database">The database's name.</param>
    internal Task DropDatabaseAsync(string database) =>
        ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", CancellationToken.None);

    /// <summary>Runs a statement in the maintenance database.</summary>
    internal async Task<object?> ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ScalarAsync(connection, sql, cancellationToken, values).ConfigureAwait(false);
    }

    /// <summary>Runs a statement with positional parameters on an open connection.</summary>
    internal static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Work to finish before the server stops (databases made ahead and not taken are dropped).</summary>
    /// <param name="cleanup">The work.</param>
    internal void BeforeDispose(Func<Task> cleanup)
    {
        lock (_cleanups)
        {
            _cleanups.Add(cleanup);
        }
    }

    /// <summary>Stops and deletes a server this instance started (cluster or container); leaves an external one alone, less the databases the test kit made ahead.</summary>
    public async ValueTask DisposeAsync()
    {
        Func<Task>[] cleanups;
        lock (_cleanups)
        {
            cleanups = [.. _cleanups];
            _cleanups.Clear();
        }

        foreach (var cleanup in cleanups)
        {
            await cleanup().ConfigureAwait(false);
        }

        NpgsqlConnection.ClearAllPools();
        if (_owned is not null)
        {
            await _owned.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
