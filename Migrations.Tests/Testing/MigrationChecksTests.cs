using Migrations.Building;
using Migrations.Dialects;
using Migrations.Operations;
using Migrations.Running;
using Migrations.Testing;

namespace Migrations.Tests.Testing;

/// <summary>The checks of the test kit on both databases: round trips that name what a Down leaves behind, the schema snapshot, and data kept across a migration.</summary>
public abstract class MigrationChecksTests
{
    /// <summary>An empty throwaway database: its dialect, and its disposal.</summary>
    private protected abstract Task<(IMigrationDialect Dialect, IAsyncDisposable Database)> EmptyAsync();

    private protected abstract string Schema { get; }

    [Test]
    public async Task Migrations_whose_Down_undoes_Up_pass_the_round_trip()
    {
        var (dialect, db) = await EmptyAsync();
        await using (db)
        {
            await MigrationChecks.VerifyRoundTripsAsync(dialect, new MigrationRunnerOptions().Add(typeof(Notes), typeof(Tidy)));

            // The check leaves the database migrated, having gone down and up again on the way.
            await using var connection = await dialect.OpenAsync(CancellationToken.None);
            await using var command = connection.Connection.CreateCommand();
            command.CommandText = "SELECT string_agg(CAST(version AS VARCHAR), ',' ORDER BY version) FROM __migrations_history";
            Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("1,2"));
            command.CommandText = "SELECT count(*) FROM information_schema.columns WHERE table_name = 'notes' AND column_name = 'priority'";
            Assert.That(Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(1L));
        }
    }

    [TestCase(typeof(KeepsIndex), "Migration 2 KeepsIndex \"Keeps index\": after Down, left behind: index ix_notes_body on {0}.notes (body)")]
    [TestCase(typeof(KeepsEnum), "Migration 2 KeepsEnum \"Keeps enum\": after Down, left behind: enum type {0}.mood ('sad', 'ok')")]
    [TestCase(typeof(KeepsDefault), "Migration 2 KeepsDefault \"Keeps default\": after Down, left behind: column {0}.notes.priority: #3")]
    public async Task A_Down_that_leaves_something_behind_is_caught_with_the_object_named(Type migration, string expected)
    {
        var (dialect, db) = await EmptyAsync();
        await using (db)
        {
            var error = Assert.ThrowsAsync<MigrationCheckException>(() => MigrationChecks.VerifyRoundTripsAsync(dialect, new MigrationRunnerOptions().Add(typeof(Notes), migration)));
            Assert.That(error!.Problems, Has.Some.StartsWith(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, Schema)));
        }
    }

    [Test]
    [NonParallelizable]
    public async Task The_snapshot_fails_on_a_changed_schema_and_passes_after_the_rewrite()
    {
        var snapshot = Path.Combine(Directory.CreateTempSubdirectory("migrations-snapshot-").FullName, "schema.txt");
        var first = Assert.ThrowsAsync<MigrationCheckException>(() => SnapshotAsync(snapshot, typeof(Notes)));
        Assert.That(first!.Message, Does.Contain("did not exist and has been written"));
        Assert.That(await File.ReadAllTextAsync(snapshot), Does.Contain($"table {Schema}.notes\n"));

        await SnapshotAsync(snapshot, typeof(Notes));
        var changed = Assert.ThrowsAsync<MigrationCheckException>(() => SnapshotAsync(snapshot, typeof(Notes), typeof(Tidy)));
        Assert.That(changed!.Problems, Has.Some.StartsWith($"new: index ix_notes_body on {Schema}.notes (body)"));
        Assert.That(changed.Problems[^1], Does.Contain(MigrationChecks.UpdateSnapshotsVariable + "=1"));

        Environment.SetEnvironmentVariable(MigrationChecks.UpdateSnapshotsVariable, "1");
        try
        {
            await SnapshotAsync(snapshot, typeof(Notes), typeof(Tidy));
        }
        finally
        {
            Environment.SetEnvironmentVariable(MigrationChecks.UpdateSnapshotsVariable, null);
        }

        await SnapshotAsync(snapshot, typeof(Notes), typeof(Tidy));
        Assert.That(await File.ReadAllTextAsync(snapshot), Does.Contain($"index ix_notes_body on {Schema}.notes (body)"));
    }

    [Test]
    public async Task Rows_written_before_a_migration_are_read_back_after_it()
    {
        var (dialect, db) = await EmptyAsync();
        await using (db)
        {
            var seen = new List<string>();
            await MigrationChecks.VerifyDataAsync(dialect, new MigrationRunnerOptions().Add(typeof(Notes), typeof(Tidy)), 2,
                async connection =>
                {
                    await using var insert = connection.CreateCommand();
                    insert.CommandText = "INSERT INTO notes (id, body) VALUES (1, 'kept')";
                    await insert.ExecuteNonQueryAsync();
                },
                async connection =>
                {
                    await using var read = connection.CreateCommand();
                    read.CommandText = "SELECT body || ':' || CAST(priority AS VARCHAR) FROM notes";
                    seen.Add((string)(await read.ExecuteScalarAsync())!);
                });
            Assert.That(seen, Is.EqualTo(new[] { "kept:5" }), "the row written on version 1 got the new column's default");
        }
    }

    private async Task SnapshotAsync(string snapshot, params Type[] migrations)
    {
        var (dialect, db) = await EmptyAsync();
        await using (db)
        {
            await MigrationChecks.VerifySnapshotAsync(dialect, new MigrationRunnerOptions().Add(migrations), snapshot);
        }
    }

    [Migration(1, "Notes")]
    internal sealed class Notes : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("notes", t => t.Column("id", c => c.Int64().PrimaryKey()).Column("body", c => c.Text()));
    }

    [Migration(2, "Tidy")]
    internal sealed class Tidy : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateIndex("notes", "body").CreateEnum("mood", "sad", "ok").AddColumn("notes", "priority", c => c.Int32().Default(5));

        public override void Down(MigrationBuilder m) => m.DropColumn("notes", "priority").DropEnum("mood").DropIndex("notes", "ix_notes_body");
    }

    [Migration(2, "Keeps index")]
    internal sealed class KeepsIndex : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateIndex("notes", "body").AddColumn("notes", "priority", c => c.Int32());

        public override void Down(MigrationBuilder m) => m.DropColumn("notes", "priority");
    }

    [Migration(2, "Keeps enum")]
    internal sealed class KeepsEnum : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateEnum("mood", "sad", "ok").AddColumn("notes", "priority", c => c.Int32());

        public override void Down(MigrationBuilder m) => m.DropColumn("notes", "priority");
    }

    [Migration(2, "Keeps default")]
    internal sealed class KeepsDefault : Migration
    {
        public override void Up(MigrationBuilder m) => m.AddColumn("notes", "priority", c => c.Int32()).AlterColumn("notes", "priority", a => a.Default(5));

        public override void Down(MigrationBuilder m) => m.AlterColumn("notes", "priority", a => a.Type(ColumnType.Int32));
    }
}

public sealed class DuckDbMigrationChecksTests : MigrationChecksTests
{
    private protected override string Schema => "main";

    private protected override async Task<(IMigrationDialect Dialect, IAsyncDisposable Database)> EmptyAsync()
    {
        var db = await DuckDbTestDatabase.CreateAsync(new TestDatabaseOptions().Add(typeof(Notes)).UpTo(0));
        return (db.Dialect, db);
    }
}

public sealed class PostgresMigrationChecksTests : MigrationChecksTests
{
    private protected override string Schema => "public";

    private protected override async Task<(IMigrationDialect Dialect, IAsyncDisposable Database)> EmptyAsync()
    {
        var db = await PostgresTestDatabase.CreateAsync(PostgresServer.Instance, new TestDatabaseOptions().Add(typeof(Notes)).UpTo(0));
        return (db.Dialect, db);
    }
}
