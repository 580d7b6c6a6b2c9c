using Microsoft.Extensions.Diagnostics.HealthChecks;
using Migrations.Running;
using Migrations.Schema;

namespace Migrations.Hosting;

/// <summary>
/// Unhealthy while migrations are pending or the startup run failed; Degraded when applied
/// migrations were edited since (the next run will refuse them) or, when
/// <see cref="MigrationsOptions.HealthCheckIncludesDrift"/> is set, when the schema has drifted from
/// the migrations; healthy at the latest version. <c>AddMigrations</c> registers it; add it to your
/// health checks with <c>services.AddHealthChecks().AddCheck&lt;MigrationsHealthCheck&gt;("migrations")</c>.
/// </summary>
public sealed class MigrationsHealthCheck : IHealthCheck, IDisposable
{
    private readonly MigrationRunner _runner;
    private readonly MigrationsState _state;
    private readonly MigrationsOptions _options;
    private readonly SemaphoreSlim _driftGate = new(1, 1);
    private (DateTimeOffset At, SchemaDrift Drift)? _lastDrift;

    internal MigrationsHealthCheck(MigrationRunner runner, MigrationsState state, MigrationsOptions options)
    {
        _runner = runner;
        _state = state;
        _options = options;
    }

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_state.StartupFailure is { } failure)
        {
            return HealthCheckResult.Unhealthy($"Migrating at startup failed: {failure.Message}", failure);
        }

        var status = await _runner.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object> { ["version"] = status.CurrentVersion, ["pending"] = status.Pending.Count, ["changed"] = status.Changed.Count };
        if (!status.IsUpToDate)
        {
            return HealthCheckResult.Unhealthy($"{status.Pending.Count} migrations pending: {string.Join(", ", status.Pending.Select(p => p.Version))}.", data: data);
        }

        if (status.Changed.Count > 0)
        {
            return HealthCheckResult.Degraded($"At version {status.CurrentVersion}, but migrations {string.Join(", ", status.Changed.Select(c => c.Version))} were edited after they were applied: the next run refuses them.", data: data);
        }

        if (_options.HealthCheckIncludesDrift)
        {
            var drift = await DriftAsync(cancellationToken).ConfigureAwait(false);
            data["drift"] = drift.Differences.Count;
            if (!drift.IsClean)
            {
                return HealthCheckResult.Degraded(drift.ToString(), data: data);
            }
        }

        return HealthCheckResult.Healthy($"At version {status.CurrentVersion}.", data);
    }

    /// <inheritdoc />
    public void Dispose() => _driftGate.Dispose();

    /// <summary>The last drift comparison while it stands; otherwise a new one (one at a time).</summary>
    private async Task<SchemaDrift> DriftAsync(CancellationToken cancellationToken)
    {
        await _driftGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_lastDrift is not { } last || DateTimeOffset.UtcNow - last.At >= _options.DriftCheckInterval)
            {
                last = (DateTimeOffset.UtcNow, await _runner.GetDriftAsync(cancellationToken).ConfigureAwait(false));
                _lastDrift = last;
            }

            return last.Drift;
        }
        finally
        {
            _driftGate.Release();
        }
    }
}
