using System.Data.Common;
using Migrations.Dialects;

namespace Migrations.Running;

/// <summary>The run once it knows its work: plan every migration, check them, then apply or revert them in order.</summary>
public sealed partial class MigrationRunner
{
    /// <summary>Plans and checks every migration of the run, then applies or reverts them in order.</summary>
    private async Task ApplyAsync(DbConnection connection, IHistoryTableSql history, bool historyExists, List<PlannedMigration> work, CancellationToken cancellationToken)
    {
        await PlanAllAsync(connection, history, work, cancellationToken).ConfigureAwait(false);
        await CheckSafetyAsync(connection, work, cancellationToken).ConfigureAwait(false);
        if (!historyExists)
        {
            foreach (var step in history.CreateIfMissing())
            {
                await StepExecutor.ExecuteAsync(connection, null, step, cancellationToken).ConfigureAwait(false);
            }
        }

        var executor = new MigrationExecutor(connection, history, _logger, _dialect.Classify);
        var planIsStale = false;
        foreach (var migration in work)
        {
            if (planIsStale || !migration.Plan.IsExact)
            {
                // Earlier raw SQL changed the schema in ways only the database knows: plan again now that it has run.
                planIsStale = true;
                migration.Plan = await _dialect.CreatePlanner(connection, _planning).PlanAsync(migration.PlanningOperations, cancellationToken).ConfigureAwait(false);
            }

            await executor.ExecuteAsync(migration, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// On another thread, while the run plans, checks and applies, works out what only later steps
    /// need: each migration's checksum, in the order they run (the first in a process also loads the
    /// JSON serializer), then the code's identity if the run will remember the history it leaves.
    /// Stops when the run ends; anything not computed is computed when it is needed.
    /// </summary>
    private void WorkAhead(List<PlannedMigration> work, bool remember, CancellationToken stop)
    {
        var ahead = work.Where(w => w.ChecksumAhead).ToArray();
        _ = Task.Run(() =>
        {
            foreach (var migration in ahead)
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                try
                {
                    _ = migration.ChecksumAsync();
                }
                catch (Exception)
                {
                    // Thrown again, and reported, when the migration runs and asks for its checksum.
                }
            }

            if (remember && !stop.IsCancellationRequested)
            {
                _ = _codeIdentity.Value;
            }
        }, CancellationToken.None);
    }

    private async Task PlanAllAsync(DbConnection connection, IHistoryTableSql history, List<PlannedMigration> work, CancellationToken cancellationToken)
    {
        var planner = _dialect.CreatePlanner(connection, _planning);
        var problems = new List<string>();
        var resumed = false;
        foreach (var migration in work)
        {
            if (resumed)
            {
                // The schema a resumed migration leaves is known only once it has run: planned again then.
                migration.Plan = (await planner.PlanAsync(migration.PlanningOperations, cancellationToken).ConfigureAwait(false)) with { IsExact = false };
                continue;
            }

            MigrationPlanningException? refused;
            try
            {
                migration.Plan = await planner.PlanAsync(migration.PlanningOperations, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (MigrationPlanningException e)
            {
                refused = e;
            }

            if (migration.Up && await HasRecordedPartsAsync(connection, history, migration.Info.Version, cancellationToken).ConfigureAwait(false))
            {
                // A migration run in parts was stopped: the parts it completed already changed what the checks compare with.
                planner = _dialect.CreatePlanner(connection, _planning.ForResumedMigration());
                migration.Plan = await planner.PlanAsync(migration.PlanningOperations, cancellationToken).ConfigureAwait(false);
                resumed = true;
                continue;
            }

            problems.Add($"Migration {migration.Info} ({(migration.Up ? "Up" : "Down")}), {refused.Operation.Describe()}: {refused.Message}");
        }

        if (problems.Count > 0)
        {
            throw new MigrationValidationException(problems);
        }
    }

    /// <summary>Whether a migration run in parts has completed parts on record; false when there is no record at all.</summary>
    private static async Task<bool> HasRecordedPartsAsync(DbConnection connection, IHistoryTableSql history, long version, CancellationToken cancellationToken)
    {
        try
        {
            return (await StepExecutor.QueryAsync(connection, history.SelectProgress(version), r => r.GetString(0), cancellationToken).ConfigureAwait(false)).Count > 0;
        }
        catch (DbException)
        {
            // No progress table: nothing was ever run in parts here.
            return false;
        }
    }
}
