using DuckDB.NET.Data;

namespace Migrations.DuckDb.Connections;

/// <summary>What a DuckDB connection string names, as DuckDB.NET will open it.</summary>
internal sealed class DuckDbDataSource
{
    /// <summary>DuckDB.NET's spelling of an in-memory database that every connection of the process shares.</summary>
    public const string SharedMemory = ":memory:?cache=shared";

    private const string PrivateMemory = ":memory:";

    private DuckDbDataSource(DuckDBConnectionStringBuilder builder, string? file)
    {
        Builder = builder;
        File = file;
    }

    /// <summary>The parsed connection string, every option the user gave kept for DuckDB.</summary>
    public DuckDBConnectionStringBuilder Builder { get; }

    /// <summary>The data source as written.</summary>
    public string Name => Builder.DataSource;

    /// <summary>The database file with links resolved; null for the shared in-memory database.</summary>
    public string? File { get; }

    /// <summary>Parses a connection string for the runner to open, or says what is wrong with it and what to write instead.</summary>
    public static DuckDbDataSource Parse(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("The DuckDB connection string is empty: use \"Data Source=app.duckdb\" (a file).", nameof(connectionString));
        }

        DuckDBConnectionStringBuilder builder;
        try
        {
            builder = new DuckDBConnectionStringBuilder { ConnectionString = connectionString };
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new ArgumentException($"The DuckDB connection string \"{connectionString}\" is not valid: {e.Message}. Use \"Data Source=app.duckdb\", followed by DuckDB settings such as \";threads=4\" or \";access_mode=READ_ONLY\".", nameof(connectionString), e);
        }

        var name = builder.DataSource;
        if (name.Length == 0)
        {
            throw new ArgumentException($"The DuckDB connection string \"{connectionString}\" names no database: use \"Data Source=app.duckdb\" (a file).", nameof(connectionString));
        }

        if (name.Equals(PrivateMemory, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                "\"Data Source=:memory:\" is a new, empty database for every connection, so migrations applied through one would be gone when it closes. " +
                "Open a DuckDBConnection yourself and pass it (new DuckDbDialect(connection)), or use \"Data Source=:memory:?cache=shared\", which every connection of the process shares while one is open.",
                nameof(connectionString));
        }

        if (name.Equals(SharedMemory, StringComparison.OrdinalIgnoreCase))
        {
            return new DuckDbDataSource(builder, file: null);
        }

        if (name.StartsWith(PrivateMemory, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"DuckDB.NET opens \"{name}\" as a file of that name in the working folder, not as an in-memory database. " +
                "Use \"Data Source=:memory:?cache=shared\" for an in-memory database shared by the process, pass an open \":memory:\" connection (new DuckDbDialect(connection)), or name a file.",
                nameof(connectionString));
        }

        return new DuckDbDataSource(builder, FilePaths.Resolve(name));
    }

    /// <summary>The connection string with the data source spelled as given.</summary>
    public string ConnectionStringFor(string dataSource)
    {
        var copy = new DuckDBConnectionStringBuilder { ConnectionString = Builder.ConnectionString };
        copy.DataSource = dataSource;
        return copy.ConnectionString;
    }
}
