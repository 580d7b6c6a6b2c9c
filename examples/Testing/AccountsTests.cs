// How an application tests code that needs its real schema: a throwaway database per test,
// migrated by the same migrations the application ships.
using Migrations;
using Migrations.Building;
using Migrations.DuckDb;
using DuckDB.NET.Data;
using Migrations.Postgres;
using Migrations.Running;
using Migrations.Testing;
using Npgsql;
using NUnit.Framework;

namespace TestingExample;

[Migration(1, "Accounts")]
public sealed class CreateAccounts : Migration
{
    public override void Up(MigrationBuilder m) => m.CreateTable("accounts", t => t
        .Column("id", c => c.Int64().Identity().PrimaryKey())
        .Column("owner", c => c.String(100).NotNull())
        .Column("balance", c => c.Decimal(12, 2).NotNull().Default(0)));
}

public class AccountsTests
{
    [Test]
    public async Task A_new_account_starts_at_zero_on_duckdb()
    {
        // A private in-memory database, alive as long as this connection is open.
        await using var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await new MigrationRunner(new DuckDbDialect(connection), new MigrationRunnerOptions().ScanAssemblyOf<CreateAccounts>()).MigrateAsync();

        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO accounts (owner) VALUES ('ann') RETURNING balance";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(0m));
    }

    [Test]
    public async Task A_new_account_starts_at_zero_on_postgresql()
    {
        // A throwaway server from the local PostgreSQL binaries (or MIGRATIONS_TEST_POSTGRES), a database of its own.
        await using var server = await PostgresTestServer.StartAsync();
        var database = await server.CreateDatabaseAsync("accounts");
        await using (var dialect = new PostgresDialect(database))
        {
            await new MigrationRunner(dialect, new MigrationRunnerOptions().ScanAssemblyOf<CreateAccounts>()).MigrateAsync();
        }

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("INSERT INTO accounts (owner) VALUES ('ann') RETURNING balance", connection);
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(0m));
    }
}
