using Migrations;
using Migrations.Building;

namespace PostgresExample.Migrations;

/// <summary>Two enum types in one migration, and students seeded from a JSON file.</summary>
[Migration(2026_11_21_1200, "Users and content blocks")]
public sealed class UsersAndContent : Migration
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
            .Column("id", c => c.Int32().Identity().PrimaryKey())
            .Column("title", c => c.String(200).NotNull())
            .Column("type", c => c.Enum("contenttype"))
            .Column("section_id", c => c.Int32().NotNull().References("sections", "id")));
        m.InsertDataFromJson("users", "data/students.json");
    }

    public override void Down(MigrationBuilder m) => m
        .DropTable("content_blocks").DropTable("sections").DropTable("users")
        .DropEnum("contenttype").DropEnum("role");
}

/// <summary>A later table reusing the role type: asking for it again is fine.</summary>
[Migration(2026_11_22_0900, "Staff")]
public sealed class Staff : Migration
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
