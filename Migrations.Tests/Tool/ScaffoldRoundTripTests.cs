using System.Data.Common;
using DuckDB.NET.Data;
using Migrations.Dialects;
using Migrations.DuckDb;
using Migrations.Postgres;
using Migrations.Schema;
using Migrations.Tests.Support;
using Npgsql;

namespace Migrations.Tests.Tool;

/// <summary>
/// scaffold, proven by round trip: a hand-made database of more than 20 tables is reverse-engineered
/// into a migration in a new project, the project is built and migrates an empty database, and the
/// two schemas read back the same; baseline then records the migration on the source, which it only
/// does when the migration makes exactly the source's schema. Then changes made to the source by
/// hand are captured by diff into a second migration, proven the same way.
/// </summary>
public class ScaffoldRoundTripTests
{
    [Test]
    public async Task A_duckdb_database_scaffolded_and_applied_to_an_empty_one_reads_back_the_same_and_so_do_hand_changes_captured_by_diff()
    {
        using var source = new DuckDbTestDatabase();
        using var target = new DuckDbTestDatabase();
        source.Execute(ScaffoldSchemas.DuckDb);
        await source.Runner(typeof(ScaffoldSchemas.Tickets)).MigrateAsync();

        await RoundTripAsync(new DuckDbDialect(source.ConnectionString), source.ConnectionString, new DuckDbDialect(target.ConnectionString), target.ConnectionString,
            () => source.Execute(ScaffoldSchemas.DuckDbChanges),
            async () => { var c = new DuckDBConnection(source.ConnectionString); await c.OpenAsync(); return c; },
            async () => { var c = new DuckDBConnection(target.ConnectionString); await c.OpenAsync(); return c; });
    }

    [Test]
    public async Task A_postgres_database_scaffolded_and_applied_to_an_empty_one_reads_back_the_same_and_so_do_hand_changes_captured_by_diff()
    {
        var source = await PostgresServer.Instance.CreateDatabaseAsync("scaffold_source");
        var target = await PostgresServer.Instance.CreateDatabaseAsync("scaffold_target");
        await using (var connection = new NpgsqlConnection(source))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand(ScaffoldSchemas.Postgres, connection);
            await create.ExecuteNonQueryAsync();
        }

        await new global::Migrations.Running.MigrationRunner(new PostgresDialect(source), Options(typeof(ScaffoldSchemas.Tickets))).MigrateAsync();
        await RoundTripAsync(new PostgresDialect(source), source, new PostgresDialect(target), target,
            () =>
            {
                using var connection = new NpgsqlConnection(source);
                connection.Open();
                using var change = new NpgsqlCommand(ScaffoldSchemas.PostgresChanges, connection);
                change.ExecuteNonQuery();
            },
            async () => { var c = new NpgsqlConnection(source); await c.OpenAsync(); return c; },
            async () => { var c = new NpgsqlConnection(target); await c.OpenAsync(); return c; });
    }

    private static global::Migrations.Running.MigrationRunnerOptions Options(params Type[] migrations)
    {
        var options = new global::Migrations.Running.MigrationRunnerOptions();
        options.Add(migrations);
        return options;
    }

    private static async Task RoundTripAsync(
        IMigrationDialect sourceDialect, string source, IMigrationDialect targetDialect, string target, Action changeByHand, Func<Task<DbConnection>> openSource, Func<Task<DbConnection>> openTarget)
    {
        var project = ToolProcess.NewProject("Adopted");
        try
        {
            var scaffold = await ToolProcess.RunAsync("scaffold", "--project", project, "--connection", source);
            Assert.That(scaffold.Code, Is.Zero, scaffold.Output);
            var file = Directory.GetFiles(Path.Combine(project, "Migrations"), "*_InitialSchema.cs").Single();
            var version = Path.GetFileName(file).Split('_')[0];
            Assert.That(scaffold.Output, Does.StartWith($"wrote     {file} (").And.Contain($"dotnet migrations baseline {version}"));

            var up = await ToolProcess.RunAsync("up", "--project", project, "--connection", target);
            Assert.That(up.Code, Is.Zero, up.Output + "\n" + await File.ReadAllTextAsync(file));

            var expected = await ReadAsync(sourceDialect, openSource);
            var actual = await ReadAsync(targetDialect, openTarget);
            Assert.That(expected.Tables, Has.Count.GreaterThanOrEqualTo(20));
            Assert.That(SchemaText.Differences(Lines(expected), Lines(actual)), Is.Empty, await File.ReadAllTextAsync(file));
            Assert.That(Lines(actual), Is.EqualTo(Lines(expected)));

            var baseline = await ToolProcess.RunAsync("baseline", version, "--project", project, "--connection", source);
            Assert.That(baseline, Is.EqualTo((0, $"recorded  {version} InitialSchema \"Initial schema\"\n")));

            var nothing = await ToolProcess.RunAsync("diff", "NoChange", "--project", project, "--connection", source);
            Assert.That(nothing, Is.EqualTo((0, "No differences: the database's schema is the one the migrations make; nothing was written.\n")));

            changeByHand();
            var diff = await ToolProcess.RunAsync("diff", "CaptureHandChanges", "--project", project, "--connection", source);
            Assert.That(diff.Code, Is.Zero, diff.Output);
            var captured = Directory.GetFiles(Path.Combine(project, "Migrations"), "*_CaptureHandChanges.cs").Single();
            var capturedVersion = Path.GetFileName(captured).Split('_')[0];
            var recorded = await ToolProcess.RunAsync("baseline", capturedVersion, "--project", project, "--connection", source);
            Assert.That(recorded, Is.EqualTo((0, $"recorded  {capturedVersion} CaptureHandChanges \"Capture hand changes\"\n")), await File.ReadAllTextAsync(captured));

            var changed = await ToolProcess.RunAsync("up", "--project", project, "--configuration", "Release", "--connection", target);
            Assert.That(changed.Code, Is.Zero, changed.Output + "\n" + await File.ReadAllTextAsync(captured));
            Assert.That(changed.Output, Does.Contain($"applied   {capturedVersion} CaptureHandChanges"));
            Assert.That(File.Exists(Path.Combine(project, "bin", "Release", "net10.0", "Adopted.dll")), "--configuration Release built the project in Release");
            Assert.That(Lines(await ReadAsync(targetDialect, openTarget)), Is.EqualTo(Lines(await ReadAsync(sourceDialect, openSource))), await File.ReadAllTextAsync(captured));

            var back = await ToolProcess.RunAsync("down", version, "--project", project, "--connection", target);
            Assert.That(back.Code, Is.Zero, back.Output);
            Assert.That(Lines(await ReadAsync(targetDialect, openTarget)), Is.EqualTo(Lines(expected)), "the captured migration's Down takes the changes back");
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    private static async Task<SchemaModel> ReadAsync(IMigrationDialect dialect, Func<Task<DbConnection>> open)
    {
        await using var connection = await open();
        return await dialect.ReadSchemaAsync(connection, CancellationToken.None);
    }

    private static IReadOnlyList<string> Lines(SchemaModel model) => SchemaText.Lines(model, t => !t.Name.StartsWith("__migrations", StringComparison.Ordinal));
}
