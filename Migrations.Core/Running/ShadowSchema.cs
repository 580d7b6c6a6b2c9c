using System.Data.Common;
using Migrations.Dialects;
using Migrations.Operations;
using Migrations.Schema;

namespace Migrations.Running;

/// <summary>
/// The schema a list of migrations makes, learnt by running them in a shadow database of the same
/// kind and reading it back with the same reader as the real one. A simulation would miss what raw
/// SQL makes and spell defaults and checks differently from the catalog; running them cannot.
/// </summary>
internal static class ShadowSchema
{
    public static async Task<SchemaDrift> DriftAsync(
        IMigrationDialect dialect, MigrationRunnerOptions runner, SchemaModel actual, IReadOnlyList<MigrationInfo> migrations, CancellationToken cancellationToken)
    {
        var (expected, restated) = await CompareAsync(dialect, runner, actual, migrations, cancellationToken).ConfigureAwait(false);
        var version = migrations.Count == 0 ? 0 : migrations.Max(m => m.Version);
        return SchemaDrift.Compare(dialect.Name, version, expected, restated, table => !runner.History.IsRunnerTable(table));
    }

    /// <summary>
    /// The schema the migrations make, and <paramref name="actual"/> with each check that differs from
    /// the expected one in text only put in the words the database uses for the expected one.
    /// </summary>
    public static async Task<(SchemaModel Expected, SchemaModel Actual)> CompareAsync(
        IMigrationDialect dialect, MigrationRunnerOptions runner, SchemaModel actual, IReadOnlyList<MigrationInfo> migrations, CancellationToken cancellationToken)
    {
        var shadow = await dialect.CreateShadowAsync(cancellationToken).ConfigureAwait(false);
        await using (shadow.ConfigureAwait(false))
        {
            if (migrations.Count > 0)
            {
                await MigrateAsync(shadow, dialect, runner, migrations, cancellationToken).ConfigureAwait(false);
            }

            SchemaModel expected;
            var connection = await shadow.Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                expected = await shadow.Dialect.ReadSchemaAsync(connection.Connection, cancellationToken).ConfigureAwait(false);
            }

            return (expected, await RestateChecksAsync(shadow, expected, actual, cancellationToken).ConfigureAwait(false));
        }
    }

    private static async Task MigrateAsync(IShadowDatabase shadow, IMigrationDialect dialect, MigrationRunnerOptions runner, IReadOnlyList<MigrationInfo> migrations, CancellationToken cancellationToken)
    {
        // Exactly the given migrations, in version order, as they are in the code now.
        var options = runner.Copy();
        options.Assemblies.Clear();
        options.MigrationTypes.Clear();
        options.Add([.. migrations.Select(m => m.Type)]);
        (options.AllowChangedMigrations, options.AllowOutOfOrder, options.Lint) = (true, true, Linting.LintMode.Off);

        // The scratch database is this comparison's alone: no other process to wait for, and opening a
        // new database must not count against the wait a fleet allows a busy one (LockTimeout).
        options.LockTimeout = null;
        try
        {
            await new MigrationRunner(shadow.Dialect, options).MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MigrationException or MigrationValidationException or DbException)
        {
            throw new InvalidOperationException(
                $"The schema the migrations make could not be learnt: they failed in an empty scratch {dialect.Name} database ({e.Message}). " +
                "Migrations that need objects made outside them (roles, extensions, data) cannot be compared this way.", e);
        }
    }

    /// <summary>
    /// A check whose text differs from the expected check of the same name is declared again in the
    /// shadow database; when the database then prints it as it prints the expected one, they are the same check.
    /// </summary>
    private static async Task<SchemaModel> RestateChecksAsync(IShadowDatabase shadow, SchemaModel expected, SchemaModel actual, CancellationToken cancellationToken)
    {
        var tables = new List<TableModel>();
        foreach (var table in actual.Tables)
        {
            var theirs = expected.Tables.FirstOrDefault(t => t.Name == table.Name);
            var checks = new List<CheckConstraint>();
            foreach (var check in table.CheckConstraints)
            {
                var expectedCheck = theirs?.CheckConstraints.FirstOrDefault(c => c.Name == check.Name);
                var restated = expectedCheck is null || expectedCheck.Expression == check.Expression
                    ? null
                    : await shadow.RestateCheckAsync(table.Name, check.Expression, cancellationToken).ConfigureAwait(false);
                checks.Add(restated is not null && restated == expectedCheck!.Expression ? expectedCheck : check);
            }

            tables.Add(table with { CheckConstraints = checks });
        }

        return actual with { Tables = tables };
    }
}
