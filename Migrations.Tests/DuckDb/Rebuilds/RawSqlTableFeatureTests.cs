using Migrations.Building;
using Migrations.Operations;
using Migrations.Running;
using Migrations.Tests.Support;

namespace Migrations.Tests.DuckDb.Rebuilds;

/// <summary>
/// A table written by hand with what DuckDB's catalog keeps outside the columns' types: comments on
/// the table, a column and an index, a case-insensitive collation and a generated column. A rebuild
/// must carry all of them, or refuse before any SQL.
/// </summary>
public class RawSqlTableFeatureTests : DuckDbFileTests
{
    [Test]
    public async Task A_rebuild_keeps_comments_collations_and_generated_columns()
    {
        await Db.Runner(typeof(HandWrittenProducts)).MigrateAsync();
        var script = await Db.Runner(typeof(HandWrittenProducts), typeof(RepriceAndRename)).ScriptAsync();
        Assert.That(script, Does.Contain("CREATE TEMP TABLE"), "the change is made by rebuilding the table");

        await Db.Runner(typeof(HandWrittenProducts), typeof(RepriceAndRename)).MigrateAsync();

        Assert.That(Db.Scalar("SELECT comment FROM duckdb_tables() WHERE table_name = 'products'"), Is.EqualTo("what we sell"));
        Assert.That(Db.Scalar("SELECT comment FROM duckdb_columns() WHERE table_name = 'products' AND column_name = 'name'"), Is.EqualTo("shown to customers, it's case-insensitive"));
        Assert.That(Db.Scalar("SELECT comment FROM duckdb_indexes() WHERE index_name = 'ix_products_name'"), Is.EqualTo("lookup by name"));
        Assert.That(Db.Scalar("SELECT data_type FROM duckdb_columns() WHERE table_name = 'products' AND column_name = 'unit_price'"), Is.EqualTo("DECIMAL(10,2)"));
        Assert.That(Db.Scalar("SELECT sql FROM duckdb_tables() WHERE table_name = 'products'"),
            Does.Contain("\"name\" VARCHAR COLLATE NOCASE NOT NULL").And.Contain("GENERATED ALWAYS AS((unit_price * 2))"));

        Assert.That(Db.Rows("SELECT id, name FROM products WHERE name = 'WIDGET'").Select(r => $"{r[0]}:{r[1]}"), Is.EqualTo(new[] { "1:Widget" }), "still compares without case");
        Assert.That(Db.Rows("SELECT id, unit_price, total FROM products ORDER BY id").Select(r => $"{r[0]}:{r[1]}:{r[2]}"), Is.EqualTo(new[] { "1:2.50:5.00", "2:4.00:8.00" }));
        Db.Execute("UPDATE products SET unit_price = 10 WHERE id = 2");
        Assert.That(Db.Scalar("SELECT total FROM products WHERE id = 2"), Is.EqualTo(20.00m), "total is still computed, not a copied value");
        Db.Execute("INSERT INTO products (id, name) VALUES (3, 'Gizmo')");
        Assert.That(Db.Scalar("SELECT unit_price FROM products WHERE id = 3"), Is.EqualTo(1.50m), "the default survived");
    }

    [Test]
    public async Task Dropping_a_column_a_generated_column_computes_from_is_refused_before_any_sql()
    {
        await Db.Runner(typeof(HandWrittenProducts)).MigrateAsync();

        var error = Assert.ThrowsAsync<MigrationValidationException>(() => Db.Runner(typeof(HandWrittenProducts), typeof(DropPrice)).MigrateAsync());

        Assert.That(error!.Message, Does.Contain("DropColumn products.price: Column main.products.price is what the generated column(s)").And.Contain("total (GENERATED ALWAYS AS ((price * 2)))").And.Contain("drop those columns first"));
        Assert.That(Db.Rows("SELECT column_name FROM duckdb_columns() WHERE table_name = 'products' ORDER BY column_index").Select(r => r[0]),
            Is.EqualTo(new[] { "id", "name", "price", "total", "note" }));
        Assert.That(Db.HistoryVersions(), Is.EqualTo(new[] { 1L }));
    }

    [Migration(1, "Hand-written products")]
    internal sealed class HandWrittenProducts : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .Sql("CREATE TABLE products (id INTEGER PRIMARY KEY, name VARCHAR COLLATE NOCASE NOT NULL, price DECIMAL(8,2) DEFAULT 1.5, total DECIMAL(9,2) GENERATED ALWAYS AS (price * 2) VIRTUAL, note VARCHAR)")
            .Sql("CREATE INDEX ix_products_name ON products (name)")
            .Sql("COMMENT ON TABLE products IS 'what we sell'")
            .Sql("COMMENT ON COLUMN products.name IS 'shown to customers, it''s case-insensitive'")
            .Sql("COMMENT ON INDEX ix_products_name IS 'lookup by name'")
            .Sql("INSERT INTO products (id, name, price) VALUES (1, 'Widget', 2.50), (2, 'Gadget', 4.00)");

        public override void Down(MigrationBuilder m) => m.Sql("DROP TABLE products");
    }

    [Migration(2, "Reprice and rename")]
    internal sealed class RepriceAndRename : Migration
    {
        public override void Up(MigrationBuilder m) => m
            .AlterColumn("products", "price", a => a.Type(ColumnType.Decimal(10, 2)))
            .RenameColumn("products", "price", "unit_price")
            .DropColumn("products", "note");
    }

    [Migration(2, "Drop price")]
    internal sealed class DropPrice : Migration
    {
        public override void Up(MigrationBuilder m) => m.DropColumn("products", "price");
    }
}
