using DuckDB.NET.Data;
using Migrations.Tests.Support;

namespace Migrations.Tests.DuckDb;

/// <summary>Every operation applied to a real DuckDB file and its effect read back from the catalog and the rows.</summary>
public partial class DuckDbOperationTests : DuckDbFileTests
{
    [Test]
    public async Task CreateTable_with_identity_keys_foreign_key_unique_and_check_is_enforced()
    {
        await Db.Runner(typeof(CustomersAndOrders)).MigrateAsync();

        Assert.That(Db.Rows("SELECT column_name, data_type, is_nullable FROM duckdb_columns() WHERE table_name = 'orders' ORDER BY column_index"),
            Is.EqualTo(new[]
            {
                new object[] { "id", "BIGINT", false },
                new object[] { "item_name", "VARCHAR", false },
                new object[] { "customer_id", "BIGINT", false },
                new object[] { "quantity", "INTEGER", true },
            }));
        Assert.That(Db.Rows("SELECT table_name, constraint_type FROM duckdb_constraints() WHERE constraint_type <> 'NOT NULL' AND NOT starts_with(table_name, '__migrations_history') ORDER BY ALL").Select(r => $"{r[0]} {r[1]}"),
            Is.EqualTo(new[] { "customers PRIMARY KEY", "customers UNIQUE", "orders CHECK", "orders FOREIGN KEY", "orders PRIMARY KEY" }));

        Db.Execute("INSERT INTO customers (name, email) VALUES ('Ann', 'ann@example.com'), ('Bob', 'bob@example.com')");
        Db.Execute("INSERT INTO orders (item_name, customer_id, quantity) VALUES ('book', 2, 1)");
        Assert.That(Db.Rows("SELECT id, name FROM customers ORDER BY id").Select(r => $"{r[0]} {r[1]}"), Is.EqualTo(new[] { "1 Ann", "2 Bob" }));
        Assert.That(Db.Scalar("SELECT id FROM orders"), Is.EqualTo(1L));

        Assert.Throws<DuckDBException>(() => Db.Execute("INSERT INTO orders (item_name, customer_id) VALUES ('pen', 99)"), "foreign key");
        Assert.Throws<DuckDBException>(() => Db.Execute("INSERT INTO orders (item_name, customer_id, quantity) VALUES ('pen', 1, 0)"), "check");
        Assert.Throws<DuckDBException>(() => Db.Execute("INSERT INTO customers (name, email) VALUES ('Eve', 'ann@example.com')"), "unique");
        Assert.Throws<DuckDBException>(() => Db.Execute("INSERT INTO customers (email) VALUES ('x@example.com')"), "not null");
    }

    [Test]
    public async Task Every_portable_type_maps_to_a_duckdb_type_and_stores_values()
    {
        await Db.Runner(typeof(AllTypes)).MigrateAsync();

        Assert.That(Db.Rows("SELECT data_type FROM duckdb_columns() WHERE table_name = 'all_types' ORDER BY column_index").Select(r => r[0]),
            Is.EqualTo(new[] { "BOOLEAN", "SMALLINT", "INTEGER", "BIGINT", "DECIMAL(10,2)", "FLOAT", "DOUBLE", "VARCHAR", "VARCHAR", "DATE", "TIME", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "UUID", "BLOB", "JSON", "HUGEINT" }));
        var row = Db.Rows("SELECT * EXCLUDE (j) FROM all_types").Single();
        Assert.That(row, Is.EqualTo(AllTypes.Values.Take(15).Append(AllTypes.Values[16]).ToArray()));
        Assert.That(Db.Scalar("SELECT j->>'$.a' FROM all_types"), Is.EqualTo("1"));
    }

    [Test]
    public async Task Defaults_are_written_as_safe_literals()
    {
        await Db.Runner(typeof(Defaults)).MigrateAsync();
        Db.Execute("INSERT INTO d (id) VALUES (1)");
        var row = Db.Rows("SELECT label, amount, flag, day, created IS NOT NULL FROM d").Single();
        Assert.That(row, Is.EqualTo(new object[] { "it's; DROP TABLE d; --", 12.5m, true, new DateOnly(2026, 1, 2), true }));
    }

