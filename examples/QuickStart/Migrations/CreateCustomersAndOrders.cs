using Migrations;
using Migrations.Building;

namespace QuickStart.Migrations;

/// <summary>Customers and their orders, with auto-increment ids and a foreign key.</summary>
[Migration(2026_11_21_1200, "Create customers and orders")]
public sealed class CreateCustomersAndOrders : Migration
{
    public override void Up(MigrationBuilder m)
    {
        m.CreateTable("customers", t => t
            .Column("id", c => c.Int64().Identity().PrimaryKey())
            .Column("name", c => c.String().NotNull()));

        m.CreateTable("orders", t => t
            .Column("id", c => c.Int64().Identity().PrimaryKey())
            .Column("item_name", c => c.String().NotNull())
            .Column("customer_id", c => c.Int64().NotNull().References("customers", "id")));

        m.CreateIndex("orders", "customer_id");
    }

    public override void Down(MigrationBuilder m)
    {
        m.DropTable("orders");
        m.DropTable("customers");
    }
}
