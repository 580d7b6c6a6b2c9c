// The checks every migration set should pass, on the migrations of the QuickStart (DuckDB) and
// Postgres examples: each migration undoes itself, and the schema matches a committed snapshot
// (MIGRATIONS_UPDATE_SNAPSHOTS=1 dotnet test examples/Testing rewrites the snapshots).
using Migrations.Testing;
using NUnit.Framework;
using PostgresExample.Migrations;
using QuickStart.Migrations;

namespace TestingExample;

public class QuickStartMigrationsTests
{
    private static readonly TestDatabaseOptions Empty = new TestDatabaseOptions().ScanAssemblyOf<CreateCustomersAndOrders>().UpTo(0);

    [Test]
    public async Task Every_migration_undoes_itself()
    {
        await using var db = await DuckDbTestDatabase.CreateAsync(Empty);
        await MigrationChecks.VerifyRoundTripsAsync(db.Dialect, Empty.Migrations);
    }

    [Test]
    public async Task The_schema_matches_the_committed_snapshot()
    {
        await using var db = await DuckDbTestDatabase.CreateAsync(Empty);
        await MigrationChecks.VerifySnapshotAsync(db.Dialect, Empty.Migrations, Snapshots.Path("quickstart.duckdb.txt"));
    }

    [Test]
    public async Task An_order_needs_its_customer()
    {
        await using var db = await DuckDbTestDatabase.CreateAsync(new TestDatabaseOptions().ScanAssemblyOf<CreateCustomersAndOrders>());
        using var connection = db.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO orders (item_name, customer_id) VALUES ('book', 42)";
        Assert.That(() => command.ExecuteNonQuery(), Throws.Exception.Message.Contains("foreign key"));
    }
}

public class PostgresExampleMigrationsTests
{
    private static readonly TestDatabaseOptions Empty = new TestDatabaseOptions().ScanAssemblyOf<UsersAndContent>().UpTo(0);

    [Test]
    public async Task Every_migration_undoes_itself()
    {
        await using var db = await PostgresTestDatabase.CreateAsync(Empty);
        await MigrationChecks.VerifyRoundTripsAsync(db.Dialect, Empty.Migrations);
    }

    [Test]
    public async Task The_schema_matches_the_committed_snapshot()
    {
        await using var db = await PostgresTestDatabase.CreateAsync(Empty);
        await MigrationChecks.VerifySnapshotAsync(db.Dialect, Empty.Migrations, Snapshots.Path("postgres-example.postgres.txt"));
    }

    [Test]
    public async Task The_students_are_seeded_with_their_roles()
    {
        await using var db = await PostgresTestDatabase.CreateAsync(new TestDatabaseOptions().ScanAssemblyOf<UsersAndContent>());
        await using var connection = await db.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT string_agg(DISTINCT role::text, ',') || ' ' || count(*) FROM users";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("student 3"));
    }
}

/// <summary>Snapshots live beside the tests' sources, so that a schema change shows in review.</summary>
internal static class Snapshots
{
    public static string Path(string name) =>
        System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "snapshots", name);
}
