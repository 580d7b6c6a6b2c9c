using Migrations.Building;
using Migrations.Linting;
using Migrations.Operations;
using Migrations.Postgres;
using Migrations.Running;

namespace Migrations.Tests.Postgres;

/// <summary>PostgreSQL's safety rules fire on tables the database had, not on tables the same run makes, and can refuse a run.</summary>
public class PostgresLintTests : PostgresTests
{
    [Test]
    public async Task Each_rule_names_what_locks_or_rewrites_an_existing_table()
    {
        await Runner(typeof(Accounts)).MigrateAsync();

        var report = await Runner(typeof(Accounts), typeof(Risky)).LintAsync();

        Assert.That(report.Findings.Select(f => $"{f.Rule.Id} {f.Rule.Severity}: {f.Message}"), Is.EqualTo(new[]
        {
            "PG101 Error: builds index ix_accounts_email on accounts without CONCURRENTLY.",
            "PG110 Warning: locks accounts with no lock timeout set in the migration.",
            "PG102 Warning: drops index ix_accounts_n on accounts without CONCURRENTLY.",
            "PG103 Error: adds foreign key fk_accounts_parent to accounts and validates every row under the lock.",
            "PG104 Error: adds check ck_accounts_n to accounts and validates every row under the lock.",
            "PG105 Error: sets accounts.email NOT NULL, scanning every row under the lock.",
            "PG106 Error: changes accounts.n from integer to bigint, which rewrites the table.",
            "PG107 Error: adds unique constraint uq_accounts_email to accounts, building its index under the lock.",
            "PG108 Error: adds accounts.token with the volatile default gen_random_uuid(), writing every row under the lock.",
            "PG111 Info: declares accounts.token as varchar(36).",
            "PG109 Info: appends 'frozen' to state after every existing value.",
            "M101 Warning: drops column note of accounts.",
            "PG111 Info: declares tags.label as varchar(50).",
            "PG112 Warning: makes tags.id, a Int32 column, its primary key.",
        }));
        Assert.That(Scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_accounts_email'"), Is.EqualTo(0L), "nothing ran");
    }

    [Test]
    public async Task Refusing_errors_stops_the_run_before_any_sql_until_each_is_made_safely_or_accepted()
    {
        await Runner(typeof(Accounts)).MigrateAsync();
        var refusing = new MigrationRunner(new PostgresDialect(ConnectionString), new MigrationRunnerOptions { Lint = LintMode.RefuseErrors }.Add(typeof(Accounts), typeof(IndexOnly)));

        var error = Assert.ThrowsAsync<MigrationValidationException>(() => refusing.MigrateAsync());

        Assert.That(error!.Problems[0], Does.StartWith("1 safety finding is an error and Lint is RefuseErrors, so nothing was run."));
        Assert.That(error.Problems[1], Does.StartWith("PG101 error: migration 2 IndexOnly \"Index only\", CreateIndex ix_accounts_email on accounts: builds index"));
        Assert.That(HistoryVersions(), Is.EqualTo(new[] { 1L }));
        Assert.That(Scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_accounts_email'"), Is.EqualTo(0L));

        var safe = new MigrationRunner(new PostgresDialect(ConnectionString), new MigrationRunnerOptions { Lint = LintMode.RefuseErrors }.Add(typeof(Accounts), typeof(IndexConcurrently)));
        await safe.MigrateAsync();
        Assert.That(Scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_accounts_email'"), Is.EqualTo(1L));
    }

    [Test]
    public async Task Widening_text_and_numbers_is_no_rewrite()
    {
        await Runner(typeof(Accounts)).MigrateAsync();

        var report = await Runner(typeof(Accounts), typeof(Widen)).LintAsync();

        Assert.That(report.Findings, Is.Empty, report.ToString());
    }

    [Migration(1, "Accounts")]
    internal sealed class Accounts : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateEnum("state", "open", "closed")
            .CreateTable("accounts", t => t
                .Column("id", c => c.Int64().Identity().PrimaryKey())
                .Column("email", c => c.String(200))
                .Column("n", c => c.Int32())
                .Column("amount", c => c.Decimal(8, 2))
                .Column("parent_id", c => c.Int64())
                .Column("note", c => c.Text()))
            .CreateIndex("accounts", "n", name: "ix_accounts_n")
            .InsertData("accounts", ["email", "n"], ["a@example.com", 1], ["b@example.com", 2])
            .Timeouts(lockTimeout: TimeSpan.FromSeconds(5))
            .AllowUnsafe("PG111", "tested elsewhere");
    }

    [Migration(2, "Risky")]
    internal sealed class Risky : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateIndex("accounts", "email", name: "ix_accounts_email")
            .DropIndex("accounts", "ix_accounts_n")
            .AddForeignKey("accounts", ["parent_id"], "accounts", ["id"], name: "fk_accounts_parent")
            .AddCheckConstraint("accounts", "ck_accounts_n", "n > 0")
            .AlterColumn("accounts", "email", a => a.NotNull())
            .AlterColumn("accounts", "n", a => a.Type(ColumnType.Int64))
            .AddUniqueConstraint("accounts", ["email"], name: "uq_accounts_email")
            .AddColumn("accounts", "token", c => c.String(36).DefaultSql("gen_random_uuid()"))
            .AddEnumValue("state", "frozen")
            .DropColumn("accounts", "note")
            .CreateTable("tags", t => t.Column("id", c => c.Int32().PrimaryKey()).Column("label", c => c.String(50)))
            .CreateIndex("tags", "label");
    }

    [Migration(2, "Index only")]
    internal sealed class IndexOnly : Migration
    {
        public override void Up(MigrationBuilder m) => m.Timeouts(lockTimeout: TimeSpan.FromSeconds(5)).CreateIndex("accounts", "email", name: "ix_accounts_email");
    }

    [Migration(2, "Index concurrently")]
    internal sealed class IndexConcurrently : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateIndex("accounts", "email", name: "ix_accounts_email", concurrently: true);
    }

    [Migration(2, "Widen")]
    internal sealed class Widen : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .Timeouts(lockTimeout: TimeSpan.FromSeconds(5))
            .AlterColumn("accounts", "email", a => a.Type(ColumnType.String(300)))
            .AlterColumn("accounts", "amount", a => a.Type(ColumnType.Decimal(12, 2)))
            .AlterColumn("accounts", "note", a => a.Type(ColumnType.String()));
    }
}
