using System.Diagnostics;
using Migrations.Building;
using Migrations.Linting;
using Migrations.Postgres;
using Migrations.Running;
using Migrations.Tests.Support;
using Npgsql;

namespace Migrations.Tests.Postgres;

/// <summary>
/// Safe rewrites on a real server: the constraints end up the same and validated, the table stays
/// writable while rows are checked, and a lock not granted in time is waited for again.
/// </summary>
public class SafeRewriteTests : PostgresTests
{
    [Test]
    public async Task Constraints_added_the_safe_way_end_validated_with_the_same_checksum()
    {
        await Runner(typeof(Accounts)).MigrateAsync();
        var runner = SafeRunner(typeof(Accounts), typeof(Constrain));

        var lint = await runner.LintAsync();
        var script = await runner.ScriptAsync();
        await runner.MigrateAsync();

        Assert.That(Rows("SELECT conname, contype::text, convalidated FROM pg_constraint WHERE conrelid = 'accounts'::regclass ORDER BY conname").Select(r => string.Join(" ", r)), Is.EqualTo(new[]
        {
            "ck_accounts_n c True",
            "fk_accounts_parent f True",
            "pk_accounts p True",
            "uq_accounts_email u True",
        }), "validated, and the NOT NULL proof is gone");
        Assert.That(Scalar("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'accounts'::regclass AND attname = 'email'"), Is.EqualTo(true));
        Assert.That(Scalar("SELECT indisvalid FROM pg_index WHERE indexrelid = 'uq_accounts_email'::regclass"), Is.EqualTo(true));
        Assert.That(lint.Findings.Select(f => f.Rule.Id), Does.Not.Contain("PG103").And.Not.Contain("PG104").And.Not.Contain("PG105").And.Not.Contain("PG107").And.Not.Contain("PG110"));
        Assert.That(script, Does.Contain("FOREIGN KEY (\"parent_id\") REFERENCES \"public\".\"accounts\" (\"id\") NOT VALID;")
            .And.Contain("ALTER TABLE \"public\".\"accounts\" VALIDATE CONSTRAINT \"fk_accounts_parent\";")
            .And.Contain("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"uq_accounts_email\"")
            .And.Contain("ADD CONSTRAINT \"uq_accounts_email\" UNIQUE USING INDEX \"uq_accounts_email\";")
            .And.Contain("SET lock_timeout = '5000ms';"));
        Assert.That((await Runner(typeof(Accounts), typeof(Constrain)).GetStatusAsync()).Changed, Is.Empty, "the same checksum as the plain form");
        Assert.Throws<PostgresException>(() => Execute("INSERT INTO accounts (email, n) VALUES (NULL, 1)"));
        Assert.Throws<PostgresException>(() => Execute("INSERT INTO accounts (email, n) VALUES ('a@example.com', 1)"));
        Assert.Throws<PostgresException>(() => Execute("INSERT INTO accounts (email, n) VALUES ('z@example.com', 0)"));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Writes_go_on_while_rows_are_checked_only_in_the_safe_form(bool safe)
    {
        await Runner(typeof(Accounts)).MigrateAsync();
        // A check that takes a moment per row, so that the scan is long enough to write during it:
        // ~6 s, so that the write still falls inside it when a loaded machine notices the statement late.
        Execute("CREATE FUNCTION slow_positive(v integer) RETURNS boolean IMMUTABLE LANGUAGE sql AS 'SELECT pg_sleep(0.002) IS NOT NULL AND v > 0'");
        Execute("INSERT INTO accounts (email, n) SELECT 'x' || g || '@example.com', 1 FROM generate_series(1, 3000) g");
        var runner = safe ? SafeRunner(typeof(Accounts), typeof(SlowCheck)) : Runner(typeof(Accounts), typeof(SlowCheck));

        var migrating = runner.MigrateAsync();
        await WaitForStatementAsync(safe ? "VALIDATE CONSTRAINT" : "ADD CONSTRAINT \"ck_accounts_slow\"");
        var write = TryWrite();
        await migrating;

        Assert.That(write, Is.EqualTo(safe ? "written" : "lock timeout"));
        Assert.That(Scalar("SELECT convalidated FROM pg_constraint WHERE conname = 'ck_accounts_slow'"), Is.EqualTo(true));
    }

    [Test]
    public async Task A_lock_not_granted_in_time_is_waited_for_again()
    {
        await Runner(typeof(Accounts)).MigrateAsync();
        await using var blocker = new NpgsqlConnection(ConnectionString);
        await using var open = await HoldWriteAsync(blocker);

        var log = new ListLogger<MigrationRunner>();
        var runner = new MigrationRunner(new PostgresDialect(ConnectionString), new MigrationRunnerOptions().Add(typeof(Accounts), typeof(RetriedCheck)), log);
        var migrating = runner.MigrateAsync();
        await Task.Delay(1500);
        await open.CommitAsync();
        await migrating;

        Assert.That(log.Lines.Count(l => l.Event.Id == 23), Is.GreaterThanOrEqualTo(1), "at least one retry was logged");
        Assert.That(Scalar("SELECT convalidated FROM pg_constraint WHERE conname = 'ck_accounts_retried'"), Is.EqualTo(true));
        Assert.That(HistoryVersions(), Is.EqualTo(new[] { 1L, 2L }));
    }

    [Test]
    public async Task Without_retries_a_lock_timeout_fails_the_migration_and_leaves_it_undone()
    {
        await Runner(typeof(Accounts)).MigrateAsync();
        await using var blocker = new NpgsqlConnection(ConnectionString);
        await using var open = await HoldWriteAsync(blocker);

        var error = Assert.ThrowsAsync<MigrationException>(() => Runner(typeof(Accounts), typeof(NoRetry)).MigrateAsync());
        await open.RollbackAsync();

        Assert.That(error!.Message, Does.Contain("AddCheckConstraint ck_accounts_noretry on accounts"));
        Assert.That(Scalar("SELECT count(*) FROM pg_constraint WHERE conname = 'ck_accounts_noretry'"), Is.EqualTo(0L));
        Assert.That(HistoryVersions(), Is.EqualTo(new[] { 1L }));
    }

    /// <summary>An open transaction that has written to accounts: it holds a lock every ALTER of the table waits for.</summary>
    private static async Task<NpgsqlTransaction> HoldWriteAsync(NpgsqlConnection blocker)
    {
        await blocker.OpenAsync();
        var open = await blocker.BeginTransactionAsync();
        await using var hold = new NpgsqlCommand("INSERT INTO accounts (email, n) VALUES ('held@example.com', 1)", blocker, open);
        await hold.ExecuteNonQueryAsync();
        return open;
    }

    [Test]
    public async Task A_safe_migration_stopped_after_its_validation_is_continued_by_the_next_run()
    {
        await Runner(typeof(Accounts)).MigrateAsync();

        Assert.ThrowsAsync<MigrationException>(() => Runner(typeof(Accounts), typeof(ValidatedThenFails)).MigrateAsync());
        var afterFailure = Rows("SELECT conname, convalidated FROM pg_constraint WHERE conname = 'fk_accounts_parent'").Select(r => string.Join(" ", r)).ToArray();
        var log = new ListLogger<MigrationRunner>();
        await new MigrationRunner(new PostgresDialect(ConnectionString), new MigrationRunnerOptions().Add(typeof(Accounts), typeof(ValidatedThenFixed)), log).MigrateAsync();

        Assert.That(afterFailure, Is.EqualTo(new[] { "fk_accounts_parent True" }), "the parts before the failure stayed, validated");
        Assert.That(log.Lines.Count(l => l.Event.Id == 17), Is.EqualTo(2), "the ADD and the VALIDATE were recognised as done and skipped");
        Assert.That(Scalar("SELECT count(*) FROM pg_constraint WHERE conname = 'fk_accounts_parent'"), Is.EqualTo(1L));
        Assert.That(HistoryVersions(), Is.EqualTo(new[] { 1L, 2L }));
        Assert.That(Scalar("SELECT count(*) FROM __migrations_history_progress"), Is.EqualTo(0L), "the record of parts is forgotten with the history row");
    }

    private MigrationRunner SafeRunner(params Type[] migrations) =>
        new(new PostgresDialect(ConnectionString), new MigrationRunnerOptions { SafeRewrites = true, Lint = LintMode.RefuseErrors }.Add(migrations));

    /// <summary>Waits until another session runs a statement containing the text.</summary>
    private async Task WaitForStatementAsync(string text)
    {
        var watch = Stopwatch.StartNew();
        while ((long)Scalar($"SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%{text.Replace("'", "''", StringComparison.Ordinal)}%' AND pid <> pg_backend_pid()")! == 0)
        {
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), $"no session ran {text}");
            await Task.Delay(20);
        }
    }

    /// <summary>Inserts one row, waiting at most 500 ms for a lock.</summary>
    private string TryWrite()
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SET lock_timeout = '500ms'; INSERT INTO accounts (email, n) VALUES ('during@example.com', 5)", connection);
        try
        {
            command.ExecuteNonQuery();
            return "written";
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return "lock timeout";
        }
    }

