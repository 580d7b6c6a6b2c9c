using Migrations.Building;
using Migrations.Running;

namespace Migrations.Tests.Postgres;

/// <summary>PostgreSQL cuts names to 63 bytes without a word; such names are refused before any SQL.</summary>
public class NameLengthTests : PostgresTests
{
    [Test]
    public void A_name_postgresql_would_truncate_is_refused()
    {
        var error = Assert.ThrowsAsync<MigrationValidationException>(() => Runner(typeof(LongNames)).MigrateAsync());

        Assert.That(error!.Message, Does.Contain("Migration 1 LongNames").And.Contain("is 70 bytes long").And.Contain("Use a shorter name"));
        Assert.That(Scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), Is.EqualTo(0L));
    }

    [Migration(1, "Long names")]
    internal sealed class LongNames : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable(new string('t', 70), t => t.Column("id", c => c.Int64()));
    }
}
