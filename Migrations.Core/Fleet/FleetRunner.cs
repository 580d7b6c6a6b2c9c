using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Migrations.Dialects;
using Migrations.Running;

namespace Migrations.Fleet;

/// <summary>
/// Migrates many databases (one per tenant, customer or day) with the same migrations: a bounded
/// number at once, each all-or-nothing per migration as a single run is, a failure in one leaving the
/// others to finish, and one result per target. Running it again continues where each target
/// stands; a target another runner is migrating is reported busy and left alone, never migrated twice.
/// </summary>
public sealed class FleetRunner
{
    private readonly IFleetTargets _targets;
    private readonly MigrationRunnerOptions _runner;
    private readonly FleetOptions _fleet;
    private readonly ILoggerFactory _logging;
    private readonly ILogger<FleetRunner> _logger;

    /// <summary>Creates a fleet runner.</summary>
    /// <param name="targets">The databases.</param>
    /// <param name="runnerOptions">The migrations and how each target is migrated, as for one <see cref="MigrationRunner"/>.</param>
    /// <param name="fleetOptions">Parallelism, timeouts and when to stop; the defaults when null.</param>
    /// <param name="loggerFactory">Logs each target's run and result.</param>
    public FleetRunner(IFleetTargets targets, MigrationRunnerOptions runnerOptions, FleetOptions? fleetOptions = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(runnerOptions);
        _targets = targets;
        _runner = runnerOptions;
        _fleet = fleetOptions ?? new FleetOptions();
        _logging = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _logging.CreateLogger<FleetRunner>();
    }

    /// <summary>Applies the pending migrations of every target.</summary>
    /// <param name="cancellationToken">Starts no further target; running ones roll back their current migration.</param>
    public Task<FleetResult> MigrateAsync(CancellationToken cancellationToken = default) => RunAsync(null, cancellationToken);

    /// <summary>Moves every target to a version: applies pending migrations up to it and reverts those above it.</summary>
    /// <param name="targetVersion">The version to end at: 0, or the version of a known migration.</param>
    /// <param name="cancellationToken">Starts no further target; running ones roll back their current migration.</param>
    public Task<FleetResult> MigrateToAsync(long targetVersion, CancellationToken cancellationToken = default) => RunAsync(targetVersion, cancellationToken);

