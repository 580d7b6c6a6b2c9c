using Migrations.Building;
using DuckDB.NET.Data;
using Migrations.Running;
using Migrations.Tests.Support;

namespace Migrations.Tests.DuckDb;

/// <summary>Enum types on DuckDB, which has no ALTER TYPE and stores enum columns inline.</summary>
public class DuckDbEnumTests : DuckDbFileTests
{
    [Test]
    public async Task One_enum_serves_two_tables_and_a_second_identical_create_is_a_no_op()
    {
        await Db.Runner(typeof(Roles), typeof(RolesAgain)).MigrateAsync();
        Db.Execute("INSERT INTO users (email, role) VALUES ('t@example.com', 'teacher'), ('s@example.com', 'student')");
        Db.Execute("INSERT INTO admins (name, role) VALUES ('root', 'teacher')");

        Assert.That(Db.Rows("SELECT type_name FROM duckdb_types() WHERE logical_type = 'ENUM' AND NOT internal").Select(r => r[0]), Is.EqualTo(new[] { "role" }));
        Assert.Throws<DuckDBException>(() => Db.Execute("INSERT INTO users (email, role) VALUES ('x', 'janitor')"));
    }

    [Test]
    public async Task Adding_and_renaming_values_retypes_every_column_and_keeps_rows()
    {
        await Db.Runner(typeof(Roles)).MigrateAsync();
        Db.Execute("INSERT INTO users (email, role) VALUES ('t@example.com', 'teacher'), ('s@example.com', 'student')");
        Db.Execute("INSERT INTO admins (name, role) VALUES ('root', 'teacher')");

        await Db.Runner(typeof(Roles), typeof(GuestsAndInstructors)).MigrateAsync();

        Assert.That(Db.Rows("SELECT email, role FROM users ORDER BY id").Select(r => $"{r[0]}={r[1]}"), Is.EqualTo(new[] { "t@example.com=instructor", "s@example.com=student" }));
        Assert.That(Db.Scalar("SELECT role FROM admins"), Is.EqualTo("instructor"));
        Db.Execute("INSERT INTO users (email, role) VALUES ('g@example.com', 'guest')");
        Db.Execute("INSERT INTO admins (name, role) VALUES ('visitor', 'guest')");
        Assert.That(Db.Scalar("SELECT enum_range(NULL::role)::VARCHAR"), Is.EqualTo("[instructor, guest, student]"));
        Assert.Throws<DuckDBException>(() => Db.Execute("INSERT INTO users (email, role) VALUES ('x', 'teacher')"), "the old name is gone");
        Assert.That(Db.Rows("SELECT index_name FROM duckdb_indexes()").Select(r => r[0]), Is.EqualTo(new[] { "ix_users_role" }), "the indexed column was rebuilt with its index");

        await Db.Runner(typeof(Roles), typeof(GuestsAndInstructors)).MigrateToAsync(1);
        Assert.That(Db.Scalar("SELECT enum_range(NULL::role)::VARCHAR"), Is.EqualTo("[teacher, student]"));
        Assert.That(Db.Rows("SELECT role FROM users ORDER BY id").Select(r => r[0]), Is.EqualTo(new[] { "teacher", "student" }), "Down needs the guest row gone");
    }

    [Test]
    public async Task Dropping_a_value_still_held_by_a_row_fails_clearly_and_changes_nothing()
    {
        await Db.Runner(typeof(Roles)).MigrateAsync();
        Db.Execute("INSERT INTO users (email, role) VALUES ('s@example.com', 'student')");
        var catalog = Db.Catalog(includeHistory: true);

        var error = Assert.ThrowsAsync<MigrationException>(() => Db.Runner(typeof(Roles), typeof(DropStudent)).MigrateAsync());

        Assert.That(error!.Message, Does.Contain("users.role still holds 'student' of enum role").And.Contain("DropEnumValue role.student"));
        Assert.That(Db.Catalog(includeHistory: true), Is.EqualTo(catalog));
        Assert.That(Db.Scalar("SELECT enum_range(NULL::role)::VARCHAR"), Is.EqualTo("[teacher, student]"));

        Db.Execute("DELETE FROM users");
        await Db.Runner(typeof(Roles), typeof(DropStudent)).MigrateAsync();
        Assert.That(Db.Scalar("SELECT enum_range(NULL::role)::VARCHAR"), Is.EqualTo("[teacher]"));
    }

    [Test]
    public async Task Dropping_a_type_in_use_is_refused_before_anything_runs()
    {
        await Db.Runner(typeof(Roles)).MigrateAsync();
        var error = Assert.ThrowsAsync<MigrationValidationException>(() => Db.Runner(typeof(Roles), typeof(DropRole)).MigrateAsync());
        Assert.That(error!.Message, Does.Contain("main.role is used by main.admins.role, main.users.role"));
    }

    [Test]
    public async Task Creating_a_type_again_with_other_values_is_refused()
    {
        await Db.Runner(typeof(Roles)).MigrateAsync();
        var error = Assert.ThrowsAsync<MigrationValidationException>(() => Db.Runner(typeof(Roles), typeof(RolesDifferently)).MigrateAsync());
        Assert.That(error!.Message, Does.Contain("main.role already exists with values (teacher, student)"));
    }

    [Migration(1, "Roles")]
    internal sealed class Roles : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            m.CreateEnum("role", "teacher", "student");
            m.CreateTable("users", t => t
                .Column("id", c => c.Int64().Identity().PrimaryKey())
                .Column("email", c => c.String(100).NotNull())
                .Column("role", c => c.Enum("role")));
            m.CreateIndex("users", "role");
            m.CreateTable("admins", t => t
                .Column("name", c => c.String())
                .Column("role", c => c.Enum("role").NotNull()));
        }

        public override void Down(MigrationBuilder m) => m.DropTable("admins").DropTable("users").DropEnum("role");
    }

    [Migration(2, "Roles again, unchanged")]
    internal sealed class RolesAgain : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateEnum("role", "teacher", "student");
    }

    [Migration(2, "Roles again, other values")]
    internal sealed class RolesDifferently : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateEnum("role", "teacher", "pupil");
    }

    [Migration(2, "Guests and instructors")]
    internal sealed class GuestsAndInstructors : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .AddEnumValue("role", "guest", before: "student")
            .RenameEnumValue("role", "teacher", "instructor");

        public override void Down(MigrationBuilder m) => m
            .DeleteData("users", new { role = "guest" })
            .DeleteData("admins", new { role = "guest" })
            .RenameEnumValue("role", "instructor", "teacher")
            .DropEnumValue("role", "guest");
    }

    [Migration(2, "Drop student")]
    internal sealed class DropStudent : Migration
    {
        public override void Up(MigrationBuilder m) => m.DropEnumValue("role", "student");
    }

    [Migration(2, "Drop role")]
    internal sealed class DropRole : Migration
    {
        public override void Up(MigrationBuilder m) => m.DropEnum("role");
    }
}