    [Migration(1, "Accounts")]
    internal sealed class Accounts : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateTable("accounts", t => t
                .Column("id", c => c.Int64().Identity().PrimaryKey())
                .Column("email", c => c.Text())
                .Column("n", c => c.Int32())
                .Column("parent_id", c => c.Int64()))
            .InsertData("accounts", ["email", "n"], ["a@example.com", 1], ["b@example.com", 2]);
    }

    [Migration(2, "Constrain")]
    internal sealed class Constrain : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .AddForeignKey("accounts", ["parent_id"], "accounts", ["id"], name: "fk_accounts_parent")
            .AddCheckConstraint("accounts", "ck_accounts_n", "n > 0")
            .AlterColumn("accounts", "email", a => a.NotNull())
            .AddUniqueConstraint("accounts", ["email"], name: "uq_accounts_email");
    }

    [Migration(2, "Parent")]
    internal sealed class ValidatedThenFails : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .SafeRewrites()
            .AddForeignKey("accounts", ["parent_id"], "accounts", ["id"], name: "fk_accounts_parent")
            .Sql("SELECT no_such_column FROM accounts");
    }

    [Migration(2, "Parent")]
    internal sealed class ValidatedThenFixed : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .SafeRewrites()
            .AddForeignKey("accounts", ["parent_id"], "accounts", ["id"], name: "fk_accounts_parent")
            .Sql("SELECT count(*) FROM accounts");
    }

    [Migration(2, "Slow check")]
    internal sealed class SlowCheck : Migration
    {
        public override void Up(MigrationBuilder m) => m.AddCheckConstraint("accounts", "ck_accounts_slow", "slow_positive(n)");
    }

    [Migration(2, "Retried check")]
    internal sealed class RetriedCheck : Migration
    {
        public override void Up(MigrationBuilder m) => m.SafeRewrites(TimeSpan.FromMilliseconds(300), retries: 6).AddCheckConstraint("accounts", "ck_accounts_retried", "n > 0");
    }

    [Migration(2, "No retry")]
    internal sealed class NoRetry : Migration
    {
        public override void Up(MigrationBuilder m) => m.SafeRewrites(TimeSpan.FromMilliseconds(300), retries: 0).AddCheckConstraint("accounts", "ck_accounts_noretry", "n > 0");
    }
}
