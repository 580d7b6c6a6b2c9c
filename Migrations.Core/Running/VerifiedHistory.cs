using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Migrations.Dialects;

namespace Migrations.Running;

/// <summary>
/// Remembers in the database which code was checked against which history, so that a start with
/// the same build on the same history skips recomputing every applied migration's checksum (in a
/// fresh process that is compiling each migration's Up: most of a no-op start). Any change to the
/// code (see <see cref="CodeIdentity"/>) or to the history's versions and checksums misses, and the
/// checksums are computed and compared as on every start before. Reads and writes are best effort:
/// when the table cannot be read or written, the run checks the slow way and goes on.
/// </summary>
internal sealed class VerifiedHistory
{
    private readonly VerifiedTableSql _table;
    private readonly Lazy<string?> _code;
    private readonly ILogger _logger;

    /// <summary>Set once this run read the table: recording then needs no CREATE (which PostgreSQL answers with a notice when the table exists).</summary>
    private bool _tableRead;

    private VerifiedHistory(VerifiedTableSql table, Lazy<string?> code, ILogger logger) => (_table, _code, _logger) = (table, code, logger);

    /// <summary>
    /// The memory for a run, or null when there is none to use: a dialect with its own history table,
    /// or checks forced on every start. The code's identity is worked out only when a question needs it
    /// (an empty history asks nothing); code without a lasting identity is never remembered.
    /// </summary>
    public static VerifiedHistory? For(IHistoryTableSql history, Lazy<string?> code, MigrationRunnerOptions options, ILogger logger) =>
        IsKept(history, options) ? new VerifiedHistory(((HistoryTableSql)history).Verified, code, logger) : null;

    /// <summary>Whether runs with this history and these options keep the memory (and so need the code's identity).</summary>
    public static bool IsKept(IHistoryTableSql history, MigrationRunnerOptions options) => !options.ChecksumEveryStart && history is HistoryTableSql;

    /// <summary>Whether this code was already checked against exactly these history rows.</summary>
    public async Task<bool> IsVerifiedAsync(DbConnection connection, AppliedVersions applied, CancellationToken cancellationToken)
    {
        if (applied.Versions.Length == 0 || _code.Value is not { } code)
        {
            return false;
        }

        try
        {
            var count = await StepExecutor.ScalarAsync(connection, _table.Count(code, applied.Digest), cancellationToken).ConfigureAwait(false);
            _tableRead = true;
            return Convert.ToInt64(count, CultureInfo.InvariantCulture) > 0;
        }
        catch (DbException)
        {
            // Not made yet (the first run of a database), or not readable by this role.
            return false;
        }
    }

    /// <summary>Records that this code matches these history rows.</summary>
    public async Task RecordAsync(DbConnection connection, AppliedVersions applied, CancellationToken cancellationToken)
    {
        if (applied.Versions.Length == 0 || _code.Value is not { } code)
        {
            return;
        }

        var history = applied.Digest;
        try
        {
            foreach (var step in (_tableRead ? [] : _table.CreateIfMissing()).Append(_table.DeleteOthers(history)).Append(_table.Insert(code, history)))
            {
                await StepExecutor.ExecuteAsync(connection, null, step, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DbException e)
        {
            RunnerLog.VerifiedNotRecorded(_logger, e);
        }
    }
}
