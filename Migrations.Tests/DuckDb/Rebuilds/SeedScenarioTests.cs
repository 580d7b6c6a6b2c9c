using Microsoft.Extensions.Logging;
using Migrations.Building;
using Migrations.DuckDb;
using DuckDB.NET.Data;
using Migrations.Running;
using Migrations.Tests.Support;

namespace Migrations.Tests.DuckDb.Rebuilds;

/// <summary>
/// The change that broke Alembic on DuckDB: customers and orders with their own sequences, rows in
/// both, then <c>email VARCHAR NOT NULL</c> added to customers, which orders references.
/// </summary>
public class SeedScenarioTests : DuckDbFileTests
{
    [Test]
    public async Task A_column_filled_by_raw_sql_then_made_not_null_in_one_migration_works()
    {
        // Seed 000's other path: add the column, fill it with an UPDATE written by hand, then NOT NULL.
        await Db.Runner(typeof(CustomersAndOrders)).MigrateAsync();
        Db.Execute("INSERT INTO customers (name) VALUES ('John Doe'), ('Jane Roe')");
        Db.Execute("INSERT INTO orders (item_name, customer_id) VALUES ('book', 1), ('pen', 2)");
        var orders = Db.RowChecksum("orders");

        await Db.Runner(typeof(CustomersAndOrders), typeof(AddEmailBySql)).MigrateAsync();

        Assert.That(Db.Rows("SELECT name, email FROM customers ORDER BY id").Select(r => string.Join(",", r)),
            Is.EqualTo(new[] { "John Doe,john doe@example.com", "Jane Roe,jane roe@example.com" }));
        Assert.That(Db.Scalar("SELECT is_nullable FROM duckdb_columns() WHERE table_name = 'customers' AND column_name = 'email'"), Is.False);
        Assert.That(Db.RowChecksum("orders"), Is.EqualTo(orders));
        Assert.Throws<DuckDBException>(() => Db.Execute("INSERT INTO customers (name, email) VALUES ('No Email', NULL)"));
    }

    [Test]
    public async Task Adding_a_not_null_email_to_a_referenced_table_keeps_every_row_and_constraint()
    {
        await Db.Runner(typeof(CustomersAndOrders)).MigrateAsync();
        Db.Execute("INSERT INTO customers (name) VALUES ('John Doe'), ('Jane Roe')");
        Db.Execute("INSERT INTO orders (item_name, customer_id) VALUES ('book', 1), ('pen', 2), ('ink', 2)");
        var orders = Db.RowChecksum("orders");

        var result = await Db.Runner(typeof(CustomersAndOrders), typeof(AddEmail)).MigrateAsync();

        Assert.That(result.Applied.Single().Type, Is.EqualTo(typeof(AddEmail)));
        Assert.That(Db.Rows("SELECT id, name, email FROM customers ORDER BY id").Select(r => string.Join(",", r)),
            Is.EqualTo(new[] { "1,John Doe,unknown@example.com", "2,Jane Roe,unknown@example.com" }));
        Assert.That(Db.RowChecksum("orders"), Is.EqualTo(orders));
        Assert.That(Db.Scalar("SELECT is_nullable FROM duckdb_columns() WHERE table_name = 'customers' AND column_name = 'email'"), Is.False);
        Assert.That(Db.Rows("SELECT index_name FROM duckdb_indexes()").Select(r => r[0]), Is.EqualTo(new[] { "ix_orders_customer_id" }));

        // Constraints hold, the sequences continue, and the parent can still be changed (no catalog corruption).
        Assert.Throws<DuckDBException>(() => Db.Execute("INSERT INTO customers (name, email) VALUES ('No Email', NULL)"));
        Assert.Throws<DuckDBException>(() => Db.Execute("INSERT INTO orders (item_name, customer_id) VALUES ('x', 99)"));
        Assert.Throws<DuckDBException>(() => Db.Execute("INSERT INTO customers (id, name, email) VALUES (1, 'dup', 'd@example.com')"));
        Db.Execute("INSERT INTO customers (name, email) VALUES ('New', 'new@example.com')");
        Db.Execute("INSERT INTO orders (item_name, customer_id) VALUES ('cup', 3)");
        Assert.That(Db.Scalar("SELECT max(id) FROM customers"), Is.EqualTo(3L));
        Assert.That(Db.Scalar("SELECT max(id) FROM orders"), Is.EqualTo(4L));
        Db.Execute("DELETE FROM orders WHERE customer_id = 1");
        Db.Execute("DELETE FROM customers WHERE id = 1");
        Db.Execute("UPDATE customers SET name = 'Jane R.' WHERE id = 2");
        Assert.That(Db.Count("customers"), Is.EqualTo(2));
    }

