using System.Collections.Concurrent;
using DuckDB.NET.Data;
using Migrations.DuckDb;
using Migrations.Running;

namespace Migrations.Testing;

/// <summary>
/// A throwaway DuckDB file, already migrated, removed on dispose. The migrations run once per set
/// of migrations into a template file (kept in the temporary folder and reused by later runs while
/// the migrations stay the same); every database after that is a copy of it.
/// </summary>
public sealed class DuckDbTestDatabase : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Templates = new();
    private readonly string _directory;

    private DuckDbTestDatabase(string directory, TestDatabaseOptions options)
    {
        _directory = directory;
        Path = System.IO.Path.Combine(directory, "test.duckdb");
        Dialect = new DuckDbDialect(ConnectionString);
        Runner = new MigrationRunner(Dialect, options.Migrations);
    }

    /// <summary>The dialect over this database, for the checks of <see cref="MigrationChecks"/> and for runners of your own.</summary>
    public DuckDbDialect Dialect { get; }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>A connection string for the file.</summary>
    public string ConnectionString => $"Data Source={Path}";

    /// <summary>A runner over the same migrations, for migrating further or back in the test.</summary>
    public MigrationRunner Runner { get; }

    /// <summary>Creates a migrated database of its own for one test.</summary>
    /// <param name="options">The migrations, and up to which version.</param>
    /// <param name="cancellationToken">Cancels the first migration of the template.</param>
    public static async Task<DuckDbTestDatabase> CreateAsync(TestDatabaseOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The fingerprint reads no database; the dialect only has to exist.
        var key = options.TemplateKey($"duckdb {DuckDbVersion.Value}", () => new MigrationRunner(new DuckDbDialect("Data Source=fingerprint.duckdb"), options.Migrations));
        var template = Templates.GetOrAdd(key, k => new Lazy<Task<string>>(() => BuildTemplateAsync(k, options, cancellationToken)));
        string templatePath;
        try
        {
            templatePath = await template.Value.ConfigureAwait(false);
        }
        catch
        {
            // A failed build is not kept: the next test tries again (and reports its own error).
            Templates.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(key, template));
            throw;
        }

        var directory = Directory.CreateTempSubdirectory("migrations-test-").FullName;
        File.Copy(templatePath, System.IO.Path.Combine(directory, "test.duckdb"));
        return new DuckDbTestDatabase(directory, options);
    }

    /// <summary>Opens a connection to the database.</summary>
    public DuckDBConnection OpenConnection()
    {
        var connection = new DuckDBConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Deletes the file; connections the test opened must be closed first.</summary>
    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A connection the test left open keeps the file on some systems; the temporary folder is cleaned later.
        }

        return ValueTask.CompletedTask;
    }

    private static readonly Lazy<string> DuckDbVersion = new(() =>
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection.ServerVersion;
    });

    /// <summary>
    /// Migrates a new file and moves it into place under its key, checkpointed so that one file
    /// holds everything. Another process building the same template at the same time loses nothing:
    /// the first file moved in stays.
    /// </summary>
    private static async Task<string> BuildTemplateAsync(string key, TestDatabaseOptions options, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "migrations-duckdb-templates")).FullName;
        var path = System.IO.Path.Combine(folder, key + ".duckdb");
        if (File.Exists(path))
        {
            return path;
        }

        var building = System.IO.Path.Combine(folder, $"{key}.{Guid.NewGuid():N}.building");
        var runner = new MigrationRunner(new DuckDbDialect($"Data Source={building}"), options.Migrations);
        await (options.Version is { } version ? runner.MigrateToAsync(version, cancellationToken) : runner.MigrateAsync(cancellationToken)).ConfigureAwait(false);
        await using (var connection = new DuckDBConnection($"Data Source={building}"))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "CHECKPOINT";
            await checkpoint.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            File.Move(building, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(building);
        }

        File.Delete(building + ".wal");
        return path;
    }
}