    [Test]
    public async Task Column_changes_apply_in_place()
    {
        await Db.Runner(typeof(PlainTable), typeof(ChangeColumns), typeof(AddSerial)).MigrateAsync();

        Assert.That(Db.Rows("SELECT column_name, data_type, is_nullable, column_default FROM duckdb_columns() WHERE table_name = 'items' ORDER BY column_index"),
            Is.EqualTo(new[]
            {
                new object?[] { "id", "BIGINT", false, null },
                new object?[] { "title", "VARCHAR", false, null },
                new object?[] { "price", "DECIMAL(12,2)", true, "0" },
                new object?[] { "status", "VARCHAR", false, "'new'" },
                new object?[] { "serial", "BIGINT", false, "nextval('\"main\".\"items_serial_seq\"')" },
            }));
        Assert.That(Db.Rows("SELECT id, title, price, status, serial FROM items ORDER BY id").Select(r => string.Join(",", r)),
            Is.EqualTo(new[] { "1,first,9.99,new,1", "2,second,19.99,new,2" }));
        Db.Execute("INSERT INTO items (id, title) VALUES (3, 'third')");
        Assert.That(Db.Scalar("SELECT serial FROM items WHERE id = 3"), Is.EqualTo(3L), "the identity sequence continues");
        Assert.Throws<DuckDBException>(() => Db.Execute("INSERT INTO items (id) VALUES (4)"), "title is NOT NULL now");
    }

    [Test]
    public async Task Renames_drops_indexes_sequences_and_primary_key()
    {
        await Db.Runner(typeof(PlainTable), typeof(Reshape)).MigrateAsync();

        Assert.That(Db.Exists("items"), Is.False);
        Assert.That(Db.Rows("SELECT column_name FROM duckdb_columns() WHERE table_name = 'products' ORDER BY column_index").Select(r => r[0]),
            Is.EqualTo(new[] { "id", "name" }));
        Assert.That(Db.Rows("SELECT constraint_type FROM duckdb_constraints() WHERE table_name = 'products' AND constraint_type = 'PRIMARY KEY'"), Has.Count.EqualTo(1));
        Assert.That(Db.Rows("SELECT index_name, is_unique, expressions FROM duckdb_indexes()").Select(r => string.Join(" ", r)),
            Is.EqualTo(new[] { "ux_products_name_id True ['\"name\"', id]" }));
        Assert.That(Db.Rows("SELECT sequence_name FROM duckdb_sequences()").Select(r => r[0]), Is.EqualTo(new[] { "counter" }));
        Assert.That(Db.Scalar("SELECT nextval('counter')"), Is.EqualTo(100L));
        Assert.Throws<DuckDBException>(() => Db.Execute("INSERT INTO products VALUES (1, 'again')"), "the new primary key holds");
    }

    [Test]
    public async Task Data_operations_bind_values_as_parameters()
    {
        await Db.Runner(typeof(PlainTable), typeof(ChangeData)).MigrateAsync();

        Assert.That(Db.Rows("SELECT id, title FROM items ORDER BY id").Select(r => $"{r[0]}={r[1]}"),
            Is.EqualTo(new[] { "1=first", "3='); DROP TABLE items; --", "4=" }));
        Assert.That(Db.Count("items"), Is.EqualTo(3));
    }

    [Test]
    public async Task Drop_table_removes_its_identity_sequences_and_keeps_others()
    {
        await Db.Runner(typeof(CustomersAndOrders), typeof(DropOrders)).MigrateAsync();

        Assert.That(Db.Exists("orders"), Is.False);
        Assert.That(Db.Rows("SELECT sequence_name FROM duckdb_sequences() ORDER BY 1").Select(r => r[0]), Is.EqualTo(new[] { "customers_id_seq" }));
    }

