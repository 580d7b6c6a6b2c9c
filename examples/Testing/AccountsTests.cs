// How an application tests code that needs its real schema: a throwaway database per test,
// migrated by the same migrations the application ships, copied from a template migrated once.
using Migrations;
using Migrations.Building;
using Migrations.Testing;
using NUnit.Framework;

[assembly: Parallelizable(ParallelScope.Fixtures)]

namespace TestingExample;

[Migration(1, "Accounts")]
public sealed class CreateAccounts : Migration
{
    public override void Up(MigrationBuilder m) => m.CreateTable("accounts", t => t
        .Column("id", c => c.Int64().Identity().PrimaryKey())
        .Column("owner", c => c.String(100).NotNull())
        .Column("balance", c => c.Decimal(12, 2).NotNull().Default(0)));
}

public class AccountsOnDuckDbTests
{
    private static readonly TestDatabaseOptions Migrated = new TestDatabaseOptions().ScanAssemblyOf<CreateAccounts>();

    [Test]
    public async Task A_new_account_starts_at_zero()
    {
        await using var db = await DuckDbTestDatabase.CreateAsync(Migrated);
        using var connection = db.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO accounts (owner) VALUES ('ann') RETURNING balance";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(0m));
    }

    [Test]
    public async Task Every_test_starts_from_the_migrated_schema_without_rows()
    {
        await using var db = await DuckDbTestDatabase.CreateAsync(Migrated);
        using var connection = db.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM accounts";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(0L));
    }
}

public class AccountsOnPostgresTests
{
    private static readonly TestDatabaseOptions Migrated = new TestDatabaseOptions().ScanAssemblyOf<CreateAccounts>();

    [Test]
    public async Task A_new_account_starts_at_zero()
    {
        // One server for the run (MIGRATIONS_TEST_POSTGRES, or the local PostgreSQL binaries), a database per test.
        await using var db = await PostgresTestDatabase.CreateAsync(Migrated);
        await using var connection = await db.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO accounts (owner) VALUES ('ann') RETURNING balance";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(0m));
    }
}
