using Migrations.Building;
using Migrations.Operations;
using Migrations.Running;
using Npgsql;

namespace Migrations.Tests.Postgres;

/// <summary>Every operation applied to a real PostgreSQL server and read back from pg_catalog.</summary>
public class PostgresOperationTests : PostgresTests
{
    [Test]
    public async Task Tables_with_identity_keys_and_constraints_are_created_and_enforced()
    {
        await Runner(typeof(Shop)).MigrateAsync();

        Assert.That(Rows("SELECT column_name, data_type, is_nullable, is_identity FROM information_schema.columns WHERE table_name = 'orders' ORDER BY ordinal_position")
                .Select(r => string.Join(" ", r)),
            Is.EqualTo(new[] { "id bigint NO YES", "item_name character varying NO NO", "customer_id bigint NO NO", "quantity integer YES NO", "placed_at timestamp with time zone NO NO" }));
        Assert.That(Rows("SELECT conname, contype::text FROM pg_constraint WHERE conrelid IN ('customers'::regclass, 'orders'::regclass) ORDER BY 1").Select(r => $"{r[0]}:{r[1]}"),
            Is.EqualTo(new[] { "ck_orders_quantity:c", "fk_orders_customer_id:f", "pk_customers:p", "pk_orders:p", "uq_customers_email:u" }));

        Execute("INSERT INTO customers (name, email) VALUES ('Ann', 'ann@example.com'), ('Bob', 'bob@example.com')");
        Execute("INSERT INTO orders (item_name, customer_id, quantity) VALUES ('book', 2, 1)");
        Assert.That(Scalar("SELECT id FROM orders"), Is.EqualTo(1L));
        Assert.Throws<PostgresException>(() => Execute("INSERT INTO orders (item_name, customer_id) VALUES ('pen', 99)"));
        Assert.Throws<PostgresException>(() => Execute("INSERT INTO orders (item_name, customer_id, quantity) VALUES ('pen', 1, 0)"));
        Assert.Throws<PostgresException>(() => Execute("INSERT INTO customers (name, email) VALUES ('Eve', 'ann@example.com')"));
        Execute("DELETE FROM customers WHERE id = 2"); // ON DELETE CASCADE takes the order along
        Assert.That(Scalar("SELECT count(*) FROM orders"), Is.EqualTo(0L));
    }

    [Test]
    public async Task Columns_constraints_and_indexes_change_in_place_and_down_restores_the_schema()
    {
        var runner = Runner(typeof(Shop), typeof(Reshape));
        await runner.MigrateToAsync(1);
        Execute("INSERT INTO customers (name, email) VALUES ('Ann', 'ann@example.com')");
        var before = Catalog();

        await runner.MigrateAsync();

        Assert.That(Rows("SELECT name, contact, tier, score FROM clients").Single(), Is.EqualTo(new object?[] { "Ann", "ann@example.com", "basic", 0L }));
        Assert.That(Scalar("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'clients'::regclass AND attname = 'score'"), Is.EqualTo("bigint"));
        Assert.That(Rows("SELECT indexname FROM pg_indexes WHERE tablename = 'clients' ORDER BY 1").Select(r => r[0]), Is.EqualTo(new[] { "ix_clients_tier_name", "pk_customers", "uq_customers_email" }));
        Assert.Throws<PostgresException>(() => Execute("INSERT INTO clients (name, contact, tier, score) VALUES ('x', 'y', 'basic', -1)"), "the new check holds");

        await runner.MigrateToAsync(1);
        Assert.That(Catalog(), Is.EqualTo(before));
    }

    [Test]
    public async Task Data_values_are_parameters_cast_to_their_columns()
    {
        await Runner(typeof(Shop), typeof(Data)).MigrateAsync();

        Assert.That(Rows("SELECT name, email FROM customers ORDER BY id").Select(r => $"{r[0]}|{r[1]}"),
            Is.EqualTo(new[] { "Robert'); DROP TABLE customers; --|bobby@example.com", "Carol|carol@example.com" }));
        Assert.That(Scalar("SELECT placed_at FROM orders"), Is.EqualTo(new DateTime(2021, 10, 3, 7, 0, 0, DateTimeKind.Utc)));
    }

