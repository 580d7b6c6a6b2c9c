using System.Data.Common;
using Migrations.Dialects;
using Migrations.Running;
using Migrations.Schema;

namespace Migrations.Testing;

/// <summary>
/// Checks every migration set should pass, one call each, usable from any test framework: each
/// throws a <see cref="MigrationCheckException"/> naming the migration and the object, and returns
/// quietly when all is well. Run them on an empty throwaway database (for example a test kit
/// database created with <c>UpTo(0)</c>).
/// </summary>
public static class MigrationChecks
{
    /// <summary>The environment variable that, set to 1, makes <see cref="VerifySnapshotAsync"/> write the snapshot instead of comparing.</summary>
    public const string UpdateSnapshotsVariable = "MIGRATIONS_UPDATE_SNAPSHOTS";

    /// <summary>
    /// Every migration in order applies, and its Down undoes it: after Up then Down the schema is as
    /// it was before the migration (compared object by object as read from the database, not as
    /// SQL text), and Up again gives the same schema as the first Up. Anything a Down leaves behind
    /// or takes away is named.
    /// </summary>
    /// <param name="dialect">The empty database.</param>
    /// <param name="options">The migrations.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public static async Task VerifyRoundTripsAsync(IMigrationDialect dialect, MigrationRunnerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(options);
        var runner = new MigrationRunner(dialect, options);
        var problems = new List<string>();
        var before = await LinesAsync(dialect, options, cancellationToken).ConfigureAwait(false);
        var previous = 0L;
        foreach (var migration in runner.Migrations)
        {
            if (await StepAsync(runner, migration.Version, $"Migration {migration}: Up failed", problems, cancellationToken).ConfigureAwait(false) is false)
            {
                break;
            }

            var after = await LinesAsync(dialect, options, cancellationToken).ConfigureAwait(false);
            if (await StepAsync(runner, previous, $"Migration {migration}: Down failed", problems, cancellationToken).ConfigureAwait(false))
            {
                var back = await LinesAsync(dialect, options, cancellationToken).ConfigureAwait(false);
                problems.AddRange(SchemaText.Differences(before, back).Select(d => $"Migration {migration}: after Down, {d}"));
                if (await StepAsync(runner, migration.Version, $"Migration {migration}: Up after Down failed", problems, cancellationToken).ConfigureAwait(false) is false)
                {
                    break;
                }

                var again = await LinesAsync(dialect, options, cancellationToken).ConfigureAwait(false);
                problems.AddRange(SchemaText.Differences(after, again).Select(d => $"Migration {migration}: Up after Down differs from the first Up, {d}"));
            }

            (before, previous) = (after, migration.Version);
        }

        if (problems.Count > 0)
        {
            throw new MigrationCheckException("Round trips (Up, Down, Up) of every migration", problems);
        }
    }

    /// <summary>
    /// The schema the migrations build matches a snapshot file: one line per object, sorted, so a
    /// change shows in review as changed lines. With <see cref="UpdateSnapshotsVariable"/> set to 1
    /// the file is written instead (commit it with the migration that changed it); a missing file is
    /// written and reported.
    /// </summary>
    /// <param name="dialect">The empty database.</param>
    /// <param name="options">The migrations.</param>
    /// <param name="snapshotPath">The snapshot file, kept with the tests.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public static async Task VerifySnapshotAsync(IMigrationDialect dialect, MigrationRunnerOptions options, string snapshotPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(options);
        await new MigrationRunner(dialect, options).MigrateAsync(cancellationToken).ConfigureAwait(false);
        var actual = await LinesAsync(dialect, options, cancellationToken).ConfigureAwait(false);
        var text = string.Join("\n", actual) + "\n";
        var update = Environment.GetEnvironmentVariable(UpdateSnapshotsVariable) == "1";
        if (update || !File.Exists(snapshotPath))
        {
            await File.WriteAllTextAsync(snapshotPath, text, cancellationToken).ConfigureAwait(false);
            if (update)
            {
                return;
            }

            throw new MigrationCheckException("Schema snapshot", [$"{snapshotPath} did not exist and has been written: review it and commit it with the tests."]);
        }

        var expected = (await File.ReadAllTextAsync(snapshotPath, cancellationToken).ConfigureAwait(false)).Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var differences = SchemaText.Differences(expected, actual).Select(d => d.Replace("left behind: ", "new: ", StringComparison.Ordinal)).ToList();
        if (differences.Count > 0)
        {
            differences.Add($"If the change is intended, run the tests with {UpdateSnapshotsVariable}=1 and commit {Path.GetFileName(snapshotPath)}.");
            throw new MigrationCheckException($"Schema snapshot {snapshotPath}", differences);
        }
    }

    /// <summary>
    /// Data survives a migration: rows written by <paramref name="arrange"/> on the schema just
    /// before <paramref name="version"/> are checked by <paramref name="assert"/> after it.
    /// </summary>
    /// <param name="dialect">The empty database.</param>
    /// <param name="options">The migrations.</param>
    /// <param name="version">The migration under test.</param>
    /// <param name="arrange">Writes rows, on the schema of the version before.</param>
    /// <param name="assert">Reads them back after the migration (throw to fail).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public static async Task VerifyDataAsync(IMigrationDialect dialect, MigrationRunnerOptions options, long version, Func<DbConnection, Task> arrange, Func<DbConnection, Task> assert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(arrange);
        ArgumentNullException.ThrowIfNull(assert);
        var runner = new MigrationRunner(dialect, options);
        var earlier = runner.Migrations.Where(m => m.Version < version).Select(m => m.Version).DefaultIfEmpty(0).Max();
        await runner.MigrateToAsync(earlier, cancellationToken).ConfigureAwait(false);
        await using (var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await arrange(connection.Connection).ConfigureAwait(false);
        }

        await runner.MigrateToAsync(version, cancellationToken).ConfigureAwait(false);
        await using (var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await assert(connection.Connection).ConfigureAwait(false);
        }
    }

    private static async Task<bool> StepAsync(MigrationRunner runner, long version, string failure, List<string> problems, CancellationToken cancellationToken)
    {
        try
        {
            await runner.MigrateToAsync(version, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is MigrationException or MigrationValidationException)
        {
            problems.Add($"{failure}: {e.Message}");
            return false;
        }
    }

    /// <summary>The schema as lines, without the runner's own tables.</summary>
    private static async Task<IReadOnlyList<string>> LinesAsync(IMigrationDialect dialect, MigrationRunnerOptions options, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var model = await dialect.ReadSchemaAsync(connection.Connection, cancellationToken).ConfigureAwait(false);
        return SchemaText.Lines(model, t => !options.History.IsRunnerTable(t));
    }
}
