// The test kit from the packages: a migrated throwaway database per test on both databases, and the checks.
using Migrations;
using Migrations.Building;
using Migrations.Testing;
using NUnit.Framework;

[assembly: Parallelizable(ParallelScope.Fixtures)]

namespace KitConsumer;

[Migration(1, "Orders")]
public sealed class Orders : Migration
{
    public override void Up(MigrationBuilder m) => m
        .CreateTable("orders", t => t.Column("id", c => c.Int64().Identity().PrimaryKey()).Column("item", c => c.String(50).NotNull()))
        .CreateIndex("orders", "item")
        .InsertData("orders", ["item"], ["book"]);

    // Seed rows have no automatic inverse; the round-trip check asks for this Down.
    public override void Down(MigrationBuilder m) => m.DropTable("orders");
}

public class OnDuckDb
{
    private static readonly TestDatabaseOptions Migrated = new TestDatabaseOptions().ScanAssemblyOf<Orders>();

    [Test]
    public async Task Each_test_has_the_seeded_schema()
    {
        await using var db = await DuckDbTestDatabase.CreateAsync(Migrated);
        using var connection = db.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT item FROM orders";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("book"));
    }

    [Test]
    public async Task The_migrations_undo_themselves()
    {
        var empty = new TestDatabaseOptions().ScanAssemblyOf<Orders>().UpTo(0);
        await using var db = await DuckDbTestDatabase.CreateAsync(empty);
        await MigrationChecks.VerifyRoundTripsAsync(db.Dialect, empty.Migrations);
    }
}

public class OnPostgres
{
    [Test]
    public async Task Each_test_has_the_seeded_schema()
    {
        await using var db = await PostgresTestDatabase.CreateAsync(new TestDatabaseOptions().ScanAssemblyOf<Orders>());
        await using var connection = await db.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT item FROM orders";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("book"));
    }
}
