using Microsoft.Extensions.Diagnostics.HealthChecks;
using Migrations.Running;

namespace Migrations.Hosting;

/// <summary>
/// Unhealthy while migrations are pending or the startup run failed; healthy at the latest version.
/// <c>AddMigrations</c> registers it; add it to your health checks with
/// <c>services.AddHealthChecks().AddCheck&lt;MigrationsHealthCheck&gt;("migrations")</c>.
/// </summary>
public sealed class MigrationsHealthCheck : IHealthCheck
{
    private readonly MigrationRunner _runner;
    private readonly MigrationsState _state;

    internal MigrationsHealthCheck(MigrationRunner runner, MigrationsState state)
    {
        _runner = runner;
        _state = state;
    }

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_state.StartupFailure is { } failure)
        {
            return HealthCheckResult.Unhealthy($"Migrating at startup failed: {failure.Message}", failure);
        }

        var status = await _runner.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object> { ["version"] = status.CurrentVersion, ["pending"] = status.Pending.Count };
        return status.IsUpToDate
            ? HealthCheckResult.Healthy($"At version {status.CurrentVersion}.", data)
            : HealthCheckResult.Unhealthy($"{status.Pending.Count} migrations pending: {string.Join(", ", status.Pending.Select(p => p.Version))}.", data: data);
    }
}
