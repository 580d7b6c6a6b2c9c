namespace Migrations.Hosting;

/// <summary>What the startup run ended with, for the health check.</summary>
internal sealed class MigrationsState
{
    public Exception? StartupFailure { get; set; }
}
