using Migrations.Operations;
using Migrations.Postgres.Dialect;
using Npgsql;

namespace Migrations.Tests.Postgres;

/// <summary>The shared schema model read from pg_catalog after a real migration.</summary>
public class PostgresSchemaReaderTests : PostgresTests
{
    [Test]
    public async Task The_model_holds_columns_keys_indexes_sequences_views_and_enums_by_their_names()
    {
        await Runner(typeof(PostgresOperationTests.Shop)).MigrateAsync();
        Execute("CREATE VIEW big_orders AS SELECT * FROM orders WHERE quantity > 10");
        Execute("CREATE TYPE mood AS ENUM ('sad', 'ok')");

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var model = await PostgresSchemaReader.ReadAsync(connection, CancellationToken.None);

        var orders = model.Tables.Single(t => t.Name == new TableName("orders", "public"));
        Assert.That(orders.Columns.Select(c => $"{c.Name}:{c.StoreType}:{c.IsNullable}"),
            Is.EqualTo(new[] { "id:bigint:False", "item_name:character varying(200):False", "customer_id:bigint:False", "quantity:integer:True", "placed_at:timestamp with time zone:False" }));
        Assert.That(orders.PrimaryKey, Is.EqualTo(orders.PrimaryKey! with { Name = "pk_orders" }));
        Assert.That(orders.ForeignKeys.Single().Name, Is.EqualTo("fk_orders_customer_id"));
        Assert.That(orders.ForeignKeys.Single().PrincipalTable, Is.EqualTo(new TableName("customers", "public")));
        Assert.That(orders.ForeignKeys.Single().PrincipalColumns, Is.EqualTo(new[] { "id" }));
        Assert.That(orders.CheckConstraints.Single().Expression, Is.EqualTo("(quantity > 0)"));
        Assert.That(orders.Indexes.Select(i => $"{i.Name}:{string.Join(",", i.Columns)}"), Is.EqualTo(new[] { "ix_orders_customer_id:customer_id" }));
        Assert.That(model.Tables.Single(t => t.Name.Name == "customers").UniqueConstraints.Single().Name, Is.EqualTo("uq_customers_email"));
        Assert.That(model.Sequences.Select(s => s.Name.Name).Order(), Is.EqualTo(new[] { "customers_id_seq", "orders_id_seq" }));
        Assert.That(model.Views.Single().Name, Is.EqualTo(new TableName("big_orders", "public")));
        Assert.That(model.Enums.Single().Values, Is.EqualTo(new[] { "sad", "ok" }));
    }

    [Test]
    public async Task A_database_holding_a_single_object_of_any_kind_is_read_with_it()
    {
        // An empty database is answered by one query; anything in it must still be read.
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        Task<Migrations.Schema.SchemaModel> Read() => PostgresSchemaReader.ReadAsync(connection, CancellationToken.None);

        var empty = await Read();
        Assert.That((empty.Tables.Count, empty.Sequences.Count, empty.Views.Count, empty.Enums.Count), Is.EqualTo((0, 0, 0, 0)));

        Execute("CREATE SCHEMA other; CREATE SEQUENCE other.counter");
        Assert.That((await Read()).Sequences.Single().Name, Is.EqualTo(new TableName("counter", "other")));

        Execute("DROP SCHEMA other CASCADE; CREATE TYPE mood AS ENUM ('sad', 'ok')");
        Assert.That((await Read()).Enums.Single().Values, Is.EqualTo(new[] { "sad", "ok" }));

        Execute("DROP TYPE mood; CREATE VIEW answer AS SELECT 42 AS value");
        Assert.That((await Read()).Views.Single().Name, Is.EqualTo(new TableName("answer", "public")));

        Execute("DROP VIEW answer; CREATE TABLE notes (body text)");
        Assert.That((await Read()).Tables.Single().Columns.Single().Name, Is.EqualTo("body"));
    }
}
