using Migrations.Building;
using Migrations.Postgres;
using Migrations.Running;
using Npgsql;

namespace Migrations.Tests.Postgres;

/// <summary>A change that waits on another session's lock gives up after the lock timeout and says why.</summary>
public class LockTimeoutTests : PostgresTests
{
    [Test]
    public async Task A_lock_held_elsewhere_ends_in_an_explained_failure_and_no_change()
    {
        await Runner(typeof(Accounts)).MigrateAsync();
        await using var other = new NpgsqlConnection(ConnectionString);
        await other.OpenAsync();
        await using var held = await other.BeginTransactionAsync();
        await using (var lockCommand = new NpgsqlCommand("LOCK TABLE accounts IN ACCESS SHARE MODE", other, held))
        {
            await lockCommand.ExecuteNonQueryAsync();
        }

        var error = Assert.ThrowsAsync<MigrationException>(() => Runner(typeof(Accounts), typeof(AddNote)).MigrateAsync());

        Assert.That(error!.Explanation, Does.StartWith("Another session held a lock on accounts longer than the lock timeout").And.Contain("Timeouts(lockTimeout: ...)"));
        await held.RollbackAsync();
        Assert.That(Rows("SELECT column_name FROM information_schema.columns WHERE table_name = 'accounts' ORDER BY ordinal_position").Select(r => r[0]), Is.EqualTo(new[] { "id" }));
        Assert.That(HistoryVersions(), Is.EqualTo(new[] { 1L }));
    }

    [Test]
    public async Task Drift_migrates_its_scratch_database_without_the_wait_meant_for_a_busy_database()
    {
        // A fleet gives each target a short LockTimeout; the scratch database is the comparison's own,
        // so opening it is not bounded by that wait (a busy server takes longer than a millisecond).
        await using var dialect = new PostgresDialect(ConnectionString);
        var options = new MigrationRunnerOptions().Add(typeof(Accounts));
        options.LockTimeout = TimeSpan.FromMilliseconds(1);
        var migrations = new MigrationRunner(dialect, options).Migrations;

        var drift = await ShadowSchema.DriftAsync(dialect, options, Migrations.Schema.SchemaModel.Empty, migrations, CancellationToken.None);

        Assert.That(drift.Differences, Is.Not.Empty.And.All.Property("Kind").EqualTo(Migrations.Schema.SchemaDifferenceKind.Missing), drift.ToString());
        Assert.That(drift.ToString(), Does.Contain("accounts"), "the comparison ran the migration: the empty schema lacks its table");
    }

    [Migration(1, "Accounts")]
    internal sealed class Accounts : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("accounts", t => t.Column("id", c => c.Int64().PrimaryKey()));
    }

    [Migration(2, "Add note")]
    internal sealed class AddNote : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .Timeouts(lockTimeout: TimeSpan.FromMilliseconds(300))
            .AddColumn("accounts", "note", c => c.Text());
    }
}
