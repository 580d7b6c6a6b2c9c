using Migrations.DuckDb.Client;
using Migrations.Hosting;

namespace Migrations.DuckDb;

/// <summary>Chooses DuckDB in <c>AddMigrations</c>.</summary>
public static class DuckDbMigrationsOptionsExtensions
{
    /// <summary>Migrates the DuckDB database a connection string names, for example <c>Data Source=app.duckdb</c>.</summary>
    /// <param name="options">The migrations options.</param>
    /// <param name="connectionString">A DuckDB connection string.</param>
    public static MigrationsOptions UseDuckDb(this MigrationsOptions options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(connectionString) || new DuckDbConnectionStringBuilder(connectionString).DataSource.Length == 0)
        {
            options.AddProblem($"The DuckDB connection string \"{connectionString}\" names no database: use \"Data Source=app.duckdb\" (a file) or \"Data Source=:memory:name\".");
        }

        return options.UseDialect(_ => new DuckDbDialect(connectionString));
    }
}
