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
        var expected = await BuildAsync(dialect, runner, migrations, cancellationToken).ConfigureAwait(false);
        var version = migrations.Count == 0 ? 0 : migrations.Max(m => m.Version);
        return SchemaDrift.Compare(dialect.Name, version, expected, actual, table => !IsHistory(table, runner.History));
    }

    public static async Task<SchemaModel> BuildAsync(IMigrationDialect dialect, MigrationRunnerOptions runner, IReadOnlyList<MigrationInfo> migrations, CancellationToken cancellationToken)
    {
        var shadow = await dialect.CreateShadowAsync(cancellationToken).ConfigureAwait(false);
        await using (shadow.ConfigureAwait(false))
        {
            if (migrations.Count > 0)
            {
                // Exactly the given migrations, in version order, as they are in the code now.
                var options = runner.Copy();
                options.Assemblies.Clear();
                options.MigrationTypes.Clear();
                options.Add([.. migrations.Select(m => m.Type)]);
                (options.AllowChangedMigrations, options.AllowOutOfOrder, options.Lint) = (true, true, Linting.LintMode.Off);
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

            var connection = await shadow.Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return await shadow.Dialect.ReadSchemaAsync(connection.Connection, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The history table and its progress table: the runner's own, kept apart from the schema.</summary>
    public static bool IsHistory(TableName table, HistoryTableOptions history) =>
        (history.Schema is null || string.Equals(table.Schema, history.Schema, StringComparison.Ordinal)) &&
        (table.Name == history.TableName || table.Name == history.TableName + "_progress");
}
