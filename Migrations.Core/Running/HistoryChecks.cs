namespace Migrations.Running;

/// <summary>
/// What the history says about the code before anything runs: applied migrations that were edited
/// since, and pending migrations older than the newest applied one (out of order).
/// </summary>
internal static class HistoryChecks
{
    /// <summary>Applied migrations whose recorded checksum matches neither form of the code's checksum.</summary>
    public static IReadOnlyList<(MigrationInfo Info, AppliedMigration Row)> Changed(
        MigrationCatalog catalog, IReadOnlyList<AppliedMigration> applied, Func<MigrationInfo, AppliedMigration, bool> matches) =>
        applied
            .Select(row => (Info: catalog.Find(row.Version), Row: row))
            .Where(p => p.Info is not null && !matches(p.Info, p.Row))
            .Select(p => (p.Info!, p.Row))
            .ToArray();

    /// <summary>
    /// Pending migrations, up to the target, whose version is below the newest version that stays
    /// applied (<paramref name="newest"/>): running them now runs them after migrations that were
    /// written to follow them. <paramref name="applied"/> is in version order.
    /// </summary>
    public static IReadOnlyList<MigrationInfo> OutOfOrder(
        MigrationCatalog catalog, IReadOnlyList<AppliedMigration> applied, long targetVersion, out long newest)
    {
        newest = 0;
        var index = applied.Count - 1;
        while (index >= 0 && applied[index].Version > targetVersion)
        {
            index--;
        }

        if (index < 0)
        {
            return [];
        }

        newest = applied[index].Version;
        var pending = new List<MigrationInfo>();
        foreach (var migration in catalog.Migrations)
        {
            if (migration.Version >= newest)
            {
                break;
            }

            if (!VersionOrder.Contains(applied, migration.Version))
            {
                pending.Add(migration);
            }
        }

        return pending;
    }

    public static string ChangedProblem(MigrationInfo info, AppliedMigration row) =>
        $"Migration {info} was edited after it was applied on {row.AppliedAt:yyyy-MM-dd HH:mm:ss zzz}: its operations no longer match the checksum in the history, so the database may not have what the code now says. " +
        "Nothing was run. Undo the edit and make the change in a new migration; if the database already has the edited form (changed by hand), call RepairAsync to record the current checksums; " +
        "to run anyway this once, set AllowChangedMigrations.";

    public static string OutOfOrderProblem(MigrationInfo info, long newest) =>
        $"Migration {info} is pending but version {newest} is already applied: running it now would run it after migrations written to follow it (out of order). " +
        $"Nothing was run. Give it a version above {newest}, or set AllowOutOfOrder to apply it anyway (it is then logged as applied out of order).";
}
