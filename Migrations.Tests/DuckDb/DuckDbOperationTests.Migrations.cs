using Migrations.Building;
using Migrations.Operations;

namespace Migrations.Tests.DuckDb;

/// <summary>The migrations the operation tests run.</summary>
public partial class DuckDbOperationTests
{
    [Migration(1, "Categories")]
    internal sealed class Categories : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateTable("categories", t => t
                .Column("id", c => c.Int64().PrimaryKey())
                .Column("name", c => c.String())
                .Column("parent_id", c => c.Int64().References("categories", "id")))
            .InsertData("categories", ["id", "name", "parent_id"], [3L, "pens", 2L], [1L, "shop", null], [2L, "office", 1L], [4L, "garden", 1L])
            .InsertData("categories", ["id", "name", "parent_id"], Enumerable.Range(1, 99).Select(i => new object?[] { 1000L + i, $"child {i}", 1000L })
                .Append([1000L, "big parent", null]).ToArray());
    }

    /// <summary>A tree given as a sequence, children first: every row but the root names a parent among the rows.</summary>
    [Migration(1, "Streamed categories")]
    internal sealed class StreamedCategories : Migration
    {
        public const int Rows = 2_000;

        public static int Reads { get; set; }

        public override void Up(MigrationBuilder m) => m
            .CreateTable("categories", t => t
                .Column("id", c => c.Int64().PrimaryKey())
                .Column("parent_id", c => c.Int64().References("categories", "id")))
            .InsertData("categories", ["id", "parent_id"], Tree());

        private static IEnumerable<object?[]> Tree()
        {
            Reads++;
            for (long id = Rows; id >= 1; id--)
            {
                yield return [id, id == 1 ? null : id / 2];
            }
        }
    }

    [Migration(1, "Table by SQL")]
    internal sealed class TableBySql : Migration
    {
        public override void Up(MigrationBuilder m) => m.Sql("CREATE TABLE gadgets (id INTEGER PRIMARY KEY, qty INTEGER)");

        public override void Down(MigrationBuilder m) => m.DropTable("gadgets");
    }

    [Migration(2, "Check on a table made by SQL")]
    internal sealed class CheckOnSqlTable : Migration
    {
        public override void Up(MigrationBuilder m) => m.AddCheckConstraint("gadgets", "ck_gadgets_qty", "qty > 0");
    }

    [Migration(1, "Table and check in one")]
    internal sealed class TableAndCheckInOne : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .Sql("CREATE TABLE gadgets (id INTEGER PRIMARY KEY, qty INTEGER)")
            .AddCheckConstraint("gadgets", "ck_gadgets_qty", "qty > 0");

        public override void Down(MigrationBuilder m) => m.DropTable("gadgets");
    }

    [Migration(1, "Own sequence")]
    internal sealed class OwnSequence : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateSequence("order_id_seq")
            .CreateTable("orders", t => t.Column("id", c => c.Int64().DefaultSql("nextval('order_id_seq')").PrimaryKey()).Column("item", c => c.String()));
    }

    [Migration(2, "Renamed identity")]
    internal sealed class RenamedIdentity : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .CreateTable("tickets", t => t.Column("id", c => c.Int64().Identity().PrimaryKey()))
            .RenameTable("tickets", "issues");
    }

    [Migration(1, "Customers and orders")]
    internal sealed class CustomersAndOrders : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            m.CreateTable("customers", t => t
                .Column("id", c => c.Int64().Identity().PrimaryKey())
                .Column("name", c => c.String().NotNull())
                .Column("email", c => c.String(255).Unique()));
            m.CreateTable("orders", t => t
                .Column("id", c => c.Int64().Identity().PrimaryKey())
                .Column("item_name", c => c.String().NotNull())
                .Column("customer_id", c => c.Int64().NotNull().References("customers", "id"))
                .Column("quantity", c => c.Int32().Check("quantity > 0")));
            m.CreateIndex("orders", "customer_id");
        }

        public override void Down(MigrationBuilder m) => m.DropTable("orders").DropTable("customers");
    }

    [Migration(2, "Drop orders")]
    internal sealed class DropOrders : Migration
    {
        public override void Up(MigrationBuilder m) => m.DropTable("orders");
    }

    [Migration(1, "All types")]
    internal sealed class AllTypes : Migration
    {
        public static readonly object?[] Values =
        [
            true, (short)1, 2, 3L, 4.5m, 5.5f, 6.5, "text", "more text than twelve bytes", new DateOnly(2026, 11, 21),
            new TimeOnly(12, 0), new DateTime(2026, 11, 21, 12, 0, 0), new DateTime(2026, 11, 21, 11, 0, 0, DateTimeKind.Utc),
            Guid.Parse("6c51c2d7-8b76-4c1e-b000-000000000001"), new byte[] { 1, 2, 3 }, "{\"a\": 1}", new System.Numerics.BigInteger(12345),
        ];

        public override void Up(MigrationBuilder m)
        {
            m.CreateTable("all_types", t => t
                .Column("b", c => c.Boolean()).Column("i16", c => c.Int16()).Column("i32", c => c.Int32()).Column("i64", c => c.Int64())
                .Column("dec", c => c.Decimal(10, 2)).Column("f32", c => c.Float32()).Column("f64", c => c.Float64())
                .Column("s", c => c.String(20)).Column("txt", c => c.Text()).Column("day", c => c.Date()).Column("tm", c => c.Time())
                .Column("ts", c => c.Timestamp()).Column("tz", c => c.TimestampTz()).Column("g", c => c.Guid())
                .Column("bin", c => c.Binary()).Column("j", c => c.Json()).Column("big", c => c.Type(ColumnType.Custom("HUGEINT"))));
            m.InsertData("all_types", ["b", "i16", "i32", "i64", "dec", "f32", "f64", "s", "txt", "day", "tm", "ts", "tz", "g", "bin", "j", "big"],
                Values.Select(v => v is System.Numerics.BigInteger ? (object)"12345" : v).ToArray());
        }
    }

    [Migration(1, "Defaults")]
    internal sealed class Defaults : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("d", t => t
            .Column("id", c => c.Int32())
            .Column("label", c => c.String().Default("it's; DROP TABLE d; --"))
            .Column("amount", c => c.Decimal(6, 2).Default(12.5m))
            .Column("flag", c => c.Boolean().Default(true))
            .Column("day", c => c.Date().Default(new DateOnly(2026, 1, 2)))
            .Column("created", c => c.TimestampTz().DefaultSql("current_timestamp")));
    }

    [Migration(1, "Plain table")]
    internal sealed class PlainTable : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            m.CreateTable("items", t => t
                .Column("id", c => c.Int64().NotNull())
                .Column("title", c => c.String())
                .Column("price", c => c.Int32()));
            m.InsertData("items", ["id", "title", "price"], [1L, "first", 10], [2L, "second", 20]);
        }
    }

    [Migration(2, "Change columns")]
    internal sealed class ChangeColumns : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            m.AlterColumn("items", "price", a => a.Type(ColumnType.Decimal(12, 2), "price - 0.01").Default(0));
            m.AlterColumn("items", "title", a => a.NotNull());
            m.AddColumn("items", "status", c => c.String().NotNull().Default("new"));
            m.AddColumn("items", "note", c => c.Text().Default("n/a"));
            m.AlterColumn("items", "note", a => a.DropDefault());
            m.DropColumn("items", "note");
        }
    }

    /// <summary>Filling a column from a sequence counts as an update in DuckDB, so it gets its own transaction.</summary>
    [Migration(3, "Add a numbered column")]
    internal sealed class AddSerial : Migration
    {
        public override void Up(MigrationBuilder m) => m.AddColumn("items", "serial", c => c.Int64().Identity());
    }

    [Migration(2, "Reshape")]
    internal sealed class Reshape : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            m.RenameTable("items", "products");
            m.RenameColumn("products", "title", "name");
            m.DropColumn("products", "price");
            m.AddPrimaryKey("products", ["id"]);
            m.CreateIndex("products", ["name", "id"], unique: true, name: "ux_products_name_id");
            m.CreateIndex("products", "name");
            m.DropIndex("products", "ix_products_name");
            m.CreateSequence("counter", startWith: 100, incrementBy: 5);
            m.CreateSequence("unused");
            m.DropSequence("unused");
        }
    }

    [Migration(2, "Change data")]
    internal sealed class ChangeData : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            m.InsertData("items", new[] { new { id = 3L, title = "'); DROP TABLE items; --" }, new { id = 4L, title = (string)null! } });
            m.UpdateData("items", new { title = "first" }, new { id = 1L });
            m.DeleteData("items", new { id = 2L, title = "second" });
            m.Sql("UPDATE items SET price = NULL WHERE id = 1");
        }
    }

    [Migration(1, "Invoices in their own schema")]
    internal sealed class InSchema : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            m.Sql("CREATE SCHEMA sales");
            m.CreateTable("invoices", t => t
                .Column("id", c => c.Int64().Identity().PrimaryKey())
                .Column("total", c => c.Decimal(10, 0)), schema: "sales");
            m.CreateIndex("invoices", "total", schema: "sales");
        }

        public override void Down(MigrationBuilder m)
        {
            m.DropTable("invoices", schema: "sales");
            m.Sql("DROP SCHEMA sales");
        }
    }
}
