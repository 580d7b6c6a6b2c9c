using System.Diagnostics;
using Migrations.Building;
using Migrations.Running;
using Npgsql;

namespace Migrations.Tests.Postgres;

/// <summary>CREATE INDEX CONCURRENTLY, which cannot run in a transaction, and per-migration timeouts.</summary>
public class NonTransactionalTests : PostgresTests
{
    [Test]
    public async Task A_concurrent_index_is_built_on_a_table_with_rows_and_recorded_after_it()
    {
        await Runner(typeof(Events)).MigrateAsync();
        var runner = Runner(typeof(Events), typeof(IndexConcurrently));

        var script = await runner.ScriptAsync();
        await runner.MigrateAsync();

        Assert.That(script, Does.Contain("-- runs in parts without one transaction").And.Contain("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"ux_events_code\""));
        Assert.That(Scalar("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ux_events_code'::regclass"), Is.True);
        Assert.That(HistoryVersions(), Is.EqualTo(new[] { 1L, 2L }));
        Assert.Throws<PostgresException>(() => Execute("INSERT INTO events (code) VALUES ('e1')"), "the index is unique");
    }

    [Test]
    public async Task An_invalid_index_left_by_a_failed_build_is_rebuilt_on_the_next_run()
    {
        await Runner(typeof(Events)).MigrateAsync();
        Execute("INSERT INTO events (code) VALUES ('e1')"); // a duplicate: the unique build fails half way

        var error = Assert.ThrowsAsync<MigrationException>(() => Runner(typeof(Events), typeof(IndexConcurrently)).MigrateAsync());

        Assert.That(error!.Message, Does.Contain("runs in parts without one transaction").And.Contain("the next run continues with the part that failed"));
        Assert.That(Scalar("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ux_events_code'::regclass"), Is.False, "PostgreSQL left an invalid index");
        Assert.That(HistoryVersions(), Is.EqualTo(new[] { 1L }));

        Execute("DELETE FROM events WHERE id = (SELECT max(id) FROM events)");
        await Runner(typeof(Events), typeof(IndexConcurrently)).MigrateAsync();

        Assert.That(Scalar("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ux_events_code'::regclass"), Is.True);
        Assert.That(HistoryVersions(), Is.EqualTo(new[] { 1L, 2L }));
    }

    [Test]
    public async Task A_column_added_before_a_failed_concurrent_index_is_not_added_again_by_the_next_run()
    {
        await Runner(typeof(Events)).MigrateAsync();
        Execute("INSERT INTO events (code) VALUES ('e1')"); // the unique build fails after the column was added

        Assert.ThrowsAsync<MigrationException>(() => Runner(typeof(Events), typeof(NoteAndIndex)).MigrateAsync());
        Assert.That(Scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'note'"), Is.EqualTo(1L), "the first part stayed");

        Execute("DELETE FROM events WHERE id = (SELECT max(id) FROM events)");
        await Runner(typeof(Events), typeof(NoteAndIndex)).MigrateAsync();

        Assert.That(Scalar("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ux_events_code'::regclass"), Is.True);
        Assert.That(HistoryVersions(), Is.EqualTo(new[] { 1L, 2L }));
        Assert.That(Scalar("SELECT count(*) FROM __migrations_history_progress"), Is.EqualTo(0L), "the record of parts is forgotten with the history row");
        Execute("INSERT INTO events (code, note) VALUES ('new', 'it works')");
    }

    [Test]
    public async Task A_lock_timeout_fails_the_migration_fast_instead_of_queueing_behind_a_long_transaction()
    {
        await Runner(typeof(Events)).MigrateAsync();
        await using var blocker = new NpgsqlConnection(ConnectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE events IN ACCESS SHARE MODE", blocker, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        var error = Assert.ThrowsAsync<MigrationException>(() => Runner(typeof(Events), typeof(AlterWithTimeout)).MigrateAsync());

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(error!.InnerException, Is.InstanceOf<PostgresException>().With.Property("SqlState").EqualTo("55P03"));
        Assert.That(HistoryVersions(), Is.EqualTo(new[] { 1L }));
        await transaction.RollbackAsync();
        Assert.That(Scalar("SHOW lock_timeout"), Is.EqualTo("0"), "the limit did not leak into other sessions");
    }

    [Migration(1, "Events")]
    internal sealed class Events : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            m.CreateTable("events", t => t
                .Column("id", c => c.Int64().Identity().PrimaryKey())
                .Column("code", c => c.String(20).NotNull()));
            m.InsertData("events", ["code"], Enumerable.Range(1, 2000).Select(i => new object?[] { $"e{i}" }).ToArray());
        }
    }

    [Migration(2, "Unique code, built without blocking writes")]
    internal sealed class IndexConcurrently : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateIndex("events", "code", unique: true, name: "ux_events_code", concurrently: true);
    }

    [Migration(2, "A note and a concurrent index")]
    internal sealed class NoteAndIndex : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .AddColumn("events", "note", c => c.String())
            .CreateIndex("events", "code", unique: true, name: "ux_events_code", concurrently: true);
    }

    [Migration(2, "Alter with a lock timeout")]
    internal sealed class AlterWithTimeout : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .Timeouts(lockTimeout: TimeSpan.FromMilliseconds(300))
            .AddColumn("events", "note", c => c.Text());
    }
}