    [Test]
    public async Task The_reverse_drops_the_email_again_and_restores_the_schema()
    {
        await Db.Runner(typeof(CustomersAndOrders)).MigrateAsync();
        Db.Execute("INSERT INTO customers (name) VALUES ('John Doe')");
        Db.Execute("INSERT INTO orders (item_name, customer_id) VALUES ('book', 1)");
        var schema = Db.Catalog();
        var customers = Db.RowChecksum("customers");
        var orders = Db.RowChecksum("orders");

        var runner = Db.Runner(typeof(CustomersAndOrders), typeof(AddEmail));
        await runner.MigrateAsync();
        await runner.MigrateToAsync(1);

        Assert.That(Db.Catalog(), Is.EqualTo(schema));
        Assert.That(Db.RowChecksum("customers"), Is.EqualTo(customers));
        Assert.That(Db.RowChecksum("orders"), Is.EqualTo(orders));
        Db.Execute("DELETE FROM orders");
        Db.Execute("DELETE FROM customers");
    }

    [Test]
    public async Task The_plan_shows_the_referencing_table_moved_aside_before_it_runs()
    {
        await Db.Runner(typeof(CustomersAndOrders)).MigrateAsync();
        var script = await Db.Runner(typeof(CustomersAndOrders), typeof(AddEmail)).ScriptAsync();

        // As in the research recipe: orders moves aside, customers changes in place, orders comes back.
        Assert.That(script, Does.Contain("-- move main.orders aside, which reference main.customers, so that DuckDB lets main.customers change in place: main.orders references it by a foreign key, and DuckDB refuses SET NOT NULL there"));
        var drop = script.IndexOf("DROP TABLE \"main\".\"orders\"", StringComparison.Ordinal);
        var add = script.IndexOf("ALTER TABLE \"main\".\"customers\" ADD COLUMN \"email\" VARCHAR DEFAULT 'unknown@example.com'", StringComparison.Ordinal);
        var notNull = script.IndexOf("ALTER TABLE \"main\".\"customers\" ALTER COLUMN \"email\" SET NOT NULL", StringComparison.Ordinal);
        var recreate = script.IndexOf("CREATE TABLE \"main\".\"orders\"", StringComparison.Ordinal);
        Assert.That(new[] { drop, add, notNull, recreate }, Is.All.GreaterThan(0), "every step is in the script");
        Assert.That(new[] { drop, add, notNull, recreate }, Is.Ordered, "children aside, parent altered in place, children back");
        Assert.That(script, Does.Not.Contain("DROP TABLE \"main\".\"customers\""), "the parent itself is not rebuilt");
    }

    [Test]
    public async Task The_log_says_why_tables_move_and_how_many_rows_were_copied()
    {
        await Db.Runner(typeof(CustomersAndOrders)).MigrateAsync();
        Db.Execute("INSERT INTO customers (name) VALUES ('a'), ('b')");
        Db.Execute("INSERT INTO orders (item_name, customer_id) VALUES ('x', 1), ('y', 2), ('z', 2)");
        var log = new ListLogger<MigrationRunner>();

        await new MigrationRunner(new DuckDbDialect(Db.ConnectionString), new MigrationRunnerOptions().Add(typeof(CustomersAndOrders), typeof(AddEmail)), log).MigrateAsync();

        var info = log.Lines.Where(l => l.Level == LogLevel.Information).Select(l => l.Message).ToList();
        Assert.That(info, Does.Contain("2: move main.orders aside, which reference main.customers, so that DuckDB lets main.customers change in place: main.orders references it by a foreign key, and DuckDB refuses SET NOT NULL there"));
        Assert.That(info, Does.Contain("2: copy the rows of main.orders back: 3 rows"));
        Assert.That(log.Lines.Count(l => l.Event.Id == 14), Is.EqualTo(1), "stable event id for rows written");
    }

    /// <summary>As in the seed: explicit sequences named by the user, used as server defaults.</summary>
    [Migration(1, "Initial database setup")]
    internal sealed class CustomersAndOrders : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            m.CreateSequence("custom_id_seq");
            m.CreateSequence("order_id_seq");
            m.CreateTable("customers", t => t
                .Column("id", c => c.Int32().DefaultSql("nextval('custom_id_seq')").PrimaryKey())
                .Column("name", c => c.String().NotNull()));
            m.CreateTable("orders", t => t
                .Column("id", c => c.Int32().DefaultSql("nextval('order_id_seq')").PrimaryKey())
                .Column("item_name", c => c.String().NotNull())
                .Column("customer_id", c => c.Int32().NotNull().References("customers", "id")));
            m.CreateIndex("orders", "customer_id");
        }

        public override void Down(MigrationBuilder m) => m
            .DropTable("orders").DropTable("customers")
            .DropSequence("order_id_seq").DropSequence("custom_id_seq");
    }

    [Migration(2, "Add email by SQL")]
    internal sealed class AddEmailBySql : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .AddColumn("customers", "email", c => c.String(255))
            .Sql("UPDATE customers SET email = lower(name) || '@example.com' WHERE email IS NULL")
            .AlterColumn("customers", "email", a => a.NotNull());

        public override void Down(MigrationBuilder m) => m.DropColumn("customers", "email");
    }

    [Migration(2, "add email to customers")]
    internal sealed class AddEmail : Migration
    {
        public override void Up(MigrationBuilder m) =>
            m.AddColumn("customers", "email", c => c.String(255).NotNull().Default("unknown@example.com"));
    }
}