    [Test]
    public async Task A_sequence_the_user_made_stays_when_the_table_using_it_goes()
    {
        // Seed 000: order ids drawn from the user's own sequence; the automatic Down drops the table, then the sequence.
        var runner = Db.Runner(typeof(OwnSequence), typeof(RenamedIdentity));
        await runner.MigrateAsync();
        Assert.That(Db.Scalar("SELECT comment FROM duckdb_sequences() WHERE sequence_name = 'tickets_id_seq'"), Does.StartWith("Migrations: identity of"));

        await runner.MigrateToAsync(1);
        Assert.That(Db.Rows("SELECT sequence_name FROM duckdb_sequences() ORDER BY 1").Select(r => r[0]), Is.EqualTo(new[] { "order_id_seq" }),
            "the renamed identity table's sequence went with it; the user's stayed");

        await runner.MigrateToAsync(0);
        Assert.That(Db.Rows("SELECT sequence_name FROM duckdb_sequences()"), Is.Empty);
        Assert.That(Db.HistoryVersions(), Is.Empty);
    }

    [Test]
    public async Task A_check_constraint_on_a_table_made_by_sql_in_an_earlier_migration_of_the_run_is_added()
    {
        await Db.Runner(typeof(TableBySql), typeof(CheckOnSqlTable)).MigrateAsync();

        Db.Execute("INSERT INTO gadgets VALUES (1, 5)");
        Assert.Throws<DuckDBException>(() => Db.Execute("INSERT INTO gadgets VALUES (2, 0)"), "the check holds");
        Assert.That(Db.HistoryVersions(), Is.EqualTo(new[] { 1L, 2L }));
    }

    [Test]
    public void A_check_constraint_on_a_table_made_by_sql_in_the_same_migration_is_refused_with_what_to_do()
    {
        var error = Assert.ThrowsAsync<Migrations.Running.MigrationValidationException>(() => Db.Runner(typeof(TableAndCheckInOne)).MigrateAsync());

        Assert.That(error!.Message, Does.Contain("made by raw SQL in this same migration").And.Contain("Move the Sql(...) into an earlier migration"));
        Assert.That(Db.Exists("gadgets"), Is.False);
    }

    [Test]
    public async Task A_streamed_seed_of_a_self_referencing_table_is_read_a_few_times_not_once_per_row()
    {
        StreamedCategories.Reads = 0;

        await Db.Runner(typeof(StreamedCategories)).MigrateAsync();

        Assert.That(Db.Count("categories"), Is.EqualTo(StreamedCategories.Rows));
        Assert.That(Db.Scalar("SELECT count(*) FROM categories c JOIN categories p ON p.id = c.parent_id"), Is.EqualTo((long)StreamedCategories.Rows - 1), "every child found its parent");
        Assert.That(StreamedCategories.Reads, Is.LessThanOrEqualTo(4), "checked, split into levels and sent: each a read of the whole sequence");
    }

    [Test]
    public async Task Parents_and_children_of_a_self_referencing_table_are_seeded_in_one_insert()
    {
        await Db.Runner(typeof(Categories)).MigrateAsync();

        Assert.That(Db.Rows("SELECT id, parent_id FROM categories WHERE id <= 4 ORDER BY id").Select(r => $"{r[0]}<{r[1]}"), Is.EqualTo(new[] { "1<", "2<1", "3<2", "4<1" }));
        Assert.That(Db.Count("categories"), Is.EqualTo(4 + 100));
        Assert.That(Db.Scalar("SELECT count(*) FROM categories WHERE parent_id = 1000"), Is.EqualTo(99L), "the large seed's children went in after their parent");
        Assert.Throws<DuckDBException>(() => Db.Execute("INSERT INTO categories VALUES (5000, 'orphan', 4999)"), "the foreign key holds");
    }

    [Test]
    public async Task Schemas_other_than_main_work()
    {
        await Db.Runner(typeof(InSchema)).MigrateAsync();
        Db.Execute("INSERT INTO sales.invoices (total) VALUES (10), (20)");
        Assert.That(Db.Rows("SELECT id, total FROM sales.invoices ORDER BY id").Select(r => $"{r[0]}:{r[1]}"), Is.EqualTo(new[] { "1:10", "2:20" }));
        Assert.That(Db.Rows("SELECT schema_name, index_name FROM duckdb_indexes()").Single(), Is.EqualTo(new object[] { "sales", "ix_invoices_total" }));

        await Db.Runner(typeof(InSchema)).MigrateToAsync(0);
        Assert.That(Db.Rows("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'sales'"), Is.Empty);
        Assert.That(Db.Rows("SELECT sequence_name FROM duckdb_sequences()"), Is.Empty);
    }
}
