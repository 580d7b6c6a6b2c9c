using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Migrations.Dialects;
using Migrations.Hosting;
using Migrations.Running;

// Extension methods for IServiceCollection live in its namespace, as Microsoft.Extensions libraries do.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the migration runner.</summary>
public static class MigrationsServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="MigrationRunner"/> for the database and migrations <paramref name="configure"/>
    /// names, checked when the application starts. Chain <c>RunOnStartup()</c> to migrate before serving.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Chooses the database (<c>UseDuckDb</c>, <c>UsePostgres</c>) and the migrations (<c>ScanAssemblyOf&lt;T&gt;()</c>).</param>
    public static MigrationsBuilder AddMigrations(this IServiceCollection services, Action<MigrationsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<MigrationsOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MigrationsOptions>, MigrationsOptionsValidator>());
        services.TryAddSingleton<MigrationsState>();
        // Resolved by AddHealthChecks().AddCheck<MigrationsHealthCheck>(...); its constructor is not public API.
        services.TryAddSingleton(provider => new MigrationsHealthCheck(
            provider.GetRequiredService<MigrationRunner>(), provider.GetRequiredService<MigrationsState>(), provider.GetRequiredService<IOptions<MigrationsOptions>>().Value));
        // A service of its own, so the container disposes it (a dialect may own a connection pool).
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<MigrationsOptions>>().Value.Dialect!(provider));
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<MigrationsOptions>>().Value;
            if (provider.GetService<IOptions<MigrationsStartupOptions>>()?.Value.LockTimeout is { } lockTimeout)
            {
                options.Runner.LockTimeout ??= lockTimeout;
            }

            return new MigrationRunner(provider.GetRequiredService<IMigrationDialect>(), options.Runner, provider.GetService<ILogger<MigrationRunner>>());
        });
        return new MigrationsBuilder(services);
    }
}
