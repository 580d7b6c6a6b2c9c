using Migrations;
using Migrations.Building;

namespace WebApi.Migrations;

[Migration(2026_11_21_1200, "Create todos")]
public sealed class CreateTodos : Migration
{
    public override void Up(MigrationBuilder m)
    {
        m.CreateTable("todos", t => t
            .Column("id", c => c.Int64().Identity().PrimaryKey())
            .Column("title", c => c.String(200).NotNull()));
        m.InsertData("todos", ["title"], ["Read the README"], ["Write a migration"]);
    }
}

[Migration(2026_11_22_0900, "Todos can be done")]
public sealed class TodosCanBeDone : Migration
{
    public override void Up(MigrationBuilder m) =>
        m.AddColumn("todos", "done", c => c.Boolean().NotNull().Default(false));
}
