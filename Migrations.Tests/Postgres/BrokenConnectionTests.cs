using Migrations.Building;
using Migrations.Running;

namespace Migrations.Tests.Postgres;

/// <summary>When the migration's connection dies, the error says what happened; releasing the lock never hides it.</summary>
public class BrokenConnectionTests : PostgresTests
{
    [Test]
    public async Task A_session_terminated_mid_migration_reports_the_migration_s_error_and_changes_nothing()
    {
        await Runner(typeof(Accounts)).MigrateAsync();

        var error = Assert.ThrowsAsync<MigrationException>(() => Runner(typeof(Accounts), typeof(TerminatesItsSession)).MigrateAsync());

        Assert.That(error!.Migration.Version, Is.EqualTo(2L));
        Assert.That(error.Message, Does.Contain("Terminates its session").And.Contain("pg_terminate_backend"));
        Assert.That(Scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = 'note'"), Is.EqualTo(0L));
        Assert.That(HistoryVersions(), Is.EqualTo(new[] { 1L }));

        // Nothing holds the migration lock: the next run goes ahead at once.
        await Runner(typeof(Accounts)).MigrateAsync();
    }

    [Migration(1, "Accounts")]
    internal sealed class Accounts : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("accounts", t => t.Column("id", c => c.Int64().Identity().PrimaryKey()));
    }

    [Migration(2, "Terminates its session")]
    internal sealed class TerminatesItsSession : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .AddColumn("accounts", "note", c => c.String())
            .Sql("SELECT pg_terminate_backend(pg_backend_pid())");

        public override void Down(MigrationBuilder m) => m.DropColumn("accounts", "note");
    }
}
