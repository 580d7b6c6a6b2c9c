using Microsoft.Extensions.DependencyInjection;
using Migrations.Hosting;
using Npgsql;

namespace Migrations.Postgres;

/// <summary>Chooses PostgreSQL in <c>AddMigrations</c>.</summary>
public static class PostgresMigrationsOptionsExtensions
{
    /// <summary>Migrates the PostgreSQL database a connection string names.</summary>
    /// <param name="options">The migrations options.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    public static MigrationsOptions UsePostgres(this MigrationsOptions options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                options.AddProblem("The PostgreSQL connection string is empty: set it, for example \"Host=localhost;Database=app;Username=app\".");
            }
        }
        catch (ArgumentException e)
        {
            options.AddProblem($"The PostgreSQL connection string is malformed: {e.Message}");
        }

        return options.UseDialect(_ => new PostgresDialect(connectionString));
    }

    /// <summary>Migrates through the application's registered <see cref="NpgsqlDataSource"/>.</summary>
    /// <param name="options">The migrations options.</param>
    public static MigrationsOptions UsePostgres(this MigrationsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseDialect(provider => new PostgresDialect(provider.GetRequiredService<NpgsqlDataSource>()));
    }
}
