using System.Collections.Concurrent;
using Migrations.Postgres;
using Migrations.Running;
using Npgsql;

namespace Migrations.Testing;

/// <summary>
/// A throwaway PostgreSQL database, already migrated, dropped on dispose. The migrations run once
/// per set of migrations into a template database on the server; every database after that is
/// <c>CREATE DATABASE ... TEMPLATE</c> of it, which copies files instead of running migrations,
/// and a couple of copies are made ahead in the background so that a test rarely waits for one.
/// A changed migration changes the template's name, so a new template is built.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<(PostgresTestServer, string), Lazy<Task<TemplateCopies>>> Templates = new();
    private readonly PostgresTestServer _server;

    private PostgresTestDatabase(PostgresTestServer server, string connectionString, TestDatabaseOptions options)
    {
        _server = server;
        ConnectionString = connectionString;
        Name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        Dialect = new PostgresDialect(connectionString);
        Runner = new MigrationRunner(Dialect, options.Migrations);
    }

    /// <summary>The dialect over this database, for the checks of <see cref="MigrationChecks"/> and for runners of your own; disposed with the database.</summary>
    public PostgresDialect Dialect { get; }

    /// <summary>The database's name.</summary>
    public string Name { get; }

    /// <summary>A connection string for the database.</summary>
    public string ConnectionString { get; }

    /// <summary>A runner over the same migrations, for migrating further or back in the test.</summary>
    public MigrationRunner Runner { get; }

    /// <summary>Creates a migrated database of its own for one test, on the server all tests of the process share.</summary>
    /// <param name="options">The migrations, and up to which version.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    public static async Task<PostgresTestDatabase> CreateAsync(TestDatabaseOptions options, CancellationToken cancellationToken = default) =>
        await CreateAsync(await PostgresTestServer.SharedAsync(cancellationToken).ConfigureAwait(false), options, cancellationToken).ConfigureAwait(false);

    /// <summary>Creates a migrated database of its own for one test, on a given server.</summary>
    /// <param name="server">The server.</param>
    /// <param name="options">The migrations, and up to which version.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    public static async Task<PostgresTestDatabase> CreateAsync(PostgresTestServer server, TestDatabaseOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(options);
        // The fingerprint reads no database; the dialect only has to exist.
        await using var dialect = new PostgresDialect(server.ConnectionString);
        var key = $"tpl_migrations_{options.TemplateKey("postgres", () => new MigrationRunner(dialect, options.Migrations))}";
        var template = Templates.GetOrAdd((server, key), k => new Lazy<Task<TemplateCopies>>(async () =>
            new TemplateCopies(server, await BuildTemplateAsync(server, k.Item2, options, cancellationToken).ConfigureAwait(false))));
        TemplateCopies copies;
        try
        {
            copies = await template.Value.ConfigureAwait(false);
        }
        catch
        {
            // A failed build is not kept: the next test tries again (and reports its own error).
            Templates.TryRemove(new KeyValuePair<(PostgresTestServer, string), Lazy<Task<TemplateCopies>>>((server, key), template));
            throw;
        }

        return new PostgresTestDatabase(server, await copies.TakeAsync(cancellationToken).ConfigureAwait(false), options);
    }

    /// <summary>Opens a connection to the database.</summary>
    /// <param name="cancellationToken">Cancels the open.</param>
    public async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Drops the database, closing any connection still open to it.</summary>
    public async ValueTask DisposeAsync()
    {
        await Dialect.DisposeAsync().ConfigureAwait(false);
        using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await _server.DropDatabaseAsync(Name).ConfigureAwait(false);
    }

    /// <summary>
    /// Migrates a database under a temporary name and renames it into place as a template that
    /// accepts no connections (a template must have none while it is copied). An advisory lock
    /// keeps processes that share the server from building the same template twice.
    /// </summary>
    private static async Task<string> BuildTemplateAsync(PostgresTestServer server, string template, TestDatabaseOptions options, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await PostgresTestServer.ScalarAsync(connection, "SELECT pg_advisory_lock(hashtext($1))", cancellationToken, template).ConfigureAwait(false);
        try
        {
            if (await PostgresTestServer.ScalarAsync(connection, "SELECT count(*) FROM pg_database WHERE datname = $1", cancellationToken, template).ConfigureAwait(false) is 1L)
            {
                return template;
            }

            var building = $"{template}_{Environment.ProcessId}";
            await PostgresTestServer.ScalarAsync(connection, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)", cancellationToken).ConfigureAwait(false);
            await PostgresTestServer.ScalarAsync(connection, $"CREATE DATABASE \"{building}\"", cancellationToken).ConfigureAwait(false);
            var connectionString = server.ConnectionStringFor(building);
            await using (var dialect = new PostgresDialect(connectionString))
            {
                var runner = new MigrationRunner(dialect, options.Migrations);
                await (options.Version is { } version ? runner.MigrateToAsync(version, cancellationToken) : runner.MigrateAsync(cancellationToken)).ConfigureAwait(false);
            }

            using (var pooled = new NpgsqlConnection(connectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            await PostgresTestServer.ScalarAsync(connection, $"ALTER DATABASE \"{building}\" RENAME TO \"{template}\"", cancellationToken).ConfigureAwait(false);
            await PostgresTestServer.ScalarAsync(connection, $"ALTER DATABASE \"{template}\" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false", cancellationToken).ConfigureAwait(false);
            return template;
        }
        finally
        {
            await PostgresTestServer.ScalarAsync(connection, "SELECT pg_advisory_unlock(hashtext($1))", CancellationToken.None, template).ConfigureAwait(false);
        }
    }
}
