using Migrations.Building;
using Migrations.Operations;
using Migrations.Tests.Support;

namespace Migrations.Tests.DuckDb.Rebuilds;

/// <summary>
/// All of one table's consecutive changes in a migration are carried out by one rebuild: the rows
/// are copied aside and back once, each value passing through every change in order.
/// </summary>
public class MergedRebuildTests : DuckDbFileTests
{
    [Test]
    public async Task Three_changes_to_an_indexed_table_copy_it_once_and_keep_every_value()
    {
        var runner = Db.Runner(typeof(IndexedOrders), typeof(ThreeChangesToOrders));
        await runner.MigrateToAsync(1);
        Db.Execute("INSERT INTO orders (id, code, amount, note) SELECT i, 'c' || i, CAST(i AS VARCHAR), 'n' || i FROM range(1, 1001) r(i)");

        var script = await runner.ScriptAsync();
        await runner.MigrateAsync();

        Assert.That(Occurrences(script, "CREATE TEMP TABLE"), Is.EqualTo(1), script);
        Assert.That(script, Does.Contain("rebuild main.orders because"), "the reason stays in the script");
        Assert.That(Db.Rows("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'orders' ORDER BY column_index").Select(r => $"{r[0]} {r[1]}"),
            Is.EqualTo(new[] { "id INTEGER", "reference VARCHAR", "amount BIGINT" }));
        Assert.That(Db.Rows("SELECT count(*), sum(amount), count(DISTINCT reference) FROM orders WHERE reference = 'c' || id").Single(),
            Is.EqualTo(new object[] { 1000L, (System.Numerics.BigInteger)500500, 1000L }));
        Assert.That(Db.Scalar("SELECT count(*) FROM duckdb_indexes() WHERE index_name = 'ix_orders_code'"), Is.EqualTo(1L), "the index stays");
        Assert.Throws<DuckDB.NET.Data.DuckDBException>(() => Db.Execute("INSERT INTO orders (id, reference, amount) VALUES (1, 'x', 1)"), "the key stays");
    }

    [Test]
    public async Task Changes_later_in_the_chain_see_the_values_of_earlier_ones()
    {
        var runner = Db.Runner(typeof(IndexedOrders), typeof(ChainedChangesToOrders));
        await runner.MigrateToAsync(1);
        Db.Execute("INSERT INTO orders (id, code, amount, note) VALUES (1, 'a', '7', 'x'), (2, 'b', '8', NULL)");

        var script = await runner.ScriptAsync();
        await runner.MigrateAsync();

        Assert.That(Occurrences(script, "CREATE TEMP TABLE"), Is.EqualTo(1), script);
        Assert.That(Db.Rows("SELECT id, total, label FROM orders ORDER BY id").Select(r => $"{r[0]} {r[1]} {r[2]}"),
            Is.EqualTo(new[] { "1 17 a-17", "2 18 b-18" }), "the backfill reads the renamed, retyped column");
    }

    [Test]
    public async Task A_self_referencing_table_renamed_and_changed_keeps_its_tree_in_one_copy()
    {
        var runner = Db.Runner(typeof(Categories), typeof(ReshapeCategories));
        await runner.MigrateToAsync(1);
        // Four levels deep: the copy back must go parents first, level by level.
        foreach (var (id, parent, name) in new[] { (1, "NULL", "ROOT"), (2, "1", "A"), (3, "2", "B"), (4, "3", "C") })
        {
            Db.Execute($"INSERT INTO categories (id, parent_id, name) VALUES ({id}, {parent}, '{name}')");
        }

        var script = await runner.ScriptAsync();
        await runner.MigrateAsync();

        Assert.That(Occurrences(script, "CREATE TEMP TABLE \"__migrations_copy"), Is.EqualTo(1), script);
        Assert.That(Db.Rows("SELECT id, parent_id, title, weight FROM groups ORDER BY id").Select(r => $"{r[0]} {r[1] ?? "-"} {r[2]} {r[3]}"),
            Is.EqualTo(new[] { "1 - ROOT 0", "2 1 A 0", "3 2 B 0", "4 3 C 0" }));
        Assert.Throws<DuckDB.NET.Data.DuckDBException>(() => Db.Execute("INSERT INTO groups (id, parent_id, title) VALUES (9, 99, 'orphan')"), "the self-reference stays");
        Assert.That(Db.Exists("categories"), Is.False);
    }

    private static int Occurrences(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;

    [Migration(1, "Orders with an index")]
    private sealed class IndexedOrders : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            m.CreateTable("orders", t => t
                .Column("id", c => c.Int32().PrimaryKey())
                .Column("code", c => c.String())
                .Column("amount", c => c.String())
                .Column("note", c => c.String()));
            m.CreateIndex("orders", "code", name: "ix_orders_code");
        }
    }

    [Migration(2, "Drop, retype, rename")]
    private sealed class ThreeChangesToOrders : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            m.DropColumn("orders", "note");
            m.AlterColumn("orders", "amount", c => c.Type(ColumnType.Int64));
            m.RenameColumn("orders", "code", "reference");
        }
    }

    [Migration(1, "Categories in a tree")]
    private sealed class Categories : Migration
    {
        public override void Up(MigrationBuilder m) => m.CreateTable("categories", t => t
            .Column("id", c => c.Int64().PrimaryKey())
            .Column("parent_id", c => c.Int64().References("categories", "id"))
            .Column("name", c => c.String()));
    }

    [Migration(2, "Categories become groups")]
    private sealed class ReshapeCategories : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            m.RenameColumn("categories", "name", "title");
            m.AddColumn("categories", "weight", c => c.Int32().NotNull().Default(0));
            m.RenameTable("categories", "groups");
            m.AlterColumn("groups", "title", c => c.NotNull());
        }
    }

    [Migration(2, "Rename, retype, then a column computed from them")]
    private sealed class ChainedChangesToOrders : Migration
    {
        public override void Up(MigrationBuilder m)
        {
            m.RenameColumn("orders", "amount", "total");
            m.AlterColumn("orders", "total", c => c.Type(ColumnType.Int64, "CAST(\"total\" AS BIGINT) + 10"));
            m.AddColumn("orders", "label", c => c.String().NotNull().BackfillSql("code || '-' || CAST(total AS VARCHAR)"));
            m.DropColumn("orders", "note");
        }
    }
}
