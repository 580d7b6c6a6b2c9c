using System.Data.Common;
using Migrations.Dialects;

namespace Migrations.Running;

/// <summary>The runner's connection and run lock, each waited for no longer than the options allow.</summary>
public sealed partial class MigrationRunner
{
    /// <summary>Opens the run's connection, waiting (up to LockTimeout) while another process has the database to itself.</summary>
    private async Task<DialectConnection> OpenAsync(CancellationToken limit, CancellationToken cancellationToken)
    {
        try
        {
            return await _dialect.OpenAsync(limit).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Waited {_options.LockTimeout} to open the database on {_dialect.Name}: {e.Message} Raise LockTimeout, or start once the other process has finished.", e);
        }
    }

    /// <summary>A token that ends the wait for the database after LockTimeout, or with the caller's.</summary>
    private CancellationTokenSource WaitLimit(CancellationToken cancellationToken)
    {
        var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        switch (_options.LockTimeout)
        {
            case { } timeout when timeout <= TimeSpan.Zero:
                limit.Dispose();
                throw new MigrationValidationException([$"LockTimeout is {timeout}: give a positive time, or leave it unset to wait as long as it takes."]);
            case { } timeout:
                limit.CancelAfter(timeout);
                break;
        }

        return limit;
    }

    private async Task<IAsyncDisposable> LockAsync(DbConnection connection, CancellationToken limit, CancellationToken cancellationToken)
    {
        try
        {
            return await _dialect.AcquireLockAsync(connection, limit).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Waited {_options.LockTimeout} for the migration lock on {_dialect.Name}: another instance is still migrating this database. " +
                "Raise LockTimeout, or let this instance start once the other has finished.");
        }
    }

    /// <summary>
    /// Releases the run's lock. A failure here (the connection died with the migration's own error,
    /// say) must never replace the error being reported, nor fail a run whose migrations succeeded.
    /// </summary>
    private async Task ReleaseAsync(IAsyncDisposable runLock)
    {
        try
        {
            await runLock.DisposeAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever went wrong releasing, the run's own outcome is what the caller must see.
        catch (Exception e)
#pragma warning restore CA1031
        {
            RunnerLog.LockReleaseFailed(_logger, _dialect.Name, e);
        }
    }
}
