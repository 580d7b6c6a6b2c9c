using System.Data.Common;
using Migrations.Dialects;
using Migrations.Linting;

namespace Migrations.Running;

/// <summary>What a run would do, without running it: scripts and safety findings.</summary>
public sealed partial class MigrationRunner
{
    /// <summary>
    /// The exact SQL that <see cref="MigrateToAsync"/> would run to reach <paramref name="targetVersion"/>,
    /// without running it.
    /// </summary>
    /// <param name="targetVersion">The version to end at; the latest when null.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public Task<string> ScriptAsync(long? targetVersion = null, CancellationToken cancellationToken = default) =>
        ScriptCoreAsync(targetVersion, idempotent: false, cancellationToken);

    /// <summary>
    /// The SQL that takes a database at <paramref name="fromVersion"/> to <paramref name="toVersion"/>,
    /// for a database that is not at hand (a script for a release). The migrations up to
    /// <paramref name="fromVersion"/> run first in an empty shadow database of the same kind, so the
    /// script is planned against the schema they make. With <paramref name="idempotent"/> each
    /// migration runs only where the history lacks it, so one script serves databases at any version
    /// from <paramref name="fromVersion"/> on (PostgreSQL; DuckDB's SQL has no conditional statements).
    /// </summary>
    /// <param name="fromVersion">The version the target database is at: 0 for an empty one.</param>
    /// <param name="toVersion">The version to end at; the latest when null.</param>
    /// <param name="idempotent">Skip each migration the database's history already has.</param>
    /// <param name="cancellationToken">Cancels the shadow run and the planning.</param>
    public async Task<string> ScriptFromAsync(long fromVersion, long? toVersion = null, bool idempotent = false, CancellationToken cancellationToken = default)
    {
        var catalog = Catalog();
        CheckTarget(catalog, fromVersion);
        if (toVersion is { } to)
        {
            CheckTarget(catalog, to);
        }

        if (idempotent && _dialect is not IConditionalScripts)
        {
            throw new MigrationValidationException([
                $"{_dialect.Name}'s SQL has no conditional statements, so a script cannot skip the migrations a database already has. Script from the database itself (ScriptAsync, or script without --idempotent), or from the version it is at.",
            ]);
        }

        var shadow = await _dialect.CreateShadowAsync(cancellationToken).ConfigureAwait(false);
        await using (shadow.ConfigureAwait(false))
        {
            var there = new MigrationRunner(shadow.Dialect, _options.Copy());
            if (fromVersion > 0)
            {
                await there.MigrateToAsync(fromVersion, cancellationToken).ConfigureAwait(false);
            }

            return await there.ScriptCoreAsync(toVersion, idempotent, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<string> ScriptCoreAsync(long? targetVersion, bool idempotent, CancellationToken cancellationToken) =>
        PlanWithoutRunningAsync(targetVersion, async (connection, history, historyExists, work) =>
        {
            var findings = _options.Lint == LintMode.Off ? new LintReport([]) : await MigrationLinter.LintAsync(_dialect, connection, work, cancellationToken).ConfigureAwait(false);
            return await ScriptRenderer.RenderAsync(_dialect, historyExists && !idempotent ? [] : history.CreateIfMissing(), work, history, findings, idempotent).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// The safety findings of the migrations a run would apply to reach <paramref name="targetVersion"/>:
    /// changes that lock tables with rows for long, rewrite them, or break instances of the previous
    /// release still running. Rules read the planned operations; a table made earlier in the same run
    /// counts as new and empty. Runs nothing.
    /// </summary>
    /// <param name="targetVersion">The version to end at; the latest when null.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public Task<LintReport> LintAsync(long? targetVersion = null, CancellationToken cancellationToken = default) =>
        PlanWithoutRunningAsync(targetVersion, (connection, _, _, work) => MigrationLinter.LintAsync(_dialect, connection, work, cancellationToken), cancellationToken);

    /// <summary>Checks and plans what a run to the target would do, as the run would (without its lock), and hands the plan on; runs nothing.</summary>
    private async Task<T> PlanWithoutRunningAsync<T>(long? targetVersion, Func<DbConnection, IHistoryTableSql, bool, List<PlannedMigration>, Task<T>> use, CancellationToken cancellationToken)
    {
        var catalog = Catalog();
        if (targetVersion is { } target)
        {
            CheckTarget(catalog, target);
        }

        using var limit = WaitLimit(cancellationToken);
        await using var connection = await OpenAsync(limit.Token, cancellationToken).ConfigureAwait(false);
        var history = _dialect.History(_options.History);
        var (historyExists, applied) = await ReadHistoryAsync(connection.Connection, history, null, cancellationToken).ConfigureAwait(false);
        CheckHistory(catalog, applied, targetVersion ?? Latest, checkedBefore: false);
        var work = Prepare(catalog, applied, targetVersion ?? Latest);
        await PlanAllAsync(connection.Connection, history, work, cancellationToken).ConfigureAwait(false);
        return await use(connection.Connection, history, historyExists, work).ConfigureAwait(false);
    }
}
