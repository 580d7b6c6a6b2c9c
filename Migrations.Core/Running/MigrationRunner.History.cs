using System.Data.Common;
using Migrations.Dialects;

namespace Migrations.Running;

/// <summary>Reading the history table: the whole of it, or at a start only what deciding "nothing to do" needs.</summary>
public sealed partial class MigrationRunner
{
    /// <summary>
    /// Whether this code was already compared with exactly these rows: by this runner (its last
    /// matched reading), or by any run of the same build, as the record of compared builds says.
    /// </summary>
    private async Task<bool> CheckedBeforeAsync(DbConnection connection, AppliedVersions applied, VerifiedHistory? verified, CancellationToken cancellationToken) =>
        applied.Versions.Length > 0 &&
        (applied.SameAs(_matched) || (verified is not null && await verified.IsVerifiedAsync(connection, applied, cancellationToken).ConfigureAwait(false)));

    /// <summary>Reads every history row; <paramref name="failedRead"/> is a read of the table that already failed, so the table is only looked for.</summary>
    private static async Task<(bool Exists, IReadOnlyList<AppliedMigration> Rows)> ReadHistoryAsync(DbConnection connection, IHistoryTableSql history, Exception? failedRead, CancellationToken cancellationToken)
    {
        // Read first and ask about existence only when that fails: catalog lookups cost milliseconds
        // on databases with many tables, and the table exists on every run but the first.
        if (failedRead is null)
        {
            try
            {
                var rows = await StepExecutor.QueryAsync(connection, history.SelectAll(), r => new AppliedMigration(
                    r.GetInt64(0),
                    r.GetString(1),
                    r.GetFieldValue<DateTimeOffset>(2),
                    r.GetInt64(3),
                    r.GetString(4)), cancellationToken).ConfigureAwait(false);
                return (true, VersionOrder.Sorted(rows));
            }
            catch (Exception e) when (e is DbException or InvalidCastException or FormatException)
            {
                failedRead = e;
            }
        }

        if (history is HistoryTableSql own && own.SaysMissing(failedRead))
        {
            // The database said which table is missing: a first run, with nothing to ask the catalog.
            return (false, []);
        }

        var count = await StepExecutor.ScalarAsync(connection, history.Exists(), cancellationToken).ConfigureAwait(false);
        if (Convert.ToInt64(count, System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            // The runner will not guess which migrations are applied.
            throw new InvalidOperationException(
                $"The history table exists but cannot be read as one ({failedRead.Message.Trim()}): it needs the columns version (integer), description (text), applied_at (timestamp with time zone), " +
                "execution_ms (integer) and checksum (text), in that order of meaning. Restore it from a backup or repair its columns; nothing was changed.", failedRead);
        }

        return (false, []);
    }
}
