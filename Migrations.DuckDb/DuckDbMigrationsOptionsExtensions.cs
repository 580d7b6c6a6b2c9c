using DuckDB.NET.Data;
using Migrations.DuckDb.Connections;
using Migrations.Hosting;

namespace Migrations.DuckDb;

/// <summary>Chooses DuckDB in <c>AddMigrations</c>.</summary>
public static class DuckDbMigrationsOptionsExtensions
{
    /// <summary>Migrates the DuckDB database a connection string names, for example <c>Data Source=app.duckdb</c>.</summary>
    /// <param name="options">The migrations options.</param>
    /// <param name="connectionString">A DuckDB.NET connection string.</param>
    public static MigrationsOptions UseDuckDb(this MigrationsOptions options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            _ = DuckDbDataSource.Parse(connectionString);
        }
        catch (ArgumentException e)
        {
            // Reported when the application starts, together with any other configuration problem.
            options.AddProblem(e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal));
        }

        return options.UseDialect(_ => new DuckDbDialect(connectionString));
    }

    /// <summary>
    /// Migrates through the application's own DuckDB connections, taken from its services (for
    /// example <c>sp =&gt; sp.GetRequiredService&lt;DuckDBConnection&gt;()</c>): one per run, opened if
    /// closed and then closed again, never disposed.
    /// </summary>
    /// <param name="options">The migrations options.</param>
    /// <param name="connection">Returns the connection for a run.</param>
    public static MigrationsOptions UseDuckDb(this MigrationsOptions options, Func<IServiceProvider, DuckDBConnection> connection)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connection);
        return options.UseDialect(provider => new DuckDbDialect(() => connection(provider)));
    }
}