    /// <summary>Where every target stands: its version, pending and edited migrations, and, when asked, drift.</summary>
    /// <param name="includeDrift">Also compare each target's schema with what its migrations make (a scratch database per target).</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public async Task<FleetStatus> GetStatusAsync(bool includeDrift = false, CancellationToken cancellationToken = default)
    {
        CheckOptions();
        var targets = await _targets.ListAsync(cancellationToken).ConfigureAwait(false);
        var statuses = new FleetTargetStatus[targets.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, targets.Count), new ParallelOptions { MaxDegreeOfParallelism = _fleet.MaxParallelism, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var target = targets[i];
            try
            {
                await using var runner = Runner(target);
                var status = await runner.Runner.GetStatusAsync(token).ConfigureAwait(false);
                var drift = includeDrift ? await runner.Runner.GetDriftAsync(token).ConfigureAwait(false) : null;
                statuses[i] = new FleetTargetStatus(target.Name, status, drift, null);
            }
#pragma warning disable CA1031 // A target that cannot be read is reported with its error; the others are still read.
            catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
#pragma warning restore CA1031
            {
                statuses[i] = new FleetTargetStatus(target.Name, null, null, e.Message);
            }
        }).ConfigureAwait(false);
        return new FleetStatus(statuses);
    }

    private async Task<FleetResult> RunAsync(long? version, CancellationToken cancellationToken)
    {
        CheckOptions();
        var targets = await _targets.ListAsync(cancellationToken).ConfigureAwait(false);
        var results = new FleetTargetResult?[targets.Count];
        var stop = false;

        async Task Batch(IEnumerable<int> indexes) =>
            await Parallel.ForEachAsync(indexes, new ParallelOptions { MaxDegreeOfParallelism = _fleet.MaxParallelism }, async (i, _) =>
            {
                if (Volatile.Read(ref stop) || cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                var result = await MigrateOneAsync(targets[i], version, cancellationToken).ConfigureAwait(false);
                results[i] = result;
                FleetLog.Finished(_logger, result.Target, result.Outcome, result.Error);
                if (_fleet.StopOnFirstFailure && IsFailure(result))
                {
                    Volatile.Write(ref stop, true);
                }
            }).ConfigureAwait(false);

        var canaries = Math.Min(_fleet.Canaries, targets.Count);
        await Batch(Enumerable.Range(0, canaries)).ConfigureAwait(false);
        if (results.Take(canaries).Any(r => r is null || IsFailure(r)))
        {
            FleetLog.CanaryFailed(_logger, canaries, targets.Count - canaries);
            stop = true;
        }

        await Batch(Enumerable.Range(canaries, targets.Count - canaries)).ConfigureAwait(false);
        return new FleetResult(results.Select((r, i) => r ?? new FleetTargetResult(targets[i].Name, FleetOutcome.NotStarted, null, null, TimeSpan.Zero)).ToArray());
    }

    private async Task<FleetTargetResult> MigrateOneAsync(FleetTarget target, long? version, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        FleetTargetResult Ended(FleetOutcome outcome, MigrationResult? result, string? error) => new(target.Name, outcome, result, error, Stopwatch.GetElapsedTime(started));
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_fleet.TargetTimeout is { } timeout)
        {
            limit.CancelAfter(timeout);
        }

        try
        {
            await using var runner = Runner(target);
            var result = version is { } v
                ? await runner.Runner.MigrateToAsync(v, limit.Token).ConfigureAwait(false)
                : await runner.Runner.MigrateAsync(limit.Token).ConfigureAwait(false);
            return Ended(result.NothingToDo ? FleetOutcome.UpToDate : FleetOutcome.Migrated, result, null);
        }
        catch (TimeoutException e)
        {
            return Ended(FleetOutcome.Busy, null, e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Ended(FleetOutcome.TimedOut, null, $"Took longer than the target timeout ({_fleet.TargetTimeout}); the running migration was rolled back.");
        }
        catch (OperationCanceledException)
        {
            return Ended(FleetOutcome.Failed, null, "The fleet run was cancelled; the running migration was rolled back.");
        }
#pragma warning disable CA1031 // A failed target is reported with its error; the others go on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Ended(FleetOutcome.Failed, null, e.Message);
        }
    }

    /// <summary>A runner on the target whose dialect goes when the runner does; a busy target is given up after BusyWait.</summary>
    private TargetRunner Runner(FleetTarget target)
    {
        var options = _runner.Copy();
        options.LockTimeout = _fleet.BusyWait;
        var dialect = target.CreateDialect();
        return new TargetRunner(new MigrationRunner(dialect, options, _logging.CreateLogger<MigrationRunner>()), dialect);
    }

    private void CheckOptions()
    {
        var problems = new List<string>();
        if (_fleet.MaxParallelism < 1)
        {
            problems.Add($"MaxParallelism is {_fleet.MaxParallelism}: give 1 or more.");
        }

        if (_fleet.Canaries < 0)
        {
            problems.Add($"Canaries is {_fleet.Canaries}: give 0 (none) or more.");
        }

        if (_fleet.BusyWait <= TimeSpan.Zero || _fleet.TargetTimeout <= TimeSpan.Zero)
        {
            problems.Add("BusyWait and TargetTimeout must be positive times.");
        }

        if (problems.Count > 0)
        {
            throw new MigrationValidationException(problems);
        }
    }

    private static bool IsFailure(FleetTargetResult result) => result.Outcome is FleetOutcome.Failed or FleetOutcome.TimedOut or FleetOutcome.Busy;

    private sealed record TargetRunner(MigrationRunner Runner, IMigrationDialect Dialect) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            switch (Dialect)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
