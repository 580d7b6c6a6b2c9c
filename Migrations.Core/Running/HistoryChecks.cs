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
    /// applied: running them now runs them after migrations that were written to follow them.
    /// </summary>
    public static IReadOnlyList<(MigrationInfo Info, long Newest)> OutOfOrder(
        MigrationCatalog catalog, IReadOnlyList<AppliedMigration> applied, long targetVersion)
    {
        var kept = applied.Where(a => a.Version <= targetVersion).Select(a => a.Version).ToHashSet();
        if (kept.Count == 0)
        {
            return [];
        }

        var newest = kept.Max();
        return catalog.Migrations
            .Where(m => m.Version < newest && !kept.Contains(m.Version))
            .Select(m => (m, newest))
            .ToArray();
    }

    public static string ChangedProblem(MigrationInfo info, AppliedMigration row) =>
        $"Migration {info} was edited after it was applied on {row.AppliedAt:yyyy-MM-dd HH:mm:ss zzz}: its operations no longer match the checksum in the history, so the database may not have what the code now says. " +
        "Nothing was run. Undo the edit and make the change in a new migration; if the database already has the edited form (changed by hand), call RepairAsync to record the current checksums; " +
        "to run anyway this once, set AllowChangedMigrations.";

    public static string OutOfOrderProblem(MigrationInfo info, long newest) =>
        $"Migration {info} is pending but version {newest} is already applied: running it now would run it after migrations written to follow it (out of order). " +
        $"Nothing was run. Give it a version above {newest}, or set AllowOutOfOrder to apply it anyway (it is then logged as applied out of order).";
}
