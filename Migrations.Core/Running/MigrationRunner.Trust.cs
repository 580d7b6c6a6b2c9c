using System.Data.Common;
using Microsoft.Extensions.Logging;
using Migrations.Dialects;
using Migrations.Linting;
using Migrations.Schema;

namespace Migrations.Running;

/// <summary>
/// What the runner checks so that a deploy cannot quietly hurt the database: edited and
/// out-of-order migrations, the safety findings of a run, drift from the migrations' schema,
/// and the two explicit ways to reconcile history with a database (repair and baseline).
/// </summary>
public sealed partial class MigrationRunner
{
    /// <summary>
    /// Records the current checksum (and description) of every applied migration whose history row
    /// differs from the code, so that edited migrations are accepted from now on. Use it when the
    /// database already has what the edited migrations say (the change was also made by hand, say);
    /// otherwise undo the edit and write a new migration. Runs nothing else.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait for the lock and the writes.</param>
    /// <returns>The migrations whose history rows were rewritten.</returns>
    public async Task<IReadOnlyList<MigrationInfo>> RepairAsync(CancellationToken cancellationToken = default)
    {
        var catalog = Catalog();
        return await WithLockAsync(async connection =>
        {
            var history = _dialect.History(_options.History);
            var (_, applied) = await ReadHistoryAsync(connection, history, null, cancellationToken).ConfigureAwait(false);
            var repaired = new List<MigrationInfo>();
            foreach (var row in applied)
            {
                if (catalog.Find(row.Version) is { } info && (ChecksumOf(info) != row.Checksum || info.Description != row.Description))
                {
                    await StepExecutor.ExecuteAsync(connection, null, history.Update(info.Version, info.Description, ChecksumOf(info)), cancellationToken).ConfigureAwait(false);
                    RunnerLog.Repaired(_logger, info.Version, info.Description);
                    repaired.Add(info);
                }
            }

            return (IReadOnlyList<MigrationInfo>)repaired;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Compares the database's schema with the schema its applied migrations make, object by object:
    /// tables, columns (type, nullability, default), keys, foreign keys, checks, indexes, sequences,
    /// enum types and views. The migrations run in an empty shadow database of the same kind (on
    /// PostgreSQL, a database made on the same server and dropped after; the role needs CREATEDB).
    /// </summary>
    /// <param name="cancellationToken">Cancels the reads and the shadow run.</param>
    /// <returns>The differences; <see cref="SchemaDrift.IsClean"/> when there are none.</returns>
    public async Task<SchemaDrift> GetDriftAsync(CancellationToken cancellationToken = default)
    {
        var catalog = Catalog();
        using var limit = WaitLimit(cancellationToken);
        await using var connection = await OpenAsync(limit.Token, cancellationToken).ConfigureAwait(false);
        var (_, applied) = await ReadHistoryAsync(connection.Connection, _dialect.History(_options.History), null, cancellationToken).ConfigureAwait(false);
        var actual = await _dialect.ReadSchemaAsync(connection.Connection, cancellationToken).ConfigureAwait(false);
        var known = applied.Select(a => catalog.Find(a.Version)).OfType<MigrationInfo>().ToArray();
        var drift = await ShadowSchema.DriftAsync(_dialect, _options, actual, known, cancellationToken).ConfigureAwait(false);
        return drift with { UnknownVersions = applied.Where(a => catalog.Find(a.Version) is null).Select(a => a.Version).ToArray() };
    }

    /// <summary>
    /// Records the known migrations up to <paramref name="version"/> that the history lacks as applied,
    /// without running them: for a database made before the team used migrations (the history is
    /// empty), or one whose changes were made by hand and then captured in a migration (see
    /// <see cref="DiffAsync"/>). The next run applies only the later ones. By default the database's
    /// schema is first compared with the schema the migrations up to the version make (see
    /// <see cref="GetDriftAsync"/>), and nothing is recorded unless they match.
    /// </summary>
    /// <param name="version">The version the database's schema stands at: a known migration's version.</param>
    /// <param name="verifySchema">Compare the schema first; false records the rows on your word alone.</param>
    /// <param name="cancellationToken">Cancels the wait for the lock, the comparison and the writes.</param>
    /// <returns>The migrations recorded as applied.</returns>
    /// <exception cref="MigrationValidationException">The version is unknown, the history already records every migration up to it or a later one, or the schema differs.</exception>
    public async Task<IReadOnlyList<MigrationInfo>> BaselineAsync(long version, bool verifySchema = true, CancellationToken cancellationToken = default)
    {
        var catalog = Catalog();
        if (catalog.Find(version) is null)
        {
            throw new MigrationValidationException([
                $"Cannot baseline at version {version}: no known migration has it. Give the version of the last migration whose changes the database already has ({catalog.Migrations[0].Version} to {catalog.Migrations[^1].Version} are known).",
            ]);
        }

        var upTo = catalog.Migrations.Where(m => m.Version <= version).ToArray();
        return await WithLockAsync(async connection =>
        {
            var history = _dialect.History(_options.History);
            var (exists, applied) = await ReadHistoryAsync(connection, history, null, cancellationToken).ConfigureAwait(false);
            if (applied.Any(a => a.Version > version))
            {
                throw new MigrationValidationException([
                    $"Cannot baseline at version {version}: the history already records later migrations ({string.Join(", ", applied.Where(a => a.Version > version).Select(a => a.Version))}); nothing was recorded. " +
                    "Baseline at the newest version the database has, or run MigrateAsync to apply what is pending.",
                ]);
            }

            var migrations = upTo.Where(m => !applied.Any(a => a.Version == m.Version)).ToArray();
            if (migrations.Length == 0)
            {
                throw new MigrationValidationException([
                    $"Cannot baseline at version {version}: the history already records {applied.Count} applied migrations (versions {applied[0].Version} to {applied[^1].Version}), every one up to that version; nothing was recorded. " +
                    "Run MigrateAsync to apply what is pending.",
                ]);
            }

            if (verifySchema)
            {
                var actual = await _dialect.ReadSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
                var drift = await ShadowSchema.DriftAsync(_dialect, _options, actual, upTo, cancellationToken).ConfigureAwait(false);
                if (!drift.IsClean)
                {
                    throw new MigrationValidationException([
                        $"Cannot baseline at version {version}: the database's schema is not what the migrations up to {version} make, so recording them as applied would be untrue; nothing was recorded. " +
                        "Make the database match, baseline at the version it does match, or pass verifySchema: false if the differences are meant to stay.",
                        .. drift.Differences.Select(d => d.ToString()),
                    ]);
                }
            }

            await RecordBaselineAsync(connection, history, exists, migrations, cancellationToken).ConfigureAwait(false);
            RunnerLog.Baselined(_logger, version, migrations.Length);
            return (IReadOnlyList<MigrationInfo>)migrations;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the history table when missing and writes the baseline's rows in one transaction.</summary>
    private async Task RecordBaselineAsync(DbConnection connection, IHistoryTableSql history, bool exists, IReadOnlyList<MigrationInfo> migrations, CancellationToken cancellationToken)
    {
        if (!exists)
        {
            foreach (var step in history.CreateIfMissing())
            {
                await StepExecutor.ExecuteAsync(connection, null, step, cancellationToken).ConfigureAwait(false);
            }
        }

        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            foreach (var info in migrations)
            {
                await StepExecutor.ExecuteAsync(connection, transaction, history.Insert(info.Version, info.Description, 0, ChecksumOf(info)), cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Logs the run's safety findings and, when the options say so, refuses errors before any SQL.</summary>
    private async Task CheckSafetyAsync(DbConnection connection, IReadOnlyList<PlannedMigration> work, CancellationToken cancellationToken)
    {
        if (_options.Lint == LintMode.Off)
        {
            return;
        }

        var report = await MigrationLinter.LintAsync(_dialect, connection, work, cancellationToken).ConfigureAwait(false);
        foreach (var finding in report.Findings)
        {
            var level = finding.SuppressedBecause is not null ? LogLevel.Debug : finding.Rule.Severity == LintSeverity.Info ? LogLevel.Information : LogLevel.Warning;
            RunnerLog.Finding(_logger, level, finding.Rule.Id, finding);
        }

        if (_options.Lint == LintMode.RefuseErrors && report.Errors.Count > 0)
        {
            throw new MigrationValidationException([
                $"{report.Errors.Count} safety {(report.Errors.Count == 1 ? "finding is an error" : "findings are errors")} and Lint is RefuseErrors, so nothing was run. " +
                "Make each change the safe way it names, or accept it with AllowUnsafe(ruleId, reason) after the operation (or [AllowUnsafe] on the migration).",
                .. report.Errors.Select(e => e.ToString()),
            ]);
        }
    }

    /// <summary>
    /// Refuses edited and out-of-order migrations before anything runs, unless the options allow them
    /// (then logs them). The checksums are not computed when this code was already compared with
    /// these rows (<paramref name="checkedBefore"/>).
    /// </summary>
    /// <returns>Whether every applied migration matches its history row.</returns>
    private bool CheckHistory(MigrationCatalog catalog, IReadOnlyList<AppliedMigration> applied, long targetVersion, bool checkedBefore)
    {
        var problems = new List<string>();
        var changed = checkedBefore ? [] : HistoryChecks.Changed(catalog, applied, Matches);
        foreach (var (info, row) in changed)
        {
            if (_options.AllowChangedMigrations)
            {
                RunnerLog.ChangedAccepted(_logger, info.Version, info.Description);
            }
            else
            {
                problems.Add(HistoryChecks.ChangedProblem(info, row));
            }
        }

        foreach (var info in HistoryChecks.OutOfOrder(catalog, applied, targetVersion, out var newest))
        {
            if (_options.AllowOutOfOrder)
            {
                RunnerLog.OutOfOrder(_logger, info.Version, info.Description, newest);
            }
            else
            {
                problems.Add(HistoryChecks.OutOfOrderProblem(info, newest));
            }
        }

        return problems.Count > 0 ? throw new MigrationValidationException(problems) : changed.Count == 0;
    }
}
