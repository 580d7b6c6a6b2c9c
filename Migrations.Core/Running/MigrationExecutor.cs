using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Migrations.Dialects;

namespace Migrations.Running;

/// <summary>
/// Runs one planned migration: statements that must come first, then the rest in one transaction
/// with the history row (rolled back on any error, never committed after one), or, for a
/// migration the database will not run in a transaction, statement by statement with the history
/// row last.
/// </summary>
internal sealed class MigrationExecutor
{
    /// <summary>How long the queries that explain a failure may take; they only add detail to an error already known.</summary>
    private static readonly TimeSpan ExplanationLimit = TimeSpan.FromSeconds(10);

    private readonly DbConnection _connection;
    private readonly IHistoryTableSql _history;
    private readonly ILogger _logger;
    private readonly Func<Exception, ProviderError?> _classify;

    public MigrationExecutor(DbConnection connection, IHistoryTableSql history, ILogger logger, Func<Exception, ProviderError?> classify)
    {
        _connection = connection;
        _history = history;
        _logger = logger;
        _classify = classify;
    }


    /// <summary>How often a long bulk step logs how far it has got.</summary>
    internal static TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(2);

    public async Task ExecuteAsync(PlannedMigration migration, CancellationToken cancellationToken)
    {
        var info = migration.Info;
        if (migration.Up)
        {
            RunnerLog.Applying(_logger, info.Version, info.Description);
        }
        else
        {
            RunnerLog.Reverting(_logger, info.Version, info.Description);
        }

        if (migration.Up)
        {
            // Large seeds are hashed for the history row while the statements run.
            _ = migration.ChecksumAsync();
        }

        var started = Stopwatch.GetTimestamp();
        if (migration.Layout.Parts is { } parts)
        {
            await ExecuteInPartsAsync(migration, parts, started, cancellationToken).ConfigureAwait(false);
            return;
        }

        SqlStep? current = null;
        var stayed = new List<string>();
        try
        {
            foreach (var step in migration.Layout.BeforeTransaction)
            {
                current = step;
                await RunAsync(step, null, info.Version, cancellationToken).ConfigureAwait(false);
                stayed.Add(step.Source?.Describe() ?? SqlSecrets.Mask(step.Sql));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            RunnerLog.Failed(_logger, info.Version, info.Description, "the steps it runs before its transaction that succeeded stay committed, and its transaction did not start");
            throw await FailedAsync(info, current, e, transactional: true, stayed).ConfigureAwait(false);
        }

        await RetryingAsync(migration, retriable: true, last => ExecuteInTransactionAsync(migration, started, stayed, last, cancellationToken), cancellationToken).ConfigureAwait(false);
        LogDone(migration, started);
    }

    /// <summary>
    /// The migration's transaction: its steps and its history row, rolled back on any error. While
    /// <paramref name="lastAttempt"/> is false, a lock timeout is thrown as it is, for the retry to see.
    /// </summary>
    private async Task ExecuteInTransactionAsync(PlannedMigration migration, long started, IReadOnlyList<string> stayed, bool lastAttempt, CancellationToken cancellationToken)
    {
        var info = migration.Info;
        SqlStep? current = null;
        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var step in migration.Layout.InTransaction)
            {
                current = step;
                await RunAsync(step, transaction, info.Version, cancellationToken).ConfigureAwait(false);
            }

            current = await migration.HistoryRowAsync(_history, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds).ConfigureAwait(false);
            await StepExecutor.ExecuteAsync(_connection, transaction, current, cancellationToken).ConfigureAwait(false);
            current = null;
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Never commit after an error: some databases would keep part of the work.
            await RollBackQuietlyAsync(transaction).ConfigureAwait(false);
            if (e is OperationCanceledException)
            {
                RunnerLog.Failed(_logger, info.Version, info.Description, "its transaction was rolled back");
                throw;
            }

            if (!lastAttempt && IsLockTimeout(e))
            {
                throw;
            }

            RunnerLog.Failed(_logger, info.Version, info.Description, "its transaction was rolled back");
            throw await FailedAsync(info, current, e, transactional: true, stayed).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs an attempt, and when it fails because a lock was not granted in time (and the plan
    /// allows retries and the attempt left nothing behind), waits and tries again: 0.5 s, 1 s,
    /// 2 s... up to 10 s between attempts.
    /// </summary>
    private async Task RetryingAsync(PlannedMigration migration, bool retriable, Func<bool, Task> attempt, CancellationToken cancellationToken)
    {
        for (var tried = 0; ; tried++)
        {
            var last = !retriable || tried >= migration.Plan.LockRetries;
            try
            {
                await attempt(last).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (!last && IsLockTimeout(e))
            {
                var wait = TimeSpan.FromMilliseconds(Math.Min(10_000, 500 << Math.Min(tried, 5)));
                RunnerLog.LockRetry(_logger, migration.Info.Version, (long)wait.TotalMilliseconds, tried + 1, migration.Plan.LockRetries);
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private bool IsLockTimeout(Exception e) => e is not MigrationException && _classify(e)?.Kind == ProviderErrorKind.LockTimeout;

    /// <summary>
    /// A migration with statements the database refuses in a transaction runs in parts, each
    /// recorded as it completes; the history row is written (and the record of parts forgotten) in
    /// one transaction at the end. A run stopped anywhere is continued by the next from the part
    /// that did not complete.
    /// </summary>
    private async Task ExecuteInPartsAsync(PlannedMigration migration, IReadOnlyList<MigrationPart> parts, long started, CancellationToken cancellationToken)
    {
        var info = migration.Info;
        SqlStep? current = null;
        try
        {
            foreach (var step in _history.CreateProgressIfMissing())
            {
                current = step;
                await StepExecutor.ExecuteAsync(_connection, null, step, cancellationToken).ConfigureAwait(false);
            }

            current = _history.SelectProgress(info.Version);
            var done = (await StepExecutor.QueryAsync(_connection, current, r => r.GetString(0), cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            foreach (var part in parts)
            {
                if (part.IsRecorded && done.Contains(part.Key))
                {
                    RunnerLog.PartDone(_logger, info.Version, part.Steps[0].Sql);
                    continue;
                }

                await RetryingAsync(migration, part.IsRetriable, async _ =>
                {
                    await using var transaction = part.InTransaction ? await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
                    foreach (var step in part.Steps)
                    {
                        current = step;
                        await RunAsync(step, transaction, info.Version, cancellationToken).ConfigureAwait(false);
                    }

                    if (part.IsRecorded)
                    {
                        current = _history.InsertProgress(info.Version, part.Key);
                        await StepExecutor.ExecuteAsync(_connection, transaction, current, cancellationToken).ConfigureAwait(false);
                    }

                    if (transaction is not null)
                    {
                        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    }
                }, cancellationToken).ConfigureAwait(false);
            }

            await using var last = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            current = await migration.HistoryRowAsync(_history, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds).ConfigureAwait(false);
            await StepExecutor.ExecuteAsync(_connection, last, current, cancellationToken).ConfigureAwait(false);
            current = _history.DeleteProgress(info.Version);
            await StepExecutor.ExecuteAsync(_connection, last, current, cancellationToken).ConfigureAwait(false);
            await last.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            RunnerLog.Failed(_logger, info.Version, info.Description, "it runs in parts without one transaction: the parts that completed stay applied and recorded, and the next run continues with the part that failed");
            throw await FailedAsync(info, current, e, transactional: false, []).ConfigureAwait(false);
        }

        LogDone(migration, started);
    }

    /// <summary>The error to throw for a failed step, with what the database's error found and what to do, once the work is rolled back.</summary>
    private async Task<MigrationException> FailedAsync(MigrationInfo info, SqlStep? step, Exception error, bool transactional, IReadOnlyList<string> stayed)
    {
        string? explanation;
        try
        {
            using var limit = new CancellationTokenSource(ExplanationLimit);
            explanation = await FailureExplanation.ExplainAsync(_connection, step?.Source, _classify(error), limit.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Explaining an error must never replace it.
        catch (Exception)
#pragma warning restore CA1031
        {
            explanation = null;
        }

        return new MigrationException(info, step?.Source?.Describe(), step?.Sql, error, transactional, stayed, explanation);
    }

    /// <summary>Runs one planned step, logging it, its progress if it is a bulk load, and why the planner chose it.</summary>
    private async Task RunAsync(SqlStep step, DbTransaction? transaction, long version, CancellationToken cancellationToken)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
#pragma warning disable CA1873 // Masking runs only when the statement is logged: guarded just above.
            RunnerLog.Statement(_logger, version, SqlSecrets.Mask(step.Sql));
#pragma warning restore CA1873
        }

        var what = step.Run is null ? "" : step.Comment ?? SqlSecrets.Mask(step.Sql);
        var progress = new ProgressLine(rowsSoFar => RunnerLog.Progress(_logger, version, what, rowsSoFar), ProgressInterval);
        var rows = await StepExecutor.ExecuteAsync(_connection, transaction, step, cancellationToken, progress).ConfigureAwait(false);
        if (step is { Comment: not null, ReportsRows: true })
        {
            RunnerLog.RowsWritten(_logger, version, step.Comment, rows);
        }
        else if (step.Comment is not null)
        {
            RunnerLog.PlannedStep(_logger, version, step.Comment);
        }
    }

    private void LogDone(PlannedMigration migration, long started)
    {
        var info = migration.Info;
        var total = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (migration.Up)
        {
            RunnerLog.Applied(_logger, info.Version, info.Description, total, migration.Plan.Steps.Count);
        }
        else
        {
            RunnerLog.Reverted(_logger, info.Version, info.Description, total, migration.Plan.Steps.Count);
        }
    }

    private static async Task RollBackQuietlyAsync(DbTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The original error is what matters; a failed rollback (e.g. after a failed commit) must not hide it.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
