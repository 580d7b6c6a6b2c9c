using Migrations.Building;
using Migrations.Running;
using Npgsql;

namespace Migrations.Tests.Postgres;

/// <summary>
/// The second seed: users with a <c>role</c> enum and content blocks with a <c>contenttype</c> enum
/// in one migration, a later table reusing <c>role</c>, students loaded from a JSON file, then
/// everything taken down to the empty database.
/// </summary>
public class EnumSeedScenarioTests : PostgresTests
{
    /// <summary>The app's roles, stored as numbers in the seed's JSON.</summary>
    public enum Role
    {
        Teacher = 1,
        Student = 2,
    }

    [Test]
    public async Task Two_enums_in_one_migration_a_reused_enum_json_seed_and_down_to_base()
    {
        var runner = Runner(typeof(UsersAndContent), typeof(Staff));
        await runner.MigrateAsync();

        Assert.That(Rows("SELECT email, role::text, created_at FROM users ORDER BY id").Select(r => $"{r[0]}|{r[1]}|{r[2]:yyyy-MM-dd HH:mm}"),
            Is.EqualTo(new[] { "bosco@example.com|student|2021-10-03 01:00", "fish@example.com|student|2021-10-03 01:00", "kitkat@example.com|student|2021-10-03 01:00" }));
        Assert.That(Rows("SELECT typname FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY typname ORDER BY 1").Select(r => r[0]), Is.EqualTo(new[] { "contenttype", "role" }));
        Execute("INSERT INTO staff (name, role) VALUES ('Ms. Frizzle', 'teacher')");
        Execute("INSERT INTO users (email, role, password, created_at, updated_at) VALUES ('new@example.com', 'teacher', 'x', now(), now())");
        Assert.Throws<PostgresException>(() => Execute("INSERT INTO staff (name, role) VALUES ('x', 'janitor')"));

        await runner.MigrateToAsync(0);

        Assert.That(Scalar("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S') AND c.relname <> '__migrations_history'"), Is.EqualTo(0L), "no table or sequence is left");
        Assert.That(Scalar("SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'"), Is.EqualTo(0L), "no enum type is left");
        Assert.That(HistoryVersions(), Is.Empty);
    }

    [Test]
    public async Task A_value_added_to_an_enum_can_be_used_in_the_same_migration()
    {
        await Runner(typeof(UsersAndContent)).MigrateAsync();

        await Runner(typeof(UsersAndContent), typeof(Guests)).MigrateAsync();

        Assert.That(Scalar("SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'role'::regtype"), Is.EqualTo("teacher,guest,student"));
        Assert.That(Scalar("SELECT count(*) FROM users WHERE role = 'guest'"), Is.EqualTo(1L));
    }

    [Test]
    public async Task Enum_values_rename_and_drop_and_an_enum_in_use_is_never_dropped()
    {
        await Runner(typeof(UsersAndContent)).MigrateAsync();

        var refused = Assert.ThrowsAsync<MigrationValidationException>(() => Runner(typeof(UsersAndContent), typeof(DropRole)).MigrateAsync());
        Assert.That(refused!.Message, Does.Contain("public.role is used by public.users.role"));

        var held = Assert.ThrowsAsync<MigrationException>(() => Runner(typeof(UsersAndContent), typeof(RenameAndDrop)).MigrateAsync());
        Assert.That(held!.Message, Does.Contain("users.role still holds 'student' of enum role"));
        Assert.That(Scalar("SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'role'::regtype"), Is.EqualTo("teacher,student"), "rolled back");

        Execute("DELETE FROM users");
        await Runner(typeof(UsersAndContent), typeof(RenameAndDrop)).MigrateAsync();
        Assert.That(Scalar("SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'role'::regtype"), Is.EqualTo("instructor"));
        Assert.That(Scalar("SELECT column_default FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'role'"), Is.EqualTo("'instructor'::role"), "the default survived the swap");
    }

    [Migration(1, "Users and content")]
    internal sealed class UsersAndContent : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            // Declared from the C# enum, so students.json's "role": 2 means Role.Student, as with SQLAlchemy's IntEnum.
            m.CreateEnum<Role>();
            m.CreateEnum("contenttype", "lesson", "quiz", "assignment");
            m.CreateTable("users", t => t
                .Column("created_at", c => c.Timestamp().NotNull())
                .Column("updated_at", c => c.Timestamp().NotNull())
                .Column("id", c => c.Int32().Identity().PrimaryKey())
                .Column("email", c => c.String(100).NotNull())
                .Column("role", c => c.Enum("role"))
                .Column("password", c => c.String(100)));
            m.CreateTable("sections", t => t
                .Column("id", c => c.Int32().Identity().PrimaryKey())
                .Column("title", c => c.String(200).NotNull()));
            m.CreateTable("content_blocks", t => t
                .Column("created_at", c => c.Timestamp().NotNull())
                .Column("updated_at", c => c.Timestamp().NotNull())
                .Column("id", c => c.Int32().Identity().PrimaryKey())
                .Column("title", c => c.String(200).NotNull())
                .Column("description", c => c.Text())
                .Column("type", c => c.Enum("contenttype"))
                .Column("url", c => c.Text())
                .Column("content", c => c.Text())
                .Column("section_id", c => c.Int32().NotNull().References("sections", "id")));
            m.InsertDataFromJson("users", "data/students.json");
        }

        public override void Down(MigrationBuilder m) => m
            .DropTable("content_blocks").DropTable("sections").DropTable("users")
            .DropEnum("contenttype").DropEnum("role");
    }

    /// <summary>Reuses <c>role</c>; asking for the type again is fine as long as the values agree.</summary>
    [Migration(2, "Staff")]
    internal sealed class Staff : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            m.CreateEnum("role", "teacher", "student");
            m.CreateTable("staff", t => t
                .Column("id", c => c.Int64().Identity().PrimaryKey())
                .Column("name", c => c.String(100).NotNull())
                .Column("role", c => c.Enum("role").NotNull()));
        }

        public override void Down(MigrationBuilder m) => m.DropTable("staff");
    }

    [Migration(2, "Guests")]
    internal sealed class Guests : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .AddEnumValue("role", "guest", after: "teacher")
            .InsertData("users", ["email", "role", "created_at", "updated_at"], ["guest@example.com", "guest", "2026-11-21 10:00:00", "2026-11-21 10:00:00"]);
    }

    [Migration(2, "Rename and drop")]
    internal sealed class RenameAndDrop : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .AlterColumn("users", "role", a => a.Default("student"))
            .RenameEnumValue("role", "teacher", "instructor")
            .AlterColumn("users", "role", a => a.Default("instructor"))
            .DropEnumValue("role", "student");
    }

    [Migration(2, "Drop role")]
    internal sealed class DropRole : Migration
    {
        public override void Up(MigrationBuilder m) => m.DropEnum("role");
    }
}
