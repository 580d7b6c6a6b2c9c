using Migrations.Building;
using Migrations.Running;

namespace Migrations.Tests.Postgres;

/// <summary>Enum values are committed before the migration's transaction; when it fails, the error says which stayed.</summary>
public class EnumValueFailureTests : PostgresTests
{
    [Test]
    public async Task A_failed_migration_names_the_enum_values_that_stayed_and_the_next_run_completes()
    {
        await Runner(typeof(Roles)).MigrateAsync();

        var error = Assert.ThrowsAsync<MigrationException>(() => Runner(typeof(Roles), typeof(AdminThenFail)).MigrateAsync());

        Assert.That(error!.Message, Does.Contain("stayed: AddEnumValue role.admin").And.Not.Contain("as they were before it"));
        Assert.That(error.Stayed, Is.EqualTo(new[] { "AddEnumValue role.admin" }));
        Assert.That(HistoryVersions(), Is.EqualTo(new[] { 1L }));
        Assert.That(Rows("SELECT unnest(enum_range(NULL::role))::text").Select(r => r[0]), Is.EqualTo(new[] { "teacher", "student", "admin" }));

        await Runner(typeof(Roles), typeof(AdminWorks)).MigrateAsync();
        Assert.That(HistoryVersions(), Is.EqualTo(new[] { 1L, 2L }));
    }

    [Migration(1, "Roles")]
    internal sealed class Roles : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateEnum("role", "teacher", "student")
            .CreateTable("people", t => t.Column("name", c => c.String()).Column("role", c => c.Enum("role")));
    }

    [Migration(2, "Admin, then a failure")]
    internal sealed class AdminThenFail : Migration
    {
        public override void Up(MigrationBuilder m) => m.AddEnumValue("role", "admin").Sql("SELECT 1 / 0");

        public override void Down(MigrationBuilder m) => m.Sql("SELECT 1");
    }

    [Migration(2, "Admin")]
    internal sealed class AdminWorks : Migration
    {
        public override void Up(MigrationBuilder m) => m.AddEnumValue("role", "admin").InsertData("people", ["name", "role"], ["ann", "admin"]);

        public override void Down(MigrationBuilder m) => m.DeleteData("people", new { name = "ann" });
    }
}
