using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Migrations.Hosting;

/// <summary>Returned by <c>AddMigrations</c>: adds running at startup and a health check.</summary>
public sealed class MigrationsBuilder
{
    internal MigrationsBuilder(IServiceCollection services) => Services = services;

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Migrates the database before the application starts serving: before every hosted service
    /// (the web server included) starts. A failure stops the host with the migration's error logged,
    /// unless <see cref="MigrationsStartupOptions.FailOnError"/> is off.
    /// </summary>
    /// <param name="configure">Adjusts failure handling and the lock wait limit.</param>
    public MigrationsBuilder RunOnStartup(Action<MigrationsStartupOptions>? configure = null)
    {
        var options = Services.AddOptions<MigrationsStartupOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // First in line: the host calls StartingAsync of every hosted service, in order, before any StartAsync.
        if (!Services.Any(d => d.ImplementationType == typeof(MigrationsStartupService)))
        {
            Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, MigrationsStartupService>());
        }

        return this;
    }
}