    [Test]
    public async Task A_failing_migration_changes_nothing()
    {
        await Runner(typeof(Shop)).MigrateAsync();
        Execute("INSERT INTO customers (name, email) VALUES ('Ann', 'ann@example.com')");
        var catalog = Catalog();

        var error = Assert.ThrowsAsync<MigrationException>(() => Runner(typeof(Shop), typeof(Fails)).MigrateAsync());

        Assert.That(error!.Message, Does.Contain("Fails").And.Contain("nowhere").And.Contain("rolled back"));
        Assert.That(Catalog(), Is.EqualTo(catalog));
        Assert.That(Rows("SELECT name FROM customers").Select(r => r[0]), Is.EqualTo(new[] { "Ann" }));
        Assert.That(HistoryVersions(), Is.EqualTo(new[] { 1L }));
    }

    [Migration(1, "Shop")]
    internal sealed class Shop : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            m.CreateTable("customers", t => t
                .Column("id", c => c.Int64().Identity().PrimaryKey())
                .Column("name", c => c.String(100).NotNull())
                .Column("email", c => c.String(255).Unique()));
            CreateOrders(m);
        }

        public override void Down(MigrationBuilder m) => m.DropTable("orders").DropTable("customers");

        public static void CreateOrders(MigrationBuilder m)
        {
            m.CreateTable("orders", t => t
                .Column("id", c => c.Int64().Identity().PrimaryKey())
                .Column("item_name", c => c.String(200).NotNull())
                .Column("customer_id", c => c.Int64().NotNull())
                .Column("quantity", c => c.Int32().Check("quantity > 0"))
                .Column("placed_at", c => c.TimestampTz().NotNull().DefaultSql("now()"))
                .ForeignKey(["customer_id"], "customers", ["id"], onDelete: ReferentialAction.Cascade));
            m.CreateIndex("orders", "customer_id");
        }
    }

    [Migration(2, "Reshape")]
    internal sealed class Reshape : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            m.DropTable("orders");
            m.RenameTable("customers", "clients");
            m.RenameColumn("clients", "email", "contact");
            m.AddColumn("clients", "tier", c => c.String(20).NotNull().Default("basic"));
            m.AddColumn("clients", "score", c => c.Int32().NotNull().Backfill(0));
            m.AlterColumn("clients", "score", a => a.Type(ColumnType.Int64));
            m.AddCheckConstraint("clients", "ck_clients_score", "score >= 0");
            m.CreateIndex("clients", ["tier", "name"]);
        }

        public override void Down(MigrationBuilder m)
        {
            m.DropIndex("clients", "ix_clients_tier_name");
            m.DropConstraint("clients", "ck_clients_score");
            m.DropColumn("clients", "score");
            m.DropColumn("clients", "tier");
            m.RenameColumn("clients", "contact", "email");
            m.RenameTable("clients", "customers");
            Shop.CreateOrders(m);
        }
    }

    [Migration(2, "Data")]
    internal sealed class Data : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            m.InsertData("customers", new[] { new { name = "Robert'); DROP TABLE customers; --", email = "bobby@example.com" }, new { name = "Carol", email = "x" } });
            m.UpdateData("customers", new { email = "carol@example.com" }, new { name = "Carol" });
            m.InsertData("orders", ["item_name", "customer_id", "placed_at"], ["book", 1L, "2021-10-03 01:00:00-06"]);
        }
    }

    [Migration(2, "Fails")]
    internal sealed class Fails : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .AddColumn("customers", "age", c => c.Int32())
            .InsertData("customers", ["name"], ["Bob"])
            .Sql("INSERT INTO nowhere VALUES (1)");
    }
}
