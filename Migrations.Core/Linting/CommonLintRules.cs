using Migrations.Operations;

namespace Migrations.Linting;

/// <summary>
/// Rules for every database: changes that break instances of the application still running the
/// previous release while the new one rolls out (or that roll back to it).
/// </summary>
public static class CommonLintRules
{
    private const string OlderReleases = "Instances of the previous release keep running during a rolling deploy (and after a rollback), and their queries fail as soon as the name is gone.";

    /// <summary>Dropping a column of an existing table.</summary>
    public static LintRule DropColumn { get; } = LintRule.Create("M101", LintSeverity.Warning, OlderReleases,
        "Release code that no longer reads or writes the column first; drop it in a migration of a later release.",
        (operation, scope) => operation is DropColumnOperation o && !scope.IsNew(o.Table) ? $"drops column {o.Column} of {o.Table}." : null);

    /// <summary>Renaming a column of an existing table.</summary>
    public static LintRule RenameColumn { get; } = LintRule.Create("M102", LintSeverity.Warning, OlderReleases,
        "Add the new column, write both from the code and backfill it, switch reads to it, then drop the old one in a later release.",
        (operation, scope) => operation is RenameColumnOperation o && !scope.IsNew(o.Table) ? $"renames column {o.Column} of {o.Table} to {o.NewName}." : null);

    /// <summary>Renaming an existing table.</summary>
    public static LintRule RenameTable { get; } = LintRule.Create("M103", LintSeverity.Warning, OlderReleases,
        "Create the new table (or a view under the new name), move the code to it, and drop the old name in a later release.",
        (operation, scope) => operation is RenameTableOperation o && !scope.IsNew(o.Table) ? $"renames table {o.Table} to {o.NewName}." : null);

    /// <summary>Dropping an existing table.</summary>
    public static LintRule DropTable { get; } = LintRule.Create("M104", LintSeverity.Warning, OlderReleases,
        "Release code that no longer uses the table first; drop it in a migration of a later release.",
        (operation, scope) => operation is DropTableOperation o && !scope.IsNew(o.Table) ? $"drops table {o.Table}." : null);

    /// <summary>The rules, in id order.</summary>
    public static IReadOnlyList<LintRule> All { get; } = [DropColumn, RenameColumn, RenameTable, DropTable];
}
